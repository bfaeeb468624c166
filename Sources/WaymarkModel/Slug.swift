import Foundation

/// Turns titles and file names into capture ids: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// Accents are dropped (`Café` → `cafe`); everything that is not a letter or digit becomes one hyphen.
    public static func make(_ text: String, fallback: String = "capture") -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
            .replacingOccurrences(of: "ß", with: "ss")
        var out = ""
        var pendingHyphen = false
        for ch in folded.unicodeScalars {
            if ch.isASCII, CharacterSet.alphanumerics.contains(ch) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(ch)
                if out.count >= 80 { break }
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? fallback : out.lowercased()
    }

    /// Whether `text` is already a valid id: 1–120 of `[a-z0-9-]`, not starting or ending with a hyphen.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 120, text.first != "-", text.last != "-" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
