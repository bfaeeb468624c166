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

    /// The id for a recording from another tool whose id (made from its title) another file already uses: the
    /// file's name is added (`coffee-checkout` from `flows/second try.json` → `coffee-checkout-second-try`), then
    /// `-2`, `-3` … while that is taken too.
    ///
    /// Titles of foreign recordings are not unique and nobody chose them as ids, so a repeated title must not cost a
    /// guide; the file name tells the two apart and stays the same on every machine. Which file keeps the plain id is
    /// decided by the caller (files already built first, then path order), so adding a file never moves a guide
    /// that exists.
    public static func disambiguated(_ id: String, filePath: String, isTaken: (String) -> Bool) -> String {
        let name = filePath.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? filePath
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        let fileSlug = make(stem, fallback: "")
        var base = fileSlug.isEmpty || fileSlug == id || id.hasSuffix("-" + fileSlug) ? id : id + "-" + fileSlug
        if base.count > 110 { base = String(base.prefix(110)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
        var candidate = base
        var n = 2
        while isTaken(candidate) { candidate = "\(base)-\(n)"; n += 1 }
        return candidate
    }
}
