import Foundation
import WaymarkModel

/// Reads a MIME `multipart/related` document (a `.mht` web archive, as Windows Steps Recorder writes it).
///
/// The reader indexes the parts — their headers and the byte range of each body — in one pass over the bytes,
/// without copying any body. Bodies are decoded one at a time, on request (`body(of:)`), from the original bytes,
/// which for a file are memory-mapped: a 100 MB archive is never held twice, and only the parts a caller asks for
/// (the report page and the screenshots it names) are ever decoded. Lengths claimed in headers are never trusted
/// for allocation; a `Content-Length` that disagrees with the bytes present is reported, not followed.
public struct MIMEMultipartReader: Sendable {

    /// One part: its headers and where its body lies in the document.
    public struct Part: Sendable, Hashable {
        /// Header names lowercased, values unfolded and trimmed, in order.
        public var headers: [(name: String, value: String)]
        public var bodyRange: Range<Int>

        public func header(_ name: String) -> String? {
            let lower = name.lowercased()
            return headers.first { $0.name == lower }?.value
        }

        public var contentLocation: String? { header("content-location") }
        /// The media type without parameters, lowercased (`image/jpeg`).
        public var contentType: String? {
            header("content-type").map { $0.split(separator: ";").first.map(String.init)?.trimming(.whitespaces).lowercased() ?? "" }
        }
        public var transferEncoding: String { header("content-transfer-encoding")?.lowercased() ?? "7bit" }

        public static func == (lhs: Part, rhs: Part) -> Bool {
            lhs.bodyRange == rhs.bodyRange && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(bodyRange.lowerBound)
            hasher.combine(bodyRange.upperBound)
        }
    }

    /// Longest header block accepted, per part and for the document (64 KiB): real headers are a few hundred bytes.
    public static let maxHeaderBytes = 64 * 1024
    public static let maxParts = 100_000

