/// Renders a `MarkdownNode` tree as HTML exactly as cmark's HTML renderer does in its default, safe mode: raw HTML
/// from the source is replaced by `<!-- raw HTML omitted -->`, and `javascript:`, `vbscript:`, `file:` and `data:`
/// links (except `data:image/png|gif|jpeg|webp`) lose their address — so even a hand-edited or hostile guide cannot
/// inject markup into guide.html. A test compares it with the `cmark` program byte for byte.
///
/// Waymark's additions render as they are: item and heading `attributes` (escaped), and `markup` nodes.
package enum MarkdownHTML {
    package static func render(_ node: MarkdownNode) -> String {
        var out = Output()
        out.render(node, tight: false)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// CommonMark text to HTML: parsed by cmark, rendered here.
    package static func render(markdown: String) -> String {
        render(CmarkAdapter.parse(markdown))
    }

    private struct Output {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(16 * 1024) }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
        }

        /// A line break unless the output is empty or already ends with one.
        mutating func newlineIfNeeded() {
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        }

        /// `&`, `<`, `>` and `"` as references (cmark's escaping of text and attribute values).
        mutating func escaped(_ text: String) {
            for byte in text.utf8 {
                switch byte {
                case 0x26: append("&amp;")
                case 0x3C: append("&lt;")
                case 0x3E: append("&gt;")
                case 0x22: append("&quot;")
                default: bytes.append(byte)
                }
            }
        }

        /// A URL as an attribute value: bytes that are safe or reserved in URLs stay, `&` and `'` become
        /// references, everything else is percent-encoded.
        mutating func href(_ url: String) {
            let hex: StaticString = "0123456789ABCDEF"
            for byte in url.utf8 {
                if Self.isHrefSafe(byte) {
                    bytes.append(byte)
                } else if byte == 0x26 {
                    append("&amp;")
                } else if byte == 0x27 {
                    append("&#x27;")
                } else {
                    bytes.append(0x25)
                    hex.withUTF8Buffer { table in
                        bytes.append(table[Int(byte >> 4)])
                        bytes.append(table[Int(byte & 0x0F)])
                    }
                }
            }
        }

        /// Letters, digits and `-_.+!*(),%#@?=;:/$~`.
        static func isHrefSafe(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
                 UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
                 UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"),
                 UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
                true
            default: false
            }
        }

        /// Addresses safe mode drops: scripts, local files and data other than common images.
        static func isDangerous(_ url: String) -> Bool {
            let lower = url.prefix(16).lowercased()
            if lower.hasPrefix("data:image/") {
                let kind = lower.dropFirst(11)
                return !(kind.hasPrefix("png") || kind.hasPrefix("gif") || kind.hasPrefix("jpeg") || kind.hasPrefix("webp"))
            }
            return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
                || lower.hasPrefix("data:")
        }

        mutating func attributes(_ attributes: [HTMLAttribute]) {
            for attribute in attributes {
                append(" " + attribute.name + "=\"")
                escaped(attribute.value)
                append("\"")
            }
        }

        /// The text of an image's description, as its `alt` attribute.
        mutating func plain(_ node: MarkdownNode) {
            switch node {
            case .text(let t), .code(let t), .htmlInline(let t): escaped(t)
            case .softBreak, .lineBreak: append(" ")
            default: for child in node.children { plain(child) }
            }
        }

        /// `tight`: the node is a direct child of an item of a tight list (its paragraphs have no `<p>`).
        mutating func render(_ node: MarkdownNode, tight: Bool) {
            switch node {
            case .document(let children):
                for child in children { render(child, tight: false) }
            case .blockQuote(let children):
                newlineIfNeeded()
                append("<blockquote>\n")
                for child in children { render(child, tight: false) }
                newlineIfNeeded()
                append("</blockquote>\n")
            case .list(let list, let items):
                newlineIfNeeded()
                if !list.ordered {
                    append("<ul>\n")
                } else if list.start == 1 {
                    append("<ol>\n")
                } else {
                    append("<ol start=\"\(list.start)\">\n")
                }
                for item in items { render(item, tight: list.tight) }
                append(list.ordered ? "</ol>\n" : "</ul>\n")
            case .item(let attributes, let children):
                newlineIfNeeded()
                append("<li")
                self.attributes(attributes)
                append(">")
                for child in children { render(child, tight: tight) }
                append("</li>\n")
            case .heading(let level, let attributes, let children):
                newlineIfNeeded()
                append("<h\(level)")
                self.attributes(attributes)
                append(">")
                for child in children { render(child, tight: false) }
                append("</h\(level)>\n")
            case .codeBlock(let info, let literal):
                newlineIfNeeded()
                let language = info.prefix { !" \t\n\u{0B}\u{0C}\r".contains($0) }
                if language.isEmpty {
                    append("<pre><code>")
                } else {
                    append("<pre><code class=\"language-")
                    escaped(String(language))
                    append("\">")
                }
                escaped(literal)
                append("</code></pre>\n")
            case .htmlBlock:
                newlineIfNeeded()
                append("<!-- raw HTML omitted -->")
                newlineIfNeeded()
            case .thematicBreak:
                newlineIfNeeded()
                append("<hr />\n")
            case .paragraph(let children):
                if tight {
                    for child in children { render(child, tight: false) }
                } else {
                    newlineIfNeeded()
                    append("<p>")
                    for child in children { render(child, tight: false) }
                    append("</p>\n")
                }
            case .markupBlock(let markup):
                // In place of a paragraph: where a tight list would print the paragraph's content bare, so is this.
                if tight {
                    append(markup)
                } else {
                    newlineIfNeeded()
                    append(markup)
                    append("\n")
                }
            case .text(let text):
                escaped(text)
            case .softBreak:
                append("\n")
            case .lineBreak:
                append("<br />\n")
            case .code(let text):
                append("<code>")
                escaped(text)
                append("</code>")
            case .htmlInline:
                append("<!-- raw HTML omitted -->")
            case .emphasis(let children):
                append("<em>")
                for child in children { render(child, tight: false) }
                append("</em>")
            case .strong(let children):
                append("<strong>")
                for child in children { render(child, tight: false) }
                append("</strong>")
            case .link(let destination, let title, let children):
                append("<a href=\"")
                if !Self.isDangerous(destination) { href(destination) }
                if !title.isEmpty {
                    append("\" title=\"")
                    escaped(title)
                }
                append("\">")
                for child in children { render(child, tight: false) }
                append("</a>")
            case .image(let source, let title, let children):
                append("<img src=\"")
                if !Self.isDangerous(source) { href(source) }
                append("\" alt=\"")
                for child in children { plain(child) }
                if !title.isEmpty {
                    append("\" title=\"")
                    escaped(title)
                }
                append("\" />")
            case .markupInline(let markup):
                append(markup)
            }
        }
    }
}
