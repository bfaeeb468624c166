import Foundation
import WaymarkModel

/// The byte-level facts and fixes of a PDF that Chromium printed: its page count, and its timestamps pinned so that
/// the same page prints to the same bytes.
///
/// Chromium (Skia) writes the time of printing into the document information dictionary (`/CreationDate`,
/// `/ModDate`) and, when it writes XMP metadata or a document ID, into those too; everything else depends only on the
/// page, the fonts and the browser version. Every value is rewritten **in place with the same length**, so the byte
/// offsets of the cross-reference table stay valid and the PDF needs no other change.
enum PrintedPDF {
    /// The date every printed PDF carries: 1980-01-01 00:00 UTC, the date the packages' zip entries carry. It is
    /// derived from nothing that depends on time, so rebuilding never changes a PDF by itself.
    static let pinnedDate = Array("D:19800101000000".utf8)
    /// The same date in XMP form (ISO 8601).
    static let pinnedXMPDate = Array("1980-01-01T00:00:00".utf8)

    /// `pdf` with its creation and modification dates set to `pinnedDate` (time zone `+00'00'`) and any document ID
    /// replaced by digits of the SHA-256 of the pinned document, each of the same length as before.
    static func pinningTimestamps(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        for key in ["/CreationDate", "/ModDate"] {
            for start in occurrences(of: Array(key.utf8), in: bytes) {
                var index = start + key.utf8.count
                while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { continue }
                let valueStart = index + 1
                guard let valueEnd = firstIndex(of: UInt8(ascii: ")"), in: bytes, from: valueStart, limit: 64) else { continue }
                overwrite(&bytes, valueStart..<valueEnd, with: pinnedDate)
            }
        }
        for tag in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
            for start in occurrences(of: Array("<\(tag)>".utf8), in: bytes) {
                let valueStart = start + tag.utf8.count + 2
                guard let valueEnd = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: valueStart, limit: 64) else { continue }
                overwrite(&bytes, valueStart..<valueEnd, with: pinnedXMPDate)
            }
        }
        pinDocumentID(&bytes)
        return bytes
    }

    /// The number of pages: page objects (`/Type /Page`, not the `/Pages` tree nodes).
    static func pageCount(_ pdf: [UInt8]) -> Int {
        let type = Array("/Type".utf8)
        var count = 0
        for start in occurrences(of: type, in: pdf) {
            var index = start + type.count
            while index < pdf.count, isWhitespace(pdf[index]) { index += 1 }
            let name = Array("/Page".utf8)
            guard index + name.count <= pdf.count, Array(pdf[index..<index + name.count]) == name else { continue }
            let after = index + name.count
            if after == pdf.count || !isNameCharacter(pdf[after]) { count += 1 }
        }
        return count
    }

    // MARK: -

    /// Writes `template` over the digits of a date value, keeping its length and its punctuation: the date part
    /// takes the template's digits, the time zone becomes `+00'00'` (or stays `Z`). A PDF date may lack its `D:`.
    static func overwrite(_ bytes: inout [UInt8], _ range: Range<Int>, with date: [UInt8]) {
        var template = date
        if date.starts(with: Array("D:".utf8)), !bytes[range].starts(with: Array("D:".utf8)) { template.removeFirst(2) }
        for index in range {
            let offset = index - range.lowerBound
            let byte = bytes[index]
            if offset < template.count {
                if isDigit(byte), isDigit(template[offset]) { bytes[index] = template[offset] }
            } else if isDigit(byte) {
                bytes[index] = UInt8(ascii: "0")
            } else if byte == UInt8(ascii: "-") {
                bytes[index] = UInt8(ascii: "+")
            }
        }
    }

    /// A trailer's `/ID [<hex> <hex>]` is made from the time of printing; it becomes the SHA-256 of the document
    /// (with the ID's own digits zeroed), so it still differs between documents and is the same for the same one.
    static func pinDocumentID(_ bytes: inout [UInt8]) {
        var ranges: [Range<Int>] = []
        for start in occurrences(of: Array("/ID".utf8), in: bytes) {
            var index = start + 3
            while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { continue }
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "]"), index < start + 300 {
                if bytes[index] == UInt8(ascii: "<") {
                    let hexStart = index + 1
                    guard let hexEnd = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: hexStart, limit: 130) else { break }
                    ranges.append(hexStart..<hexEnd)
                    index = hexEnd
                }
                index += 1
            }
        }
        guard !ranges.isEmpty else { return }
        // Keep the writer's case: lowercase only when the original used lowercase letters.
        let lowercase = ranges.map { range in
            bytes[range].contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f") }
        }
        for range in ranges {
            for index in range where isHexDigit(bytes[index]) { bytes[index] = UInt8(ascii: "0") }
        }
        let digest = Array(Fingerprint.hex(of: Data(bytes)).utf8)
        for (range, lowercase) in zip(ranges, lowercase) {
            var position = 0
            for index in range where isHexDigit(bytes[index]) {
                var digit = digest[position % digest.count]
                if !lowercase, digit >= UInt8(ascii: "a") { digit -= 32 }
                bytes[index] = digit
                position += 1
            }
        }
    }

    /// Start offsets of every occurrence of `needle` in `bytes`.
    static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard let first = needle.first, needle.count <= bytes.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { found.append(index) }
            index += 1
        }
        return found
    }

    private static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start
        while index < bytes.count, index < start + limit {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Characters that continue a PDF name (`/Pages` is not `/Page`).
    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !"/<>[]()%{}".utf8.contains(byte)
    }
}