    public let data: Data
    public let file: String
    public private(set) var headers: [(name: String, value: String)] = []
    public private(set) var parts: [Part] = []
    /// Problems found while indexing (warnings for a missing closing boundary, errors for broken headers).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Indexes `data`. Fails with an error when the document is not a multipart MIME document at all.
    public init(data: Data, file: String) throws(DiagnosticError) {
        self.data = data
        self.file = file
        let location = SourceLocation(file: file)
        let count = data.count
        var indexed: [Part] = []
        var topHeaders: [(String, String)] = []
        var notes: [Diagnostic] = []
        var failure: Diagnostic?

        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let (top, bodyStart) = Self.readHeaders(bytes, from: 0) else {
                failure = Diagnostic(.mimeHeader, "The MIME headers at the start of the file are missing or longer than 64 KiB.",
                                 hint: "The file is not a complete .mht archive; save the recording again.", at: location)
                return
            }
            topHeaders = top
            guard let contentType = top.first(where: { $0.0 == "content-type" })?.1,
                  contentType.lowercased().hasPrefix("multipart/") else {
                failure = Diagnostic(.mimeNotMultipart, "The file is not a multipart MIME archive (no multipart Content-Type header).",
                                 hint: "Open the Steps Recorder .zip or .mht it saved, not another file.", at: location)
                return
            }
            guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.utf8.count <= 200 else {
                failure = Diagnostic(.mimeNoBoundary, "The multipart Content-Type header names no usable boundary.",
                                 hint: "The archive is damaged; save the recording again.", at: location)
                return
            }
            let delimiter = Array(("--" + boundary).utf8)
            // Find each delimiter line: at the start of a line, followed by "--" (close) or the line end.
            var position = bodyStart
            var partStart: Int?
            var closed = false
            while let found = Self.find(delimiter, in: bytes, from: position) {
                let atLineStart = found == 0 || bytes[found - 1] == 0x0A
                var after = found + delimiter.count
                guard atLineStart else { position = found + 1; continue }
                let isClose = after + 1 < count && bytes[after] == UInt8(ascii: "-") && bytes[after + 1] == UInt8(ascii: "-")
                if let start = partStart {
                    // The CRLF before the delimiter belongs to the delimiter.
                    var end = found
                    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
                    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                    guard let (partHeaders, partBody) = Self.readHeaders(bytes, from: start), partBody <= max(end, partBody) else {
                        failure = Diagnostic(.mimeHeader, "A part's headers are broken or longer than 64 KiB (part \(indexed.count + 1)).",
                                         hint: "The archive is damaged; save the recording again.", at: location)
                        return
                    }
                    let bodyEnd = max(partBody, end)
                    let part = Part(headers: partHeaders, bodyRange: min(partBody, bodyEnd)..<bodyEnd)
                    if let length = part.header("content-length") {
                        let claimed = Int(length.trimming(.whitespaces))
                        if claimed == nil || claimed! < 0 || claimed! != part.bodyRange.count {
                            notes.append(Diagnostic(
                                .mimeLength,
                                "The part \(part.contentLocation ?? "number \(indexed.count + 1)") claims a length of \(length) bytes but holds \(part.bodyRange.count); the claim is ignored.",
                                hint: "The archive may be damaged or edited; check the imported steps.", at: location))
                        }
                    }
                    indexed.append(part)
                    if indexed.count > Self.maxParts {
                        failure = Diagnostic(.mimeTooManyParts, "The archive holds more than \(Self.maxParts) parts.",
                                         hint: "This is not a Steps Recorder archive.", at: location)
                        return
                    }
                }
                if isClose { closed = true; break }
                // Skip the rest of the delimiter line.
                while after < count, bytes[after] != 0x0A { after += 1 }
                partStart = min(after + 1, count)
                position = partStart!
            }
            if !closed {
                if let start = partStart, start < count, let (partHeaders, partBody) = Self.readHeaders(bytes, from: start) {
                    indexed.append(Part(headers: partHeaders, bodyRange: partBody..<count))
                }
                notes.append(Diagnostic(
                    .mimeTruncated, "The archive ends without its closing boundary; it may be truncated.",
                    hint: "Copy the file again from where Steps Recorder saved it.", at: location))
            }
        }
        if let failure { throw DiagnosticError(failure) }
        self.headers = topHeaders
        self.parts = indexed
        self.diagnostics = notes
    }

    /// The first part whose Content-Location is `name` (case-insensitive, ignoring any folder).
    public func part(named name: String) -> Part? {
        let wanted = name.lowercased()
        return parts.first { part in
            guard let location = part.contentLocation?.lowercased() else { return false }
            return location == wanted || location.hasSuffix("/" + wanted) || location.hasSuffix("\\" + wanted)
        }
    }

    /// Decodes one part's body (base64, quoted-printable, 7bit/8bit/binary). Only this part is copied.
    public func body(of part: Part, maxBytes: Int = 256 * 1024 * 1024) -> Result<Data, DiagnosticError> {
        guard part.bodyRange.lowerBound >= 0, part.bodyRange.upperBound <= data.count else {
            return Self.fail(Diagnostic(.mimePartSize, "A part lies outside the file.", at: SourceLocation(file: file)))
        }
        let name = part.contentLocation ?? "a part"
        let slice = data[(data.startIndex + part.bodyRange.lowerBound)..<(data.startIndex + part.bodyRange.upperBound)]
        guard slice.count <= maxBytes * 2 else {
            return Self.fail(Diagnostic(.mimePartSize, "The part \(name) is larger than \(maxBytes / 1_048_576) MiB.",
                                   hint: "This is not a Steps Recorder screenshot or report.", at: SourceLocation(file: file)))
        }
        switch part.transferEncoding {
        case "base64":
            guard let decoded = Self.decodeBase64(slice) else {
                return Self.fail(Diagnostic(.mimeEncoding, "The base64 data of \(name) is damaged.",
                                       hint: "The archive is damaged; save the recording again.", at: SourceLocation(file: file)))
            }
            return .success(decoded)
        case "quoted-printable":
            return .success(Self.decodeQuotedPrintable(slice))
        case "7bit", "8bit", "binary", "":
            return .success(Data(slice))
        default:
            return Self.fail(Diagnostic(.mimeEncoding, "The part \(name) uses the unknown transfer encoding '\(part.transferEncoding)'.",
                                   hint: "Only base64, quoted-printable, 7bit, 8bit and binary are read.", at: SourceLocation(file: file)))
        }
    }

    static func fail(_ diagnostic: Diagnostic) -> Result<Data, DiagnosticError> { .failure(DiagnosticError(diagnostic)) }

    // MARK: Parsing pieces

    /// Reads a header block starting at `start`; returns the headers and where the body starts (after the blank
    /// line). Nil when there is no blank line within `maxHeaderBytes` (or the input ends first).
    static func readHeaders(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ([(String, String)], Int)? {
        var lines: [String] = []
        var i = start
        let limit = min(bytes.count, start + maxHeaderBytes)
        var lineStart = i
        while i < limit {
            if bytes[i] == 0x0A {
                var end = i
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                if end == lineStart {
                    return (unfold(lines), i + 1)
                }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self))
                lineStart = i + 1
            }
            i += 1
        }
        // A part with headers and no body at the very end of the input.
        if i == bytes.count, limit == bytes.count {
            if lineStart < i { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), as: UTF8.self)) }
            return (unfold(lines), bytes.count)
        }
        return nil
    }

    static func unfold(_ lines: [String]) -> [(String, String)] {
        var headers: [(String, String)] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += " " + line.trimming(.whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((line[..<colon].trimming(.whitespaces).lowercased(),
                                line[line.index(after: colon)...].trimming(.whitespaces)))
            }
        }
        return headers
    }

    /// A parameter of a header value: `boundary="x"` in `multipart/related; boundary="x"`.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimming(.whitespaces).lowercased() == name else { continue }
            var v = pair[1].trimming(.whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    /// First index of `needle` in `bytes` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count, let base = bytes.baseAddress else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            // memchr jumps to the next candidate at C speed: base64 bodies never contain the '-' that starts a
            // boundary, so a 100 MB archive is scanned in a few milliseconds.
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
            if j == needle.count { return i }
            i += 1
        }
        return nil
    }

    /// Base64 with line breaks and other whitespace ignored; nil on a character outside the alphabet.
    static func decodeBase64(_ slice: Data) -> Data? {
        // Into a buffer allocated once (appending to `Data` byte by byte was 70% of importing a 100 MB .mht).
        var out = Data(count: slice.count / 4 * 3 + 3)
        var written = 0
        var ok = true
        out.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
            slice.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var accumulator: UInt32 = 0
                var bits = 0
                for byte in raw {
                    if byte == UInt8(ascii: "=") { break }
                    if byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 { continue }
                    let v = base64Values[Int(byte)]
                    if v == 0xFF { ok = false; return }
                    accumulator = (accumulator << 6) | UInt32(v)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        target[written] = UInt8((accumulator >> UInt32(bits)) & 0xFF)
                        written += 1
                    }
                }
            }
        }
        guard ok else { return nil }
        out.count = written
        return out
    }

    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Quoted-printable: `=XX` escapes and `=` soft line breaks; malformed escapes are kept as written.
    static func decodeQuotedPrintable(_ slice: Data) -> Data {
        var out = Data()
        out.reserveCapacity(slice.count)
        let bytes = [UInt8](slice)
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                    out.append(h << 4 | l); i += 3; continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
