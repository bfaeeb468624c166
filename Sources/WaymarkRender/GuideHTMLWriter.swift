import Foundation
import WaymarkModel
import WaymarkEscaping

/// Turns a guide's Markdown into `guide.html`: cmark parses the text into a `MarkdownNode` tree, the tree is
/// transformed — the screenshots become figures with the highlight box drawn over them, step items get anchors, level-2
/// headings get ids for the contents navigation — and `MarkdownHTML` renders it once (cmark's safe mode); the result
/// is placed into `guide.html.mustache` with landmarks and the shared stylesheet.
///
/// The transforms work on nodes, never on HTML text, so nothing a label says can be mistaken for markup.
struct GuideHTMLWriter {
    let guide: PhrasedGuide
    let context: RenderContext

    func html(fromGuideMarkdown markdown: String) -> String {
        let document = CmarkAdapter.parse(Self.stripFrontMatter(markdown))
        var (main, footer) = Self.splitFooter(document)
        main = replaceScreenshots(in: main)
        main = Self.anchorSteps(main, count: guide.steps.count)
        let nav: [NavEntry]
        (main, nav) = Self.anchorHeadings(main)
        let capture = guide.capture
        var data: [String: Any] = [
            "lang": capture.languageTag,
            "title": capture.title.collapsingWhitespace,
            "generator": "waymark \(WaymarkVersion.current)",
            "body": MarkdownHTML.render(main).trimming(.newlines),
            "footer": MarkdownHTML.render(footer).trimming(.newlines),
            "nav": nav.map { ["id": $0.id, "text": $0.text] },
            "hasSections": nav.count >= 2,
            "stepLinks": guide.steps.map { ["number": $0.number] },
            "hasNav": nav.count >= 2 || guide.steps.count >= 2,
        ]
        data.merge(context.pageShell(application: capture.application)) { _, shell in shell }
        return GuideRenderer.normalizeBlankLines(context.templates.render("guide.html.mustache", data))
    }

    /// The document without its leading `---` YAML block (front matter is YAML, not Markdown).
    static func stripFrontMatter(_ markdown: String) -> String {
        guard markdown.hasPrefix("---\n") else { return markdown }
        let rest = markdown.dropFirst(4)
        guard let end = rest.utf8Range(of: "\n---\n") else { return markdown }
        return String(rest[end.upperBound...])
    }

    /// Splits at the last top-level thematic break (`---`): what follows is the page footer.
    static func splitFooter(_ document: MarkdownNode) -> (main: MarkdownNode, footer: MarkdownNode) {
        let blocks = document.children
        guard let last = blocks.lastIndex(of: .thematicBreak) else { return (document, .document([])) }
        return (.document(Array(blocks[..<last])), .document(Array(blocks[(last + 1)...])))
    }

    /// Gives each step's list item an anchor `step-N` and a "Link" to it, so a trainer can send a colleague
    /// straight to step 7. The link is a plain anchor (it works without JavaScript); the page's script copies the
    /// address when it can. Steps are the items of the top-level numbered lists, in order: objectives and
    /// prerequisites are bulleted, notes are quotes, and the knowledge check comes after the last step.
    static func anchorSteps(_ document: MarkdownNode, count: Int) -> MarkdownNode {
        var number = 0
        let blocks = document.children.map { block -> MarkdownNode in
            guard case .list(let list, let items) = block, list.ordered, number < count else { return block }
            return .list(list, items: items.map { item in
                guard case .item(let attributes, let children) = item, number < count else { return item }
                number += 1
                let link = MarkdownNode.markupInline(
                    "<a class=\"wm-step-link\" href=\"#step-\(number)\" aria-label=\"Link to step \(number)\">Link</a>")
                return .item(attributes: attributes + [HTMLAttribute("id", "step-\(number)"), HTMLAttribute("class", "wm-step")],
                             [link] + children)
            })
        }
        return .document(blocks)
    }

    struct NavEntry { var id: String; var text: String }

    /// Gives every top-level `<h2>` an id and returns the contents list.
    static func anchorHeadings(_ document: MarkdownNode) -> (MarkdownNode, [NavEntry]) {
        var nav: [NavEntry] = []
        let blocks = document.children.map { block -> MarkdownNode in
            guard case .heading(2, let attributes, let children) = block else { return block }
            let id = "section-\(nav.count + 1)"
            nav.append(NavEntry(id: id, text: block.plainText))
            return .heading(level: 2, attributes: attributes + [HTMLAttribute("id", id)], children)
        }
        return (.document(blocks), nav)
    }

