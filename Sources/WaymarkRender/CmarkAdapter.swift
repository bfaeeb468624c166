internal import CCmark

/// The only file that talks to libcmark: CommonMark text in, a `MarkdownNode` tree out.
///
/// cmark parses (it is the reference CommonMark parser); `MarkdownHTML` renders the Swift tree in cmark's safe mode,
/// so Waymark can add anchors, ids and figures as tree transforms instead of editing HTML text. The walk uses cmark's
/// iterator (no recursion), and containers nested deeper than `maximumDepth` are kept as their plain text: guides are
/// a few levels deep, and a hand-made template nested thousands deep must not exhaust a worker thread's stack.
enum CmarkAdapter {
    static let maximumDepth = 100

    static func parse(_ markdown: String) -> MarkdownNode {
        var utf8 = Array(markdown.utf8)
        utf8.append(0)
        let length = utf8.count - 1
        let root: OpaquePointer? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                cmark_parse_document(chars, length, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return .document([]) }
        defer { cmark_node_free(root) }
        return convert(root)
    }

    /// A node under construction: its kind and the children converted so far.
    private struct Frame {
        var node: OpaquePointer
        var children: [MarkdownNode] = []
    }

    private static func convert(_ root: OpaquePointer) -> MarkdownNode {
        guard let iterator = cmark_iter_new(root) else { return .document([]) }
        defer { cmark_iter_free(iterator) }
        var stack: [Frame] = []
        var flattening: (node: OpaquePointer, text: String)?
        var result: MarkdownNode = .document([])
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLeaf = type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_CODE_BLOCK
                || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK
                || type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_CUSTOM_INLINE

            if var flat = flattening {
                // Too deep: only the words are kept, as one text node of the deepest container allowed.
                if isLeaf {
                    flat.text += leafText(node, type)
                    flattening = flat
                } else if event == CMARK_EVENT_EXIT, node == flat.node {
                    stack[stack.count - 1].children.append(.text(flat.text))
                    flattening = nil
                } else {
                    flattening = flat
                }
                continue
            }
            if isLeaf {
                if let leaf = leafNode(node, type) { stack[stack.count - 1].children.append(leaf) }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                if stack.count >= maximumDepth {
                    flattening = (node, "")
                } else {
                    stack.append(Frame(node: node))
                }
            } else if let frame = stack.popLast() {
                let built = container(frame.node, type, children: frame.children)
                if stack.isEmpty {
                    result = built
                } else {
                    stack[stack.count - 1].children.append(built)
                }
            }
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func leafNode(_ node: OpaquePointer, _ type: cmark_node_type) -> MarkdownNode? {
        let literal = string(cmark_node_get_literal(node))
        switch type {
        case CMARK_NODE_TEXT: return .text(literal)
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal)
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal)
        case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal)
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: return nil
        }
    }

    private static func leafText(_ node: OpaquePointer, _ type: cmark_node_type) -> String {
        switch type {
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: " "
        case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK: ""
        default: string(cmark_node_get_literal(node))
        }
    }

    private static func container(_ node: OpaquePointer, _ type: cmark_node_type, children: [MarkdownNode]) -> MarkdownNode {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote(children)
        case CMARK_NODE_LIST:
            let list = MarkdownList(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
            return .list(list, items: children)
        case CMARK_NODE_ITEM: return .item(attributes: [], children)
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), attributes: [], children)
        case CMARK_NODE_PARAGRAPH: return .paragraph(children)
        case CMARK_NODE_EMPH: return .emphasis(children)
        case CMARK_NODE_STRONG: return .strong(children)
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children)
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children)
        default: return .document(children)
        }
    }
}
