import Foundation
import WaymarkModel
import WaymarkEscaping

/// Turns a guide's Markdown into `guide.html`: cmark renders the text (safe mode), then the screenshots cmark wrote
/// as plain `<img>` become figures with the highlight box drawn over them, headings get anchors for the contents
/// navigation, and the result is placed into `guide.html.mustache` with landmarks and the shared stylesheet.
///
/// The post-processing only touches markup cmark itself produced for images and headings (captured text cannot
/// produce an `<img` or `<h2>` tag in safe mode: it is escaped), so it cannot be fooled by labels.
struct GuideHTMLWriter {
    let guide: PhrasedGuide
    let context: RenderContext

    func html(fromGuideMarkdown markdown: String) -> String {
        let body = Self.stripFrontMatter(markdown)
        let (main, footer) = Self.splitFooter(body)
        var mainHTML = CmarkAdapter.html(fromMarkdown: main)
        mainHTML = replaceScreenshots(in: mainHTML)
        mainHTML = Self.anchorSteps(mainHTML, count: guide.steps.count)
        let (anchored, nav) = Self.anchorHeadings(mainHTML)
        let capture = guide.capture
        var data: [String: Any] = [
            "lang": Self.languageTag(capture.language),
            "title": capture.title.collapsingWhitespace,
            "generator": "waymark \(WaymarkVersion.current)",
            "body": anchored.trimming(.newlines),
            "footer": CmarkAdapter.html(fromMarkdown: footer).trimming(.newlines),
            "nav": nav.map { ["id": $0.id, "text": $0.text] },
            "hasSections": nav.count >= 2,
            "stepLinks": guide.steps.map { ["number": $0.number] },
            "hasNav": nav.count >= 2 || guide.steps.count >= 2,
        ]
        data.merge(context.pageShell(application: capture.application)) { _, shell in shell }
        return GuideRenderer.normalizeBlankLines(context.templates.render("guide.html.mustache", data))
    }

    /// The document without its leading `---` YAML block.
    static func stripFrontMatter(_ markdown: String) -> String {
        guard markdown.hasPrefix("---\n") else { return markdown }
        let rest = markdown.dropFirst(4)
        guard let end = rest.utf8Range(of: "\n---\n") else { return markdown }
        return String(rest[end.upperBound...])
    }

    /// Splits at the last thematic break (`---` on its own line): what follows is the page footer.
    static func splitFooter(_ body: String) -> (main: String, footer: String) {
        guard let range = body.utf8Range(of: "\n---\n", backwards: true) else { return (body, "") }
        return (String(body[..<range.lowerBound]) + "\n", String(body[range.upperBound...]))
    }

    /// Gives each step's list item an anchor `step-N` and a "Link" to it, so a trainer can send a colleague
    /// straight to step 7. The link is a plain anchor (it works without JavaScript); the page's script copies the
    /// address when it can. Steps are the items of the top-level numbered lists, in order: objectives and
    /// prerequisites are bulleted, notes are quotes, and the knowledge check comes after the last step.
    static func anchorSteps(_ html: String, count: Int) -> String {
        guard count > 0 else { return html }
        // One pass over the bytes: the tags are ASCII, and everything between them is copied as is.
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + count * 128)
        var depth = 0
        var inStepList = false
        var number = 0
        var index = 0
        func at(_ tag: StaticString) -> Bool {
            let length = tag.utf8CodeUnitCount
            guard index + length <= bytes.count else { return false }
            let start = tag.utf8Start
            for offset in 0..<length where bytes[index + offset] != start[offset] { return false }
            return true
        }
        while index < bytes.count, number < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            if at("<ol") || at("<ul") {
                if depth == 0 { inStepList = at("<ol") }
                depth += 1
                out.append(contentsOf: bytes[index..<index + 3])
                index += 3
            } else if at("</ol>") || at("</ul>") {
                depth = max(0, depth - 1)
                out.append(contentsOf: bytes[index..<index + 5])
                index += 5
            } else if at("<li>") {
                if inStepList && depth == 1 {
                    number += 1
                    out.append(contentsOf: "<li id=\"step-\(number)\" class=\"wm-step\"><a class=\"wm-step-link\" href=\"#step-\(number)\" aria-label=\"Link to step \(number)\">Link</a>".utf8)
                } else {
                    out.append(contentsOf: "<li>".utf8)
                }
                index += 4
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        out.append(contentsOf: bytes[index...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `en`, `de-CH` … from the capture; `en` when absent or malformed.
    static func languageTag(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty, raw.count <= 35,
              raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
              raw.first?.isLetter == true else { return "en" }
        return raw
    }

    struct NavEntry { var id: String; var text: String }

    /// Gives every `<h2>` an id and returns the contents list.
    static func anchorHeadings(_ html: String) -> (String, [NavEntry]) {
        var out = ""
        var nav: [NavEntry] = []
        var rest = Substring(html)
        while let open = rest.utf8Range(of: "<h2>") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].utf8Range(of: "</h2>") else {
                rest = rest[open.lowerBound...]
                break
            }
            let inner = rest[open.upperBound..<close.lowerBound]
            let id = "section-\(nav.count + 1)"
            nav.append(NavEntry(id: id, text: plainText(ofHTML: String(inner))))
            out += "<h2 id=\"\(id)\">" + inner + "</h2>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, nav)
    }

    /// Text of a cmark HTML fragment: tags dropped, cmark's entities decoded (the template escapes it again).
    static func plainText(ofHTML html: String) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { text.append(ch) }
        }
        return text.utf8Replacing("&lt;", with: "<").utf8Replacing("&gt;", with: ">")
            .utf8Replacing("&quot;", with: "\"").utf8Replacing("&#39;", with: "'").utf8Replacing("&amp;", with: "&")
    }

    /// Replaces each `<p><img src="images/step-NN…" … /></p>` that cmark wrote with a figure and highlight box.
    func replaceScreenshots(in html: String) -> String {
        var result = html
        for step in guide.steps {
            guard let image = context.images[step.number] else { continue }
            let marker = "<img src=\"\(HTMLEscaping.escape(image.path))\""
            guard let imgStart = result.utf8Range(of: marker),
                  let imgEnd = result[imgStart.upperBound...].utf8Range(of: "/>") else { continue }
            var replaceStart = imgStart.lowerBound
            var replaceEnd = imgEnd.upperBound
            if result[..<replaceStart].hasSuffix("<p>"),
               result[replaceEnd...].hasPrefix("</p>") {
                replaceStart = result.index(replaceStart, offsetBy: -3)
                replaceEnd = result.index(replaceEnd, offsetBy: 4)
            }
            result.replaceSubrange(replaceStart..<replaceEnd, with: figure(for: step, image: image))
        }
        return result
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
        caption += context.selfContained ? "." : ". Select the picture to open it full size."
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
            data["inlineStylesheet"] = templates.stylesheet.utf8Replacing("</", with: "<\\/")
        } else {
            data["stylesheetHref"] = stylesheetHref
            if let dashboardHref { data["dashboardHref"] = dashboardHref }
        }
        return data
    }
}
