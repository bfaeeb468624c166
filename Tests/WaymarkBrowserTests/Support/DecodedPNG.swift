import CZlibForTests

/// A PNG decoded to 8-bit RGBA pixels, so screenshot tests can check what is where in the image.
///
/// Handles what Chromium writes (8-bit RGB or RGBA, not interlaced) and checks every chunk's CRC; anything else is
/// an error, which the tests report.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// RGBA, row by row.
    let pixels: [UInt8]

    enum DecodeError: Error, CustomStringConvertible {
        case notPNG, badChunk, badCRC(String), unsupported(String), inflate(Int32), badFilter(UInt8)

        var description: String {
            switch self {
            case .notPNG: "not a PNG file"
            case .badChunk: "truncated chunk"
            case .badCRC(let type): "CRC mismatch in \(type)"
            case .unsupported(let what): "unsupported PNG: \(what)"
            case .inflate(let code): "zlib error \(code)"
            case .badFilter(let f): "bad filter type \(f)"
            }
        }
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw DecodeError.notPNG
        }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
        var compressed: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = be32(offset)
            guard offset + 12 + length <= bytes.count else { throw DecodeError.badChunk }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let crcStored = UInt(be32(offset + 8 + length))
            let crcComputed = bytes[offset + 4..<offset + 8 + length].withContiguousStorageIfAvailable {
                crc32(0, $0.baseAddress, uInt($0.count))
            } ?? 0
            guard crcStored == UInt(crcComputed) else { throw DecodeError.badCRC(type) }
            let data = offset + 8
            switch type {
            case "IHDR":
                header = (be32(data), be32(data + 4), bytes[data + 8], bytes[data + 9], bytes[data + 12])
            case "IDAT":
                compressed += bytes[data..<data + length]
            default:
                break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard let header else { throw DecodeError.badChunk }
        guard header.depth == 8, header.interlace == 0, header.colour == 2 || header.colour == 6 else {
            throw DecodeError.unsupported("depth \(header.depth), colour type \(header.colour), interlace \(header.interlace)")
        }
        let channels = header.colour == 6 ? 4 : 3
        let stride = header.width * channels
        var raw = [UInt8](repeating: 0, count: header.height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            compressed.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw DecodeError.inflate(status) }

        // Undo the per-row filters (PNG specification, section 9).
        var image = [UInt8](repeating: 0, count: header.height * stride)
        for row in 0..<header.height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for i in 0..<stride {
                let x = raw[source + i]
                let a = i >= channels ? Int(image[target + i - channels]) : 0
                let b = row > 0 ? Int(image[target - stride + i]) : 0
                let c = (row > 0 && i >= channels) ? Int(image[target - stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: throw DecodeError.badFilter(filter)
                }
                image[target + i] = UInt8(truncatingIfNeeded: Int(x) + predictor)
            }
        }
        width = header.width
        height = header.height
        if channels == 4 {
            pixels = image
        } else {
            var rgba = [UInt8](repeating: 255, count: width * height * 4)
            for p in 0..<(width * height) {
                rgba[p * 4] = image[p * 3]
                rgba[p * 4 + 1] = image[p * 3 + 1]
                rgba[p * 4 + 2] = image[p * 3 + 2]
            }
            pixels = rgba
        }
    }

    /// The pixel at `(x, y)` as red, green, blue (alpha left out: screenshots are opaque).
    func rgb(_ x: Int, _ y: Int) -> [UInt8] {
        let at = (y * width + x) * 4
        return Array(pixels[at..<at + 3])
    }
}
