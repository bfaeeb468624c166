import Foundation

/// Escaping for CommonMark: how every Markdown writer of Waymark (guides, job aids, dashboards, report summaries)
/// puts text from recordings into Markdown so that it shows exactly that text.
///
/// Labels and values come from recordings of real screens: they may contain `*`, `_`, backticks, `[`, `|`, HTML such
/// as `<script>`, or template delimiters such as `{{`. Every such character is escaped so that CommonMark renderers
/// (cmark, MkDocs, Hugo, Docusaurus) show it as text and never as markup, HTML or a template tag. Line breaks become
/// spaces so a value can never start a new Markdown block.
package enum MarkdownEscaping {
    /// Escapes text so that it renders literally in CommonMark and in HTML-tolerant Markdown dialects.
    ///
    /// `<`, `>` and `&` become entities (also safe in Markdown dialects without backslash escapes for them); other
    /// inline-significant ASCII punctuation gets a backslash.
    package static func inline(_ text: String) -> String {
        let line = oneLine(text)
        // Every character escaped below is ASCII, and a Character equal to one is its own byte: a text without
        // any of those bytes (most labels) comes out as it went in, without splitting it into Characters.
        guard line.utf8.contains(where: { $0 < 0x80 && inlineSpecial[Int($0)] }) else { return line }
        return escapingEveryCharacter(line)
    }

    /// `inline`'s escapes applied Character by Character to one line of text (no byte shortcut).
    static func escapingEveryCharacter(_ line: String) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count)
        let characters = Array(line)
        for (index, ch) in characters.enumerated() {
            switch ch {
            case "&" where startsEntity(characters, at: index): out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "{", "}", "|", "~", "#", "$", "^":
                out.append("\\")
                out.append(ch)
            default:
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `&` at `index` would be read as a character reference (`&amp;`, `&#38;`, `&#x26;`).
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var i = index + 1
        var length = 0
        while i < characters.count, length <= 32, characters[i].isASCII,
              characters[i].isLetter || characters[i].isNumber || (length == 0 && characters[i] == "#") {
            i += 1
            length += 1
        }
        return length > 0 && i < characters.count && characters[i] == ";"
    }

    /// A code span that shows `value` exactly, even when the value contains backticks.
    package static func codeSpan(_ value: String) -> String {
        let text = oneLine(value)
        guard !text.isEmpty else { return "` `" }
        var longest = 0, run = 0
        for ch in text {
            if ch == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        // CommonMark strips one space on each side when both are present; pad when the value starts or ends with
        // a backtick or a space so the value itself is kept.
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ")) ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// An autolink for ordinary web addresses, else the address as code (never a clickable unknown scheme).
    package static func link(url: String, text: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = trimmed.lowercased()
        let safeScheme = lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
        let autolinkable = trimmed.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"<>\\`{}|^\"".unicodeScalars.contains(scalar)
        }
        if safeScheme && autolinkable { return "<\(trimmed)>" }
        return codeSpan(trimmed.isEmpty ? text : trimmed)
    }

    /// Text a line may not start with unescaped (it would become a heading, list item, quote or thematic break).
    package static func protectLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "-+=>".contains(first) { return "\\" + text }
        // `1. ` or `1) ` at the start would begin an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return String(digits) + "\\" + String(rest)
            }
        }
        return text
    }

    /// Code spans cannot escape `{{` or `{%`, which site generators (Hugo shortcodes, Jinja in MkDocs macros) would
    /// still expand; such values are written as escaped text in quotation marks instead.
    package static func containsTemplateDelimiters(_ text: String) -> Bool {
        // Every delimiter has a brace: text without one (nearly all) needs no search.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return false }
        return ["{{", "}}", "{%", "%}", "{#", "#}"].contains { text.contains($0) }
    }

    /// Line breaks and other vertical whitespace become single spaces; tabs become spaces.
    package static func oneLine(_ text: String) -> String {
        // Tabs and line breaks are their own grapheme clusters (the Unicode Control class): U+0009–U+000D, U+0085
        // (C2 85), U+2028 and U+2029 (E2 80 A8/A9). Without those bytes there is nothing to replace.
        guard mayHoldLineBreakOrTab(text.utf8) else { return text }
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The bytes `inline` escapes: `&`, `<`, `>` and the backslash-escaped punctuation.
    private static let inlineSpecial: [Bool] = (0..<128).map { "&<>\\`*_[]{}|~#$^".utf8.contains(UInt8($0)) }

    private static func mayHoldLineBreakOrTab(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte >= 0x09 && byte <= 0x0D { return true }
            if byte == 0x85 && previous == 0xC2 { return true }
            if (byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A Markdown table cell: pipes escaped, line breaks as `<br>`, HTML-sensitive characters as references.
    package static func tableCell(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }
}
