import Foundation
import WaymarkModel
import WaymarkEscaping

/// Writes `job-aid.md`: a one-page checklist of the steps for learners after training — no screenshots, notes as
/// short sub-items, the owner to ask at the end — and `job-aid.html`, the same checklist laid out to print on one
/// A4 or Letter page (up to 20 steps), with boxes to tick.
public struct JobAidRenderer: MaterialRenderer {
    public init() {}

    public func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile] {
        let capture = guide.capture
        let title = capture.title.collapsingWhitespace
        var data: [String: Any] = [
            "frontMatter": GuideTemplateData.frontMatter(
                guide, context: context, title: "Job aid: \(title)", id: "\(capture.id)-job-aid"),
            "title": MarkdownEscaping.inline(title),
            "sections": GuideTemplateData.sections(guide, context: context, images: false),
        ]
        if let owner = GuideTemplateData.escaped(capture.owner) { data["contact"] = owner }
        let text = GuideRenderer.normalizeBlankLines(context.templates.render("job-aid.md.mustache", data))
        return [RenderedFile(path: "job-aid.md", text: text), RenderedFile(path: "job-aid.html", text: html(fromMarkdown: text, guide: guide, context: context))]
    }

    /// The Markdown through cmark (safe mode) in `job-aid.html.mustache`; `[ ]` items become tick boxes.
    func html(fromMarkdown markdown: String, guide: PhrasedGuide, context: RenderContext) -> String {
        let capture = guide.capture
        var body = CmarkAdapter.html(fromMarkdown: GuideHTMLWriter.stripFrontMatter(markdown))
        // Only the template writes `- [ ] ` at the start of an item; captured text inside it is escaped.
        body = body.utf8Replacing("<li>[ ] ", with: "<li class=\"wm-check\"><span class=\"wm-box\" aria-hidden=\"true\"></span>")
            .utf8Replacing("<li>\n<p>[ ] ", with: "<li class=\"wm-check\">\n<p><span class=\"wm-box\" aria-hidden=\"true\"></span>")
        var data: [String: Any] = [
            "lang": GuideHTMLWriter.languageTag(capture.language),
            "title": capture.title.collapsingWhitespace,
            "generator": "waymark \(WaymarkVersion.current)",
            "body": body.trimming(.newlines),
        ]
        data.merge(context.pageShell(application: capture.application)) { _, shell in shell }
        return GuideRenderer.normalizeBlankLines(context.templates.render("job-aid.html.mustache", data))
    }
}
