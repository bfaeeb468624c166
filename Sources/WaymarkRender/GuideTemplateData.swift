import Foundation
import WaymarkModel
import WaymarkEscaping

/// Builds the values Mustache templates see, with every text already escaped for Markdown.
///
/// Templates only arrange pieces; all escaping decisions live here (and in `MarkdownInline`), so a user's template
/// override cannot forget to escape a label.
enum GuideTemplateData {
    static func frontMatter(_ guide: PhrasedGuide, context: RenderContext, title: String? = nil, id: String? = nil) -> String {
        let capture = guide.capture
        var yaml = YAMLFrontMatter()
        yaml.add("title", title ?? capture.title)
        yaml.add("id", id ?? capture.id)
        yaml.add("description", capture.purpose.map(\.collapsingWhitespace))
        yaml.add("application", capture.application)
        yaml.add("owner", capture.owner)
        yaml.add("audience", capture.audience.map(\.collapsingWhitespace))
        yaml.addDate("review_by", capture.reviewBy?.description)
        yaml.add("source", context.sourcePath.isEmpty ? nil : context.sourcePath)
        yaml.add("fingerprint", context.fingerprint)
        yaml.add("generator", "waymark \(WaymarkVersion.current)")
        return yaml.body
    }

    static func escaped(_ text: String?) -> String? {
        guard let text = text?.trimming(.whitespacesAndNewlines), !text.isEmpty else { return nil }
        return MarkdownEscaping.inline(text)
    }

    /// A writer's note or sentence: `**labels**` and `` `values` `` kept, everything else escaped.
    static func writerMarkdown(_ text: String) -> String {
        MarkdownInline.render(WriterText.parse(text))
    }

    static func alt(for step: PhrasedStep) -> String {
        "Screenshot: " + step.instruction.plainText.collapsingWhitespace
    }

    /// Sections with numbered steps; images only where the build copied one.
    static func sections(_ guide: PhrasedGuide, context: RenderContext, images: Bool) -> [[String: Any]] {
        guide.sections.map { section in
            var dict: [String: Any] = [:]
            if let title = section.title {
                dict["heading"] = MarkdownInline.render(title, labels: .plain)
            }
            dict["steps"] = section.steps.map { step -> [String: Any] in
                var s: [String: Any] = [
                    "number": String(step.number),
                    "instruction": MarkdownInline.render(step.instruction),
                    "indent": String(repeating: " ", count: String(step.number).count + 2),
                    "notes": step.notes.map(writerMarkdown),
                ]
                var hasExtras = !step.notes.isEmpty
                if images, let image = context.images[step.number] {
                    s["image"] = ["alt": MarkdownEscaping.inline(alt(for: step)), "path": image.path]
                    hasExtras = true
                }
                s["hasExtras"] = hasExtras
                return s
            }
            return dict
        }
    }

    static func quiz(_ check: KnowledgeCheck?) -> [String: Any]? {
        guard let check, !check.questions.isEmpty else { return nil }
        let questions = check.questions.enumerated().map { offset, question -> [String: Any] in
            let number = String(offset + 1)
            return [
                "number": number,
                "prompt": MarkdownInline.render(question.prompt),
                "indent": String(repeating: " ", count: number.count + 2),
                "options": question.options.enumerated().map { index, option in
                    ["letter": KnowledgeCheck.letter(index), "text": MarkdownInline.render(option)]
                },
            ]
        }
        return ["questions": questions, "answers": check.answerKey]
    }

    /// "Owner: … · Review by … · Generated from the capture recorded …."
    static func footer(_ capture: Capture) -> String {
        var parts: [String] = []
        if let owner = escaped(capture.owner) { parts.append("Owner: \(owner)") }
        if let review = capture.reviewBy { parts.append("Review by \(review)") }
        if let recorded = capture.recordedAt.flatMap(recordedDate) {
            parts.append("Generated from the capture recorded \(recorded).")
        } else {
            parts.append("Generated from the recorded capture.")
        }
        return parts.joined(separator: " · ")
    }

    /// The calendar date of an ISO 8601 timestamp (`2026-11-02T09:14:00Z` → `2026-11-02`).
    static func recordedDate(_ text: String) -> String? {
        let prefix = String(text.prefix(10))
        return CalendarDate(prefix)?.description
    }
}
