/// A CommonMark document as plain Swift values: what cmark parsed, so HTML is made by transforming a tree and
/// rendering it once (`MarkdownHTML`), never by editing HTML text.
///
/// `CmarkAdapter` builds it; nothing outside that file sees cmark. Waymark's own additions (step anchors, heading
/// ids, screenshot figures) are `attributes` on items and headings and `markup` nodes holding HTML that Waymark
/// wrote itself — never text from a capture, which only ever reaches the tree as `text` and is escaped on output.
package indirect enum MarkdownNode: Sendable, Hashable {
    // Blocks
    case document([MarkdownNode])
    case blockQuote([MarkdownNode])
    case list(MarkdownList, items: [MarkdownNode])
    case item(attributes: [HTMLAttribute], [MarkdownNode])
    case heading(level: Int, attributes: [HTMLAttribute], [MarkdownNode])
    /// `info` is the fence's info string (empty for indented code).
    case codeBlock(info: String, literal: String)
    /// Raw HTML from the Markdown source; safe rendering omits it.
    case htmlBlock(String)
    case thematicBreak
    case paragraph([MarkdownNode])
    /// HTML Waymark wrote itself, placed as a block (a screenshot figure).
    case markupBlock(String)

    // Inlines
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw HTML from the Markdown source; safe rendering omits it.
    case htmlInline(String)
    case emphasis([MarkdownNode])
    case strong([MarkdownNode])
    case link(destination: String, title: String, [MarkdownNode])
    case image(source: String, title: String, [MarkdownNode])
    /// HTML Waymark wrote itself, placed inline (a step's "Link" anchor).
    case markupInline(String)

    /// The children of a container node; empty for leaves.
    package var children: [MarkdownNode] {
        switch self {
        case .document(let c), .blockQuote(let c), .paragraph(let c), .emphasis(let c), .strong(let c): c
        case .list(_, let items): items
        case .item(_, let c), .heading(_, _, let c), .link(_, _, let c), .image(_, _, let c): c
        default: []
        }
    }

    /// The text a reader sees, without markup: what a heading says in a table of contents. Raw HTML and images
    /// contribute nothing (as a browser shows the heading's HTML without them).
    package var plainText: String {
        switch self {
        case .text(let t), .code(let t): t
        case .softBreak, .lineBreak: " "
        case .htmlInline, .htmlBlock, .markupInline, .markupBlock, .image: ""
        default: children.map(\.plainText).joined()
        }
    }
}

/// How a list is numbered and spaced.
package struct MarkdownList: Sendable, Hashable {
    package var ordered: Bool
    /// The first number of an ordered list.
    package var start: Int
    /// A tight list's paragraphs are rendered without `<p>`.
    package var tight: Bool

    package init(ordered: Bool, start: Int, tight: Bool) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
    }
}

/// An attribute Waymark adds to an element (`id="step-3"`); the value is escaped on output.
package struct HTMLAttribute: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
