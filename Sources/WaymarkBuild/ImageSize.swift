import Foundation

/// Reads the pixel size of PNG, JPEG and GIF images from their headers, so the highlight box can be scaled even
/// when the recorder did not write the screenshot's size.
public enum ImageSize {
    public static func read(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(65_536))
        if bytes.count >= 24, bytes[0...7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            let w = bigEndian(bytes, 16, 4), h = bigEndian(bytes, 20, 4)
            return w > 0 && h > 0 ? (w, h) : nil
        }
        if bytes.count >= 10, bytes[0...2] == [0x47, 0x49, 0x46] {
            let w = Int(bytes[6]) | Int(bytes[7]) << 8, h = Int(bytes[8]) | Int(bytes[9]) << 8
            return w > 0 && h > 0 ? (w, h) : nil
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            var i = 2
            while i + 9 < bytes.count {
                guard bytes[i] == 0xFF else { i += 1; continue }
                let marker = bytes[i + 1]
                if marker == 0xFF { i += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = bigEndian(bytes, i + 2, 2)
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    let h = bigEndian(bytes, i + 5, 2), w = bigEndian(bytes, i + 7, 2)
                    return w > 0 && h > 0 ? (w, h) : nil
                }
                guard length >= 2 else { return nil }
                i += 2 + length
            }
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset + count <= bytes.count else { return 0 }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }
}
