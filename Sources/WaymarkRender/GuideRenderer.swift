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
        // Line by line on the UTF-8 bytes, copying each kept line whole (splitting a String by Character runs
        // grapheme breaking over every page; appending byte by byte was most of this function's time). A page is
        // scanned fastest as an array; the dashboard of thousands of guides (megabytes) is read where it is, so
        // that a copy does not add to the build's peak memory.
        let bytes = text.utf8
        return String(decoding: bytes.count <= 1 << 20 ? normalizedLines(Array(bytes)) : normalizedLines(bytes), as: UTF8.self)
    }

    static func normalizedLines<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var blank = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = start
            var onlySpaces = true
            while end < bytes.endIndex, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] != UInt8(ascii: " ") { onlySpaces = false }
                end = bytes.index(after: end)
            }
            let endsWithNewline = end < bytes.endIndex
            if onlySpaces {
                // A line of nothing but spaces counts as blank; a last one without a newline is dropped.
                if endsWithNewline {
                    blank += 1
                    if blank <= 1 { out.append(UInt8(ascii: "\n")) }
                }
            } else {
                out.append(contentsOf: bytes[start..<end])
                if endsWithNewline {
                    out.append(UInt8(ascii: "\n"))
                    blank = 0
                }
            }
            start = endsWithNewline ? bytes.index(after: end) : end
        }
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        out.append(UInt8(ascii: "\n"))
        return out
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
