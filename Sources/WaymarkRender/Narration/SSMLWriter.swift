import WaymarkEscaping

/// Writes the script as SSML 1.1 that Amazon Polly, Azure, Google and espeak-ng all accept.
///
/// Only `speak`, `p`, `s`, `break time`, `sub` (a key combination written as `Ctrl+S`, said "Control plus S"),
/// `say-as interpret-as="characters"` (a single letter or digit key) and `mark` (`<mark name="step-N"/>` before each
/// step, so a video tool can align pictures with speech) are used. Every piece of text is escaped with
/// `XMLEscaping`; characters XML cannot carry at all are dropped.
public struct SSMLWriter: Sendable {
    public var options: NarrationOptions

    public init(options: NarrationOptions = NarrationOptions()) { self.options = options }

    public func write(_ script: NarrationScript) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(XMLEscaping.attribute(script.language))\">\n"
        for (index, segment) in script.segments.enumerated() {
            if index > 0 { out += "  <break time=\"\(options.pauseSSML)\"/>\n" }
            out += "  <mark name=\"\(XMLEscaping.attribute(segment.markName))\"/>\n"
            out += "  <p>\n"
            for sentence in segment.sentences {
                out += "    <s>" + sentence.parts.map(Self.ssml).joined() + "</s>\n"
            }
            out += "  </p>\n"
        }
        out += "</speak>\n"
        return out
    }

    static func ssml(_ part: SpokenSentence.Part) -> String {
        switch part {
        case .words(let w):
            return XMLEscaping.text(clean(w))
        case .substitution(let written, let spoken):
            return "<sub alias=\"\(XMLEscaping.attribute(clean(spoken)))\">\(XMLEscaping.text(clean(written)))</sub>"
        case .characters(let c):
            return "<say-as interpret-as=\"characters\">\(XMLEscaping.text(clean(c)))</say-as>"
        }
    }

    /// Drops characters that XML 1.0 cannot represent (control characters), which no speech engine could say.
    static func clean(_ text: String) -> String {
        // The scalars dropped are the controls (bytes below 0x20) and U+FFFE, U+FFFF (which start with 0xEF):
        // text with neither byte is kept as it is.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { XMLEscaping.isXMLChar($0) && $0.value >= 0x20 })
        return String(scalars)
    }
}
