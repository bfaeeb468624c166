/// An element described the way recordings describe it: a CSS or XPath selector, link text, what a person reads
/// (accessible name and role, visible text), a selector that pierces shadow roots, or a path through shadow roots —
/// optionally inside a path of frames.
///
/// Chrome Recorder writes `aria/Submit[role="button"]`, `text/Hello`, `pierce/#test` and arrays of selectors that
/// cross shadow roots; Selenium IDE writes `css=`, `xpath=`, `linkText=`; Waymark's own captures carry a label and
/// a role. Each becomes one `ElementQuery`, which `BrowserSession.resolve(_:)` turns into exactly one element, or
/// tells apart "nothing matches" from "several match".
public struct ElementQuery: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case css(String)
        case xpath(String)
        case linkText(String)
        case partialLinkText(String)
        /// Elements whose accessible name (W3C Get Computed Label) is this text — compared with runs of white space
        /// collapsed — and, when a role is given, whose computed role is that role.
        case accessibleName(String, role: AccessibleRole?)
        /// The innermost visible elements whose rendered text is this text (white space collapsed); when none is
        /// exactly this text, those whose text contains it.
        case visibleText(String)
        /// A CSS selector matched in the document and inside every open shadow root, however deeply nested.
        case pierceCSS(String)
        /// CSS selectors through shadow roots: the first in the document, each next one inside the open shadow root
        /// of what the previous one matched (Chrome Recorder's selector arrays).
        case shadowPath([String])
    }

    public var kind: Kind
    /// The frames to search in, from the top-level document: nil searches the browsing context the session is in
    /// now; `[]` searches the top-level document.
    public var frames: [FrameSelector]?

    public init(_ kind: Kind, frames: [FrameSelector]? = nil) {
        self.kind = kind
        self.frames = frames
    }

    public static func css(_ selector: String) -> ElementQuery { ElementQuery(.css(selector)) }
    public static func xpath(_ expression: String) -> ElementQuery { ElementQuery(.xpath(expression)) }
    public static func linkText(_ text: String) -> ElementQuery { ElementQuery(.linkText(text)) }
    public static func partialLinkText(_ text: String) -> ElementQuery { ElementQuery(.partialLinkText(text)) }
    public static func accessibleName(_ name: String, role: AccessibleRole? = nil) -> ElementQuery {
        ElementQuery(.accessibleName(name, role: role))
    }
    public static func visibleText(_ text: String) -> ElementQuery { ElementQuery(.visibleText(text)) }
    public static func pierceCSS(_ selector: String) -> ElementQuery { ElementQuery(.pierceCSS(selector)) }
    public static func shadowPath(_ selectors: [String]) -> ElementQuery { ElementQuery(.shadowPath(selectors)) }

    /// The same query, searched inside `frames` (from the top-level document).
    public func inFrames(_ frames: [FrameSelector]) -> ElementQuery {
        var copy = self
        copy.frames = frames
        return copy
    }

    /// The same query, searched in the top-level document whatever frame the session is in.
    public var inTopDocument: ElementQuery { inFrames([]) }

    /// The role a query names, for listing candidates when it matches nothing.
    public var role: AccessibleRole? {
        if case .accessibleName(_, let role) = kind { return role }
        return nil
    }

    /// The words a person would read, for ranking candidates when it matches nothing.
    public var readableName: String? {
        switch kind {
        case .accessibleName(let name, _), .visibleText(let name), .linkText(let name), .partialLinkText(let name): name
        default: nil
        }
    }

    /// A short phrase for messages: `“Submit” (button)`, `CSS #save`, `XPath //a`.
    public var description: String {
        var text = switch kind {
        case .css(let s): "CSS \(s)"
        case .xpath(let s): "XPath \(s)"
        case .linkText(let s): "link “\(s)”"
        case .partialLinkText(let s): "link containing “\(s)”"
        case .accessibleName(let name, let role): role.map { "“\(name)” (\($0))" } ?? "“\(name)”"
        case .visibleText(let s): "text “\(s)”"
        case .pierceCSS(let s): "CSS \(s) (in shadow roots too)"
        case .shadowPath(let parts): "CSS \(parts.joined(separator: " ⟶ shadow ⟶ "))"
        }
        if let frames, !frames.isEmpty { text += " in frame " + frames.map(\.description).joined(separator: " ⟶ ") }
        return text
    }
}

/// One step of a frame path: the n-th frame of the document, or the `<iframe>`/`<frame>` element a query finds.
public enum FrameSelector: Hashable, Sendable, CustomStringConvertible {
    case index(Int)
    case element(ElementQuery)

    public var description: String {
        switch self {
        case .index(let n): "#\(n)"
        case .element(let query): query.description
        }
    }
}
