/// One input device of a W3C "Perform Actions" command and what it does, tick by tick.
///
/// WebDriver runs all sources in lockstep: the n-th action of every source happens in the same tick, so a source that
/// should wait while another acts gets a `pause`. The high-level helpers of `BrowserSession` (double click, right
/// click, hover, drag and drop, key chords, wheel scrolling) build these for the common cases.
public enum InputSource: Hashable, Sendable {
    case keyboard(id: String = "keyboard", [KeyAction])
    case mouse(id: String = "mouse", [PointerAction])
    case wheel(id: String = "wheel", [WheelAction])
}

/// A keyboard action.
public enum KeyAction: Hashable, Sendable {
    case down(Key)
    case up(Key)
    case pause(Duration)
}

/// Which mouse button a pointer action presses.
public enum MouseButton: Int, Hashable, Sendable {
    case left = 0
    case middle = 1
    case right = 2
}

/// What pointer and wheel coordinates are relative to.
public enum PointerOrigin: Hashable, Sendable {
    /// The top-left corner of the viewport, in CSS pixels.
    case viewport
    /// The pointer's current position (pointer actions only).
    case pointer
    /// The centre of the element's first client rect (the element is scrolled into view first).
    case element(ElementID)
}

/// A mouse action.
public enum PointerAction: Hashable, Sendable {
    /// Moves to `(x, y)` relative to `origin` over `duration` (zero jumps).
    case move(x: Int = 0, y: Int = 0, origin: PointerOrigin, duration: Duration = .zero)
    case down(MouseButton)
    case up(MouseButton)
    case pause(Duration)
}

/// A scroll-wheel action.
public enum WheelAction: Hashable, Sendable {
    /// Scrolls by `(deltaX, deltaY)` CSS pixels with the wheel at `(x, y)` relative to `origin` (viewport or element).
    case scroll(x: Int = 0, y: Int = 0, deltaX: Int, deltaY: Int, origin: PointerOrigin = .viewport,
                duration: Duration = .zero)
    case pause(Duration)
}
