/// Writes `JSONNode`s canonically: keys sorted by code point, two-space indentation (or another unit a format chooses:
/// the lock is indented with tabs), `\n` line ends, a final newline,
/// non-ASCII characters as UTF-8, control characters escaped. The same value always gives the same bytes, which is
/// what makes native exports, the lock and reports byte-stable.
public enum JSONWriter {
    /// `inlineScalarArrays` writes arrays that hold only strings, numbers, booleans and nulls on one line
    /// (`["a", 2, null]`) inside a pretty document: records such as a lock's dashboard rows read best that way.
    public static func write(
        _ node: JSONNode, pretty: Bool = true, inlineScalarArrays: Bool = false, indentation: String = "  "
    ) -> String {
        var out = JSONBytes(indentation: indentation)
        out.write(node, indent: 0, pretty: pretty, inline: inlineScalarArrays)
        if pretty { out.bytes.append(UInt8(ascii: "\n")) }
        return out.string
    }

    /// Appends `node` as it would appear nested `indent` levels deep in a pretty document (no final newline), so
    /// a large document can be written one member at a time instead of as one tree (see `LockFile.serialized`).
    public static func append(
        _ node: JSONNode, to out: inout String, indent: Int, inlineScalarArrays: Bool = false, indentation: String = "  "
    ) {
        var bytes = JSONBytes(indentation: indentation)
        bytes.write(node, indent: indent, pretty: true, inline: inlineScalarArrays)
        out += bytes.string
    }

    /// Object keys in the order the writer puts them: by Unicode code point — compared as UTF-8 bytes, whose order
    /// is the code points' order (a property of UTF-8), without decoding scalars.
    public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A JSON string literal for `s`, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = JSONBytes(indentation: "")
        out.writeString(s)
        return out.string
    }
}

/// The document being written, as UTF-8 bytes: appending to a `String` checks and re-flags every piece, which made
/// writing the shot lists, step summaries and lock a tenth of a build; bytes are appended as they are.
private struct JSONBytes {
    var bytes: [UInt8] = []
    let unit: [UInt8]

    init(indentation: String) {
        unit = Array(indentation.utf8)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    mutating func write(_ node: JSONNode, indent: Int, pretty: Bool, inline: Bool = false) {
        switch node.kind {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .number(let n): bytes.append(contentsOf: n.utf8)
        case .string(let s): writeString(s)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            if pretty, inline, items.allSatisfy(\.isScalar) {
                bytes.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { append(", ") }
                    write(item, indent: indent, pretty: false)
                }
                bytes.append(UInt8(ascii: "]"))
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                write(item, indent: indent + 1, pretty: pretty, inline: inline)
            }
            if pretty { newline(indent) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { JSONWriter.keyPrecedes($0.key, $1.key) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                writeString(member.key)
                if pretty { append(": ") } else { bytes.append(UInt8(ascii: ":")) }
                write(member.value, indent: indent + 1, pretty: pretty, inline: inline)
            }
            if pretty { newline(indent) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { bytes.append(contentsOf: unit) }
    }

    /// A JSON string literal for `s`, quotes included.
    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: append them whole. (U+2028 and U+2029 start with the byte 0xE2.)
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\r": append("\\r")
            case "\t": append("\\t")
            case "\u{08}": append("\\b")
            case "\u{0C}": append("\\f")
            case "\u{2028}": append("\\u2028")
            case "\u{2029}": append("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    append("\\u")
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
                    bytes.append(contentsOf: hex.utf8)
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
