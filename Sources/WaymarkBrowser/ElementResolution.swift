/// What a query found, told apart the way replay needs: exactly one element, several, or none — and then what is on
/// the page instead.
public enum ElementResolution: Sendable {
    case found(BrowserElement)
    /// More than one element matches; all of them, in document order per strategy.
    case ambiguous([BrowserElement])
    /// Nothing matched before the wait ran out. `nearby` lists elements of the query's role (or of the common
    /// interactive roles) with their accessible names, most similar name first, so a report can say "**Submit**
    /// (button) not found; a button **Send** is on the page".
    case notFound(nearby: [ElementCandidate])

    /// The element when exactly one matched.
    public var element: BrowserElement? {
        if case .found(let e) = self { return e }
        return nil
    }
}

/// An element on the page with the name and role a screen reader would announce for it.
public struct ElementCandidate: Sendable, CustomStringConvertible {
    public let element: BrowserElement
    /// W3C Get Computed Label, white space collapsed.
    public let name: String
    /// W3C Get Computed Role.
    public let role: String

    package init(element: BrowserElement, name: String, role: String) {
        self.element = element
        self.name = name
        self.role = role
    }

    /// `a button “Send”`.
    public var description: String { "a \(role) “\(name)”" }
}
