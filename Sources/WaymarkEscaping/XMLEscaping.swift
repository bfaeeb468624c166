/// Escaping for XML text and attribute values, shared by every XML writer (native captures, SSML, JUnit, XSD).
package enum XMLEscaping {
    /// Escapes `&`, `<`, `>` for element content.
    package static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, `"`, `'` and line breaks/tabs (as character references, so they survive attribute
    /// normalisation) for double-quoted attribute values.
    package static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// `attribute(_:)` of `value` after `replacingUnrepresentable(_:)`: for writers (reports) that must never fail on
    /// odd input.
    package static func lenientAttribute(_ value: String) -> String {
        attribute(replacingUnrepresentable(value))
    }

    /// Whether every scalar can appear in an XML 1.0 document at all (no NUL, no C0 controls but tab, LF, CR;
    /// no U+FFFE/U+FFFF).
    package static func isRepresentable(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy(isXMLChar)
    }

    /// `value` with every character XML 1.0 cannot carry at all replaced by U+FFFD, for writers (reports) that
    /// must never fail on odd input; writers of lossless formats refuse such text instead.
    package static func replacingUnrepresentable(_ value: String) -> String {
        guard !isRepresentable(value) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { out.append(isXMLChar(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    package static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        // Text with none of the bytes below comes back as it is (most labels and sentences).
        guard value.utf8.contains(where: { byte in
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x0D: true
            case 0x22, 0x27, 0x0A, 0x09: quotes
            default: false
            }
        }) else { return value }
        return escapingEveryScalar(value, quotes: quotes)
    }

    /// The escape, every scalar looked at (what `escape` does once a byte says there is something to escape).
    static func escapingEveryScalar(_ value: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where quotes: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