    /// Each step's screenshot image becomes a figure with its highlight box; a paragraph that holds only the
    /// image becomes the figure itself.
    func replaceScreenshots(in document: MarkdownNode) -> MarkdownNode {
        var figures: [String: String] = [:]
        for step in guide.steps {
            guard let image = context.images[step.number], figures[image.path] == nil else { continue }
            figures[image.path] = figure(for: step, image: image)
        }
        guard !figures.isEmpty else { return document }
        var used = Set<String>()
        func transform(_ node: MarkdownNode) -> MarkdownNode {
            switch node {
            case .paragraph(let children):
                if children.count == 1, case .image(let source, _, _) = children[0], let figure = figures[source],
                   !used.contains(source) {
                    used.insert(source)
                    return .markupBlock(figure)
                }
                return .paragraph(children.map(transform))
            case .image(let source, _, _):
                guard let figure = figures[source], !used.contains(source) else { return node }
                used.insert(source)
                return .markupInline(figure)
            case .document(let c): return .document(c.map(transform))
            case .blockQuote(let c): return .blockQuote(c.map(transform))
            case .list(let list, let items): return .list(list, items: items.map(transform))
            case .item(let attributes, let c): return .item(attributes: attributes, c.map(transform))
            case .heading(let level, let attributes, let c): return .heading(level: level, attributes: attributes, c.map(transform))
            case .emphasis(let c): return .emphasis(c.map(transform))
            case .strong(let c): return .strong(c.map(transform))
            case .link(let destination, let title, let c): return .link(destination: destination, title: title, c.map(transform))
            default: return node
            }
        }
        return transform(document)
    }

    func figure(for step: PhrasedStep, image: GuideImage) -> String {
        let alt = HTMLEscaping.escape(GuideTemplateData.alt(for: step))
        let source: String
        if context.selfContained, let data = image.data {
            source = "data:\(image.mediaType);base64,\(data.base64EncodedString())"
        } else {
            source = HTMLEscaping.escape(image.path)
        }
        var img = "<img src=\"\(source)\" alt=\"\(alt)\""
        if let w = image.width, let h = image.height, w > 0, h > 0 { img += " width=\"\(w)\" height=\"\(h)\"" }
        img += ">"
        var highlightLabel: String?
        var box = ""
        if let rect = step.screenshot?.highlight, let w = image.width, let h = image.height, w > 0, h > 0 {
            box = "<span class=\"wm-highlight\" style=\"\(Self.highlightStyle(rect, width: w, height: h))\"></span>"
            highlightLabel = Self.highlightedName(step)
        }
        let frame = "<span class=\"wm-shot-frame\">\(img)\(box)</span>"
        let framed = context.selfContained
            ? frame
            : "<a class=\"wm-shot-link\" href=\"\(HTMLEscaping.escape(image.path))\">\(frame)</a>"
        var caption = "Screenshot of step \(step.number)"
        if let highlightLabel {
            caption += ", with <strong>\(HTMLEscaping.escape(highlightLabel))</strong> outlined"
        } else if !box.isEmpty {
            caption += ", with the control outlined"
        }
        // On paper there is nothing to select: the hint is for screens only (hidden by the print style sheet).
        caption += context.selfContained
            ? "." : ". <span class=\"wm-screen-only\">Select the picture to open it full size.</span>"
        return "<figure class=\"wm-shot\">\n\(framed)\n<figcaption>\(caption)</figcaption>\n</figure>"
    }

    /// The first label of the step's sentence: what the box surrounds.
    static func highlightedName(_ step: PhrasedStep) -> String? {
        for segment in step.instruction.segments {
            if case .label(let name) = segment { return name }
        }
        return nil
    }

    /// The box as percentages of the image, so it stays on the control at any displayed size.
    static func highlightStyle(_ rect: Rect, width: Int, height: Int) -> String {
        func percent(_ value: Int, of total: Int) -> String {
            let p = min(100, max(0, Double(value) / Double(total) * 100))
            return String(format: "%.2f%%", p)
        }
        // Clip the box to the image: a recorder may report a control that is partly off screen.
        let x = min(max(0, rect.x), width), y = min(max(0, rect.y), height)
        let w = max(0, min(rect.x + max(0, rect.width), width) - x)
        let h = max(0, min(rect.y + max(0, rect.height), height) - y)
        return "left:\(percent(x, of: width));top:\(percent(y, of: height));width:\(percent(w, of: width));height:\(percent(h, of: height))"
    }
}

extension RenderContext {
    /// What every per-capture HTML page (guide, job aid) shares around its content: the application name and
    /// either the inlined stylesheet (`--self-contained`: a shared single file has no dashboard beside it) or links
    /// to the shared stylesheet and the dashboard.
    func pageShell(application: String?) -> [String: Any] {
        var data: [String: Any] = [:]
        if let application, !application.isEmpty {
            data["application"] = application.collapsingWhitespace
        }
        if selfContained {
            data["inlineStylesheet"] = HTMLEscaping.rawTextElementContent(templates.stylesheet)
        } else {
            data["stylesheetHref"] = stylesheetHref
            if let dashboardHref { data["dashboardHref"] = dashboardHref }
        }
        return data
    }
}
