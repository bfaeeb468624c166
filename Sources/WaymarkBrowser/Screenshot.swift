/// A PNG of the viewport and what is needed to place elements on it.
///
/// W3C "Take Screenshot" returns the viewport at device resolution: a 1280×800 viewport at device pixel ratio 2 is a
/// 2560×1600 image, and element rects are in document CSS pixels. The ratio and scroll offset are read in the same
/// moment as the image, so `pixelRect(for:)` can turn an element rect into the box a guide highlights.
public struct Screenshot: Sendable {
    /// The PNG file's bytes, exactly as the browser produced them.
    public let png: [UInt8]
    /// The image size, read from the PNG header.
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// `window.devicePixelRatio` when the screenshot was taken.
    public let devicePixelRatio: Double
    /// The document's scroll offset (CSS pixels) when the screenshot was taken.
    public let scrollX: Double
    public let scrollY: Double

    package init(png: [UInt8], pixelWidth: Int, pixelHeight: Int, devicePixelRatio: Double, scrollX: Double, scrollY: Double) {
        self.png = png
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.devicePixelRatio = devicePixelRatio
        self.scrollX = scrollX
        self.scrollY = scrollY
    }

    /// The element's box in this image's pixels, clipped to the image (empty when the element is outside the
    /// viewport). Edges are rounded outwards so the box covers the whole element.
    public func pixelRect(for rect: ElementRect) -> PixelRect {
        let ratio = devicePixelRatio
        let left = ((rect.x - scrollX) * ratio).rounded(.down)
        let top = ((rect.y - scrollY) * ratio).rounded(.down)
        let right = ((rect.x + rect.width - scrollX) * ratio).rounded(.up)
        let bottom = ((rect.y + rect.height - scrollY) * ratio).rounded(.up)
        let x0 = Int(max(0, min(Double(pixelWidth), left)))
        let y0 = Int(max(0, min(Double(pixelHeight), top)))
        let x1 = Int(max(0, min(Double(pixelWidth), right)))
        let y1 = Int(max(0, min(Double(pixelHeight), bottom)))
        return PixelRect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    /// Width and height from a PNG's IHDR chunk, or nil when the bytes are not a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
