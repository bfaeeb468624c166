/// Escaping for HTML text and quoted attribute values: what every HTML writer of Waymark calls (figures and captions
/// around screenshots, the course page of LMS packages). Mustache templates escape their own variables.
package enum HTMLEscaping {
    /// Text for inside a `<script>` or `<style>` element, where nothing may close the element: `</` becomes `<\/`
    /// (the same string to JavaScript, the same characters to CSS).
    package static func rawTextElementContent(_ text: String) -> String {
        // On the bytes: this runs over whole JSON documents (a check's findings), where Foundation's search bridged
        // the text to UTF-16 first. `<` and `/` are ASCII, so no multi-byte character can hold them.
        let (less, slash) = (UInt8(ascii: "<"), UInt8(ascii: "/"))
        var previous: UInt8 = 0
        guard text.utf8.contains(where: { byte in
            defer { previous = byte }
            return previous == less && byte == slash
        }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        previous = 0
        for byte in text.utf8 {
            if previous == less && byte == slash { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in element content and in single- or
    /// double-quoted attribute values.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
