import Foundation
import WaymarkModel
import WaymarkEscaping

/// Writes `guide.md` (front matter, purpose, audience, objectives, prerequisites, numbered steps with screenshots
/// and notes, knowledge check, footer) and `guide.html` (that same Markdown through cmark, in the HTML template).
public struct GuideRenderer: MaterialRenderer {
    public init() {}

    public func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile] {
        let markdown = markdown(for: guide, context: context)
        let html = GuideHTMLWriter(guide: guide, context: context).html(fromGuideMarkdown: markdown)
        return [RenderedFile(path: "guide.md", text: markdown), RenderedFile(path: "guide.html", text: html)]
    }

    public func markdown(for guide: PhrasedGuide, context: RenderContext) -> String {
        let capture = guide.capture
        var data: [String: Any] = [
            "frontMatter": GuideTemplateData.frontMatter(guide, context: context),
            "title": MarkdownEscaping.inline(capture.title.collapsingWhitespace),
            "sections": GuideTemplateData.sections(guide, context: context, images: true),
            "footer": GuideTemplateData.footer(capture),
            "hasObjectives": !capture.objectives.isEmpty,
            "objectives": capture.objectives.compactMap(GuideTemplateData.escaped),
            "hasPrerequisites": !capture.prerequisites.isEmpty,
            "prerequisites": capture.prerequisites.compactMap(GuideTemplateData.writerMarkdownOrNil),
        ]
        if let purpose = GuideTemplateData.escaped(capture.purpose) { data["purpose"] = purpose }
        if let audience = GuideTemplateData.escaped(capture.audience.map(GuideTemplateData.sentence)) {
            data["audience"] = audience
        }
        if let quiz = GuideTemplateData.quiz(KnowledgeCheck.make(for: guide, mode: context.quiz)) { data["quiz"] = quiz }
        return Self.normalizeBlankLines(context.templates.render("guide.md.mustache", data))
    }

    /// Collapses runs of blank lines and ends the text with exactly one newline, so template whitespace never
    /// changes the document.
    static func normalizeBlankLines(_ text: String) -> String {
        // On the UTF-8 bytes: splitting a String by Character runs grapheme breaking over every page.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 1)
        var blank = 0
        var lineStart = true
        var pendingSpaces = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                // A line of nothing but spaces counts as blank; spaces inside or after text are kept.
                if lineStart {
                    pendingSpaces = 0
                    blank += 1
                    if blank > 1 { continue }
                } else {
                    blank = 0
                }
                out.append(byte)
                lineStart = true
            } else if lineStart && byte == UInt8(ascii: " ") {
                pendingSpaces += 1
            } else {
                if lineStart {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pendingSpaces))
                    pendingSpaces = 0
                    lineStart = false
                }
                out.append(byte)
            }
        }
        // A last line of only spaces (no newline after it) is dropped with the pending spaces.
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }
}

extension GuideTemplateData {
    /// Text ending with a full stop unless it already ends with punctuation.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimming(.whitespacesAndNewlines)
        guard let last = trimmed.last, !".!?:…".contains(last) else { return trimmed }
        return trimmed + "."
    }

    static func writerMarkdownOrNil(_ text: String) -> String? {
        let trimmed = text.trimming(.whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : writerMarkdown(trimmed)
    }
}
