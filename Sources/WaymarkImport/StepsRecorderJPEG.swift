import Foundation

/// Reads the pixel size of a JPEG from its start-of-frame marker, so screenshot highlights can be placed in image
/// pixels without an image library.
enum StepsRecorderJPEG {
    /// Width and height, or nil when the bytes are not a JPEG or hold no frame header.
    static func size(of data: Data) -> (width: Int, height: Int)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Int, Int)? in
            let b = raw.bindMemory(to: UInt8.self)
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
                if marker == 0xD9 || marker == 0xDA { return nil } // end of image, or scan data before any frame
                guard i + 1 < b.count else { return nil }
                let length = Int(b[i]) << 8 | Int(b[i + 1])
                guard length >= 2 else { return nil }
                // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    guard i + 6 < b.count else { return nil }
                    let height = Int(b[i + 3]) << 8 | Int(b[i + 4])
                    let width = Int(b[i + 5]) << 8 | Int(b[i + 6])
                    guard width > 0, height > 0 else { return nil }
                    return (width, height)
                }
                i += length
            }
            return nil
        }
    }
}
