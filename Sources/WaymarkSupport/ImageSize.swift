import Foundation

/// Reads the pixel size of PNG, JPEG and GIF images from their headers, without an image library.
///
/// The build needs it to scale a highlight box when the recorder did not write the screenshot's size, and the Steps
/// Recorder importer to place highlights on the JPEG screenshots it cuts out of an `.mht`. One reader for both, so
/// an image has the same size wherever Waymark looks at it.
package enum ImageSize {
    /// Width and height in pixels, or nil when the bytes are not a PNG, GIF or JPEG with a readable header.
    package static func read(_ data: Data) -> (width: Int, height: Int)? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.count >= 24, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
                return positive(bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
            }
            if bytes.count >= 10, bytes[0] == 0x47, bytes[1] == 0x49, bytes[2] == 0x46 {
                return positive(Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
            }
            return jpegSize(bytes)
        }
    }

    /// Walks the JPEG segments to the first start-of-frame marker. Stops at the scan data or the end of the image:
    /// a frame header never comes after them.
    private static func jpegSize(_ b: UnsafeBufferPointer<UInt8>) -> (width: Int, height: Int)? {
        guard b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            var marker = b[i + 1]
            // Fill bytes (0xFF 0xFF …) before a marker.
            while marker == 0xFF, i + 2 < b.count { i += 1; marker = b[i + 1] }
            i += 2
            // Markers without a length.
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }
            if marker == 0xD9 || marker == 0xDA { return nil }
            guard i + 1 < b.count else { return nil }
            let length = Int(b[i]) << 8 | Int(b[i + 1])
            guard length >= 2 else { return nil }
            // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard i + 6 < b.count else { return nil }
                return positive(Int(b[i + 5]) << 8 | Int(b[i + 6]), Int(b[i + 3]) << 8 | Int(b[i + 4]))
            }
            i += length
        }
        return nil
    }

    private static func positive(_ width: Int, _ height: Int) -> (width: Int, height: Int)? {
        width > 0 && height > 0 ? (width, height) : nil
    }

    private static func bigEndian(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int {
        guard offset + count <= bytes.count else { return 0 }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }
}
