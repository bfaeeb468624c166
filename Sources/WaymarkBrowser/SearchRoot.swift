/// Where a W3C find starts: the current document, below an element, or inside an open shadow root.
public enum SearchRoot: Hashable, Sendable {
    case document
    case element(ElementID)
    case shadowRoot(ShadowRootID)
}

/// Which browsing context "Switch To Frame" enters.
package enum FrameTarget: Hashable, Sendable {
    /// The top-level document of the current window.
    case top
    /// The n-th frame (`window.frames[n]`) of the current document.
    case index(Int)
    /// The frame whose `<iframe>` or `<frame>` element this is.
    case element(ElementID)
}
