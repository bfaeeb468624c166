/// An element's box as W3C "Get Element Rect" reports it: CSS pixels relative to the top-left of the *document*
/// (the viewport position plus the scroll offset), so it stays the same however the page is scrolled.
///
/// `Screenshot.pixelRect(for:)` maps it into the pixels of a viewport screenshot.
public struct ElementRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var description: String { "\(x),\(y) \(width)×\(height)" }
}

/// A rectangle in image pixels (whole numbers), e.g. a highlight box in a screenshot.
public struct PixelRect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public var description: String { "\(x),\(y) \(width)×\(height)" }
}

/// A window's position and outer size in screen pixels (W3C "Get/Set Window Rect").
public struct WindowRect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A viewport size in CSS pixels: what a page sees as `innerWidth` × `innerHeight`.
public struct ViewportSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }
}
