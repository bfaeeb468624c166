/// Small, valid images made without an image library: a PNG "screen" for native captures and a uniform grey
/// baseline JPEG (padded with comment segments to a chosen size) for Steps Recorder archives.
enum SyntheticImages {
    // MARK: PNG

    /// An RGB PNG of a stylised application screen: a title bar, a side menu and a form panel, tinted by `variant`.
    /// The image data is stored uncompressed (deflate "stored" blocks), which every PNG reader accepts.
    static func png(width: Int, height: Int, variant: Int) -> [UInt8] {
        let tints: [(UInt8, UInt8, UInt8)] = [(30, 90, 160), (20, 120, 90), (150, 70, 30), (100, 60, 140), (60, 60, 60)]
        let tint = tints[variant % tints.count]
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (1 + width * 3))
        for y in 0..<height {
            raw.append(0) // filter: none
            for x in 0..<width {
                let pixel: (UInt8, UInt8, UInt8)
                if y < height / 10 {
                    pixel = tint
                } else if x < width / 5 {
                    pixel = (235, 238, 242)
                } else if (y - height / 10) % (height / 8) < 3, x > width / 4, x < width - width / 10 {
                    pixel = (200, 205, 212)
                } else {
                    pixel = (255, 255, 255)
                }
                raw.append(pixel.0); raw.append(pixel.1); raw.append(pixel.2)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0] // 8-bit, truecolour, deflate, adaptive filters, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", zlibStored(raw), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        png.appendBigEndian(UInt32(data.count))
        let typed = Array(type.utf8) + data
        png += typed
        png.appendBigEndian(crc32(typed))
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let last: UInt8 = offset + length == data.count ? 1 : 0
            out.append(last)
            out.append(UInt8(length & 0xFF)); out.append(UInt8(length >> 8))
            out.append(UInt8(~length & 0xFF)); out.append(UInt8((~length >> 8) & 0xFF))
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        out.appendBigEndian(b << 16 | a)
        return out
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    // MARK: JPEG

    /// A baseline greyscale JPEG of a uniform mid-grey image, at least `minimumBytes` long.
    ///
    /// With a level shift of 128, every 8×8 block of mid-grey has DC difference 0 and no AC coefficients, so with a
    /// one-symbol DC table (category 0 → code `0`) and a one-symbol AC table (EOB → code `0`) each block is two zero
    /// bits. Comment (COM) segments carrying `label` pad the file to the requested size.
    static func jpeg(width: Int, height: Int, minimumBytes: Int, label: String) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        // Quantisation table 0: all ones.
        out += [0xFF, 0xDB, 0x00, 67, 0x00] + [UInt8](repeating: 1, count: 64)
        // Start of frame (baseline), one component.
        out += [0xFF, 0xC0, 0x00, 11, 8]
        out.appendBigEndian(UInt16(height))
        out.appendBigEndian(UInt16(width))
        out += [1, 1, 0x11, 0]
        // Huffman tables: DC 0 and AC 0, each with one code of length 1 for symbol 0.
        for tableClass: UInt8 in [0x00, 0x10] {
            out += [0xFF, 0xC4, 0x00, 20, tableClass, 1] + [UInt8](repeating: 0, count: 15) + [0]
        }
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        let scanBytes = (blocks * 2 + 7) / 8
        let fixedTail = 10 + scanBytes + 2
        var padding = minimumBytes - out.count - fixedTail
        let text = Array("Waymark benchmark screenshot \(label). ".utf8)
        while padding > 4 {
            let payload = min(65_533, padding - 4)
            out += [0xFF, 0xFE]
            out.appendBigEndian(UInt16(payload + 2))
            for i in 0..<payload { out.append(text[i % text.count]) }
            padding -= payload + 4
        }
        // Start of scan: one component, tables 0/0, full spectrum.
        out += [0xFF, 0xDA, 0x00, 8, 1, 1, 0x00, 0, 63, 0]
        var scan = [UInt8](repeating: 0, count: scanBytes)
        let usedBits = blocks * 2
        if usedBits % 8 != 0 { scan[scanBytes - 1] = UInt8(0xFF >> (usedBits % 8)) } // pad with one bits
        out += scan
        out += [0xFF, 0xD9]
        return out
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(value >> 24)); append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF)); append(UInt8(value & 0xFF))
    }

    mutating func appendBigEndian(_ value: UInt16) {
        append(UInt8(value >> 8)); append(UInt8(value & 0xFF))
    }
}
