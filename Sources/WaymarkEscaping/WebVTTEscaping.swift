/// Escaping for WebVTT cue text: `&`, `<` and `>` as character references, as the WebVTT specification requires, so
/// `-->` can never appear in a cue and no text becomes a styling tag.
package enum WebVTTEscaping {
    package static func cueText(_ line: String) -> String {
        // Without an `&`, `<` or `>` byte there is no such character: the line comes back as it is.
        guard line.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return line }
        return escapingEveryCharacter(line)
    }

    /// The escape, every character looked at (an `&` followed by a combining mark is another character, kept).
    static func escapingEveryCharacter(_ line: String) -> String {
        var out = ""
        for c in line {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}
