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

    /// Items that start with `[ ] ` become tick boxes. Only the template writes `- [ ] ` at the start of an item;
    /// captured text inside it is escaped, so it cannot start an item this way.
    static func tickBoxes(_ node: MarkdownNode) -> MarkdownNode {
        switch node {
        case .item(let attributes, var children):
            children = children.map(tickBoxes)
            if case .paragraph(let inlines)? = children.first, let rest = dropLeadingText("[ ] ", from: inlines) {
                children[0] = .paragraph([.markupInline("<span class=\"wm-box\" aria-hidden=\"true\"></span>")] + rest)
                return .item(attributes: attributes + [HTMLAttribute("class", "wm-check")], children)
            }
            return .item(attributes: attributes, children)
        case .document(let c): return .document(c.map(tickBoxes))
        case .blockQuote(let c): return .blockQuote(c.map(tickBoxes))
        case .list(let list, let items): return .list(list, items: items.map(tickBoxes))
        default: return node
        }
    }

    /// `inlines` without `prefix` at their start, which may span several text nodes (cmark splits text at
    /// brackets); nil when they do not start with it.
    static func dropLeadingText(_ prefix: String, from inlines: [MarkdownNode]) -> [MarkdownNode]? {
        var remaining = Substring(prefix)
        var rest = inlines
        while !remaining.isEmpty {
            guard case .text(let text)? = rest.first else { return nil }
            if text.count <= remaining.count {
                guard remaining.hasPrefix(text) else { return nil }
                remaining = remaining.dropFirst(text.count)
                rest.removeFirst()
            } else {
                guard text.hasPrefix(remaining) else { return nil }
                rest[0] = .text(String(text.dropFirst(remaining.count)))
                remaining = ""
            }
        }
        return rest
    }

    /// The Markdown through cmark (safe mode) in `job-aid.html.mustache`; `[ ]` items become tick boxes.
    func html(fromMarkdown markdown: String, guide: PhrasedGuide, context: RenderContext) -> String {
        let capture = guide.capture
        let body = MarkdownHTML.render(Self.tickBoxes(CmarkAdapter.parse(GuideHTMLWriter.stripFrontMatter(markdown))))
        var data: [String: Any] = [
            "lang": capture.languageTag,
            "title": capture.title.collapsingWhitespace,
            "generator": "waymark \(WaymarkVersion.current)",
            "body": body.trimming(.newlines),
        ]
        data.merge(context.pageShell(application: capture.application)) { _, shell in shell }
        return GuideRenderer.normalizeBlankLines(context.templates.render("job-aid.html.mustache", data))
    }
}
