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
        var out = ""
        write(node, into: &out, indent: 0, unit: indentation, pretty: pretty, inline: inlineScalarArrays)
        if pretty { out += "\n" }
        return out
    }

    /// Appends `node` as it would appear nested `indent` levels deep in a pretty document (no final newline), so
    /// a large document can be written one member at a time instead of as one tree (see `LockFile.serialized`).
    public static func append(
        _ node: JSONNode, to out: inout String, indent: Int, inlineScalarArrays: Bool = false, indentation: String = "  "
    ) {
        write(node, into: &out, indent: indent, unit: indentation, pretty: true, inline: inlineScalarArrays)
    }

    /// Object keys in the order the writer puts them: by Unicode code point — compared as UTF-8 bytes, whose order
    /// is the code points' order (a property of UTF-8), without decoding scalars.
    public static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    private static func write(
        _ node: JSONNode, into out: inout String, indent: Int, unit: String, pretty: Bool, inline: Bool = false
    ) {
        switch node.kind {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if pretty, inline, items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item, into: &out, indent: indent, unit: unit, pretty: false)
                }
                out += "]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1, unit) }
                write(item, into: &out, indent: indent + 1, unit: unit, pretty: pretty, inline: inline)
            }
            if pretty { newline(&out, indent, unit) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            let sorted = members.sorted { keyPrecedes($0.key, $1.key) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1, unit) }
                writeString(member.key, into: &out)
                out += pretty ? ": " : ":"
                write(member.value, into: &out, indent: indent + 1, unit: unit, pretty: pretty, inline: inline)
            }
            if pretty { newline(&out, indent, unit) }
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: Int, _ unit: String) {
        out += "\n"
        for _ in 0..<indent { out += unit }
    }

    /// A JSON string literal for `s`, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape at all: append them whole. (U+2028 and U+2029 start with the byte 0xE2.)
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
