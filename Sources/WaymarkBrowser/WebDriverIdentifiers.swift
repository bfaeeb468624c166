/// The opaque ids a WebDriver remote end hands out. They are plain strings on the wire; distinct types keep an
/// element id from being passed where a window handle is expected.

/// A web element reference: valid in the browsing context (window and frame) it was found in, until the page
/// replaces the node (then commands on it fail with `browser.element-stale`).
public struct ElementID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A shadow root reference (W3C "Get Element Shadow Root"); only open shadow roots have one.
public struct ShadowRootID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A top-level browsing context: a window, tab or popup.
public struct WindowHandle: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
