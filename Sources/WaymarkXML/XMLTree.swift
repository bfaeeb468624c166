/// A parsed XML element as a plain Swift value: what importers and tests read instead of libxml2 nodes.
///
/// Comments and processing instructions are dropped; CDATA sections become text. Every element keeps the line it
/// started on so importers can point diagnostics at it.
public struct XMLElement: Sendable, Hashable {
    /// Local name, without prefix.
    public var name: String
    public var namespaceURI: String?
    /// Attributes in document order (local names).
    public var attributes: [XMLAttribute]
    public var children: [XMLContent]
    /// 1-based line of the start tag.
    public var line: Int

    public init(
        name: String, namespaceURI: String? = nil, attributes: [XMLAttribute] = [], children: [XMLContent] = [],
        line: Int = 0
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    public func elements(named name: String) -> [XMLElement] { elements.filter { $0.name == name } }

    public func firstElement(named name: String) -> XMLElement? { elements.first { $0.name == name } }

    /// Concatenated text of this element and its descendants.
    public var text: String {
        var out = ""
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e): out += e.text
            }
        }
        return out
    }

    /// Text of the first child element with `name`, if present.
    public func childText(_ name: String) -> String? { firstElement(named: name)?.text }
}

public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public var line: Int

    public init(name: String, value: String, line: Int = 0) {
        self.name = name
        self.value = value
        self.line = line
    }
}

public enum XMLContent: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
}
