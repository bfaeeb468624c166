import Foundation
import Testing
@testable import WaymarkEscaping
@testable import WaymarkRender
import WaymarkModel

/// The byte-level rewrites of text helpers (done for build speed) must give what the Character-based originals
/// gave; the originals are kept here as the reference.
@Suite struct TextFastPathTests {
    static func referenceNormalize(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmedEnd = line.last == " " && line.allSatisfy({ $0 == " " }) ? Substring("") : line
            if trimmedEnd.isEmpty {
                blank += 1
                if blank > 1 { continue }
            } else {
                blank = 0
            }
            lines.append(trimmedEnd)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func referenceCollapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    static let samples = [
        "", "\n", "\n\n\n", "a", "a\n", "a\n\n\nb\n\n", "  \n  a\n   \n\n b  \n", "x\n \n \ny", "  ", "a\n  ",
        "  lead\n\ttab\n", "é\n\n\nü  \n", "日本\n\n  \n語", "trailing spaces   \nnext", " a  b\t\tc\nd ",
        "\u{00A0}nbsp\u{00A0}x", "a\u{2003}b", "\t\n\u{0B}\u{0C}\r", "one\r\ntwo",
    ]

    @Test func normalizeBlankLinesMatchesTheReference() {
        var generator = SplitMix64(seed: 5)
        let pieces = [" ", "  ", "\n", "\n\n", "a", "é", "\t", "b c"]
        let generated = (0..<3000).map { _ in
            (0..<Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        for sample in Self.samples + generated where !sample.contains("\r\n") {
            #expect(GuideRenderer.normalizeBlankLines(sample) == Self.referenceNormalize(sample), "\(sample.debugDescription)")
            // The in-place path that texts over a megabyte take.
            #expect(GuideRenderer.normalizedLines(sample.utf8) == Array(Self.referenceNormalize(sample).utf8))
        }
        let large = String(repeating: "row  \n  \n\n\nnext é\n   ", count: 60_000)
        #expect(large.utf8.count > 1 << 20)
        #expect(GuideRenderer.normalizeBlankLines(large) == Self.referenceNormalize(large))
    }

    @Test func collapseWhitespaceMatchesTheReference() {
        for sample in Self.samples {
            #expect(sample.collapsingWhitespace == Self.referenceCollapse(sample), "\(sample.debugDescription)")
        }
    }

    /// `MarkdownEscaping.oneLine` and `inline` without their byte checks: every Character looked at.
    static func referenceOneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    static func referenceInline(_ text: String) -> String {
        MarkdownEscaping.escapingEveryCharacter(referenceOneLine(text))
    }

    static let markdownSamples = samples + [
        "Save", "Save & close", "&amp; kept", "a < b > c", "*bold* _it_ `code`", "[link](x)", "{{ template }}", "a|b",
        "~strike~ #1 $5 ^2 \\ back", "line\u{2028}sep", "para\u{2029}sep", "next\u{85}line", "e\u{301}*", "<\u{338}",
        "*\u{301}", "Café crème", "日本語 [x]", "\u{E2}\u{80}", "tab\there", "🙂 & 🙃",
    ]

    @Test func markdownInlineMatchesTheReference() {
        for sample in Self.markdownSamples {
            #expect(MarkdownEscaping.oneLine(sample) == Self.referenceOneLine(sample), "\(sample.debugDescription)")
            #expect(MarkdownEscaping.inline(sample) == Self.referenceInline(sample), "\(sample.debugDescription)")
        }
    }

    /// `SpeechTimingModel.units(ofWord:)` before it stopped building each part as a String.
    static func referenceUnits(ofWord word: Substring) -> Double {
        var total = 0.0
        var part = ""
        var spokenSymbols = 0
        func flush() {
            guard !part.isEmpty else { return }
            if part.allSatisfy(\.isNumber) {
                total += Double(max(1, part.count))
            } else {
                total += max(1.0, Double(part.count) / SpeechTimingModel.charactersPerLongWord)
            }
            part = ""
        }
        let characters = Array(word)
        for (index, c) in characters.enumerated() {
            let inside = index > 0 && index < characters.count - 1
                && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                && (characters[index + 1].isLetter || characters[index + 1].isNumber)
            if inside, c == "." || c == "@" || c == "/" {
                flush()
                spokenSymbols += 1
            } else if inside, c == "-" || c == "_" {
                flush()
            } else if c.isLetter || c.isNumber || c == "'" || c == "’" {
                if let last = part.last, last.isNumber != c.isNumber, c != "'", c != "’" { flush() }
                part.append(c)
            } else if !c.isPunctuation, !c.isWhitespace {
                flush()
                total += 1
            }
        }
        flush()
        return max(total + Double(spokenSymbols), word.isEmpty ? 0 : 1)
    }

    @Test func wordUnitsMatchTheReference() {
        let words = ["", "a", "configuration", "jane.doe@example.com", "https://example.com/a/b", "re-enter", "snake_case",
                     "2026", "A4", "4a", "it's", "don’t", "'quoted'", "12'3", "🙂", "x🙂y", "-", ".", "a.", ".a", "a..b",
                     "über-straße", "Ⅻ", "½", "٣٤", "e\u{301}.com", "a/b/c", "v1.2.3", "$5", "(note)", "1,000", "日本語"]
        for word in words {
            #expect(SpeechTimingModel.units(ofWord: Substring(word)) == Self.referenceUnits(ofWord: Substring(word)), "\(word)")
        }
    }

    /// Printable ASCII words and some with control bytes, from a fixed seed: the byte path of `units(ofWord:)`
    /// against the Character path and against the reference above.
    static let asciiWords: [String] = {
        var generator = SplitMix64(seed: 17)
        let alphabet = Array("aZ09.@/-_'!?,;:()$+<=>^`|~\"#%&*[]{}\u{01}\u{7F}")
        return (0..<2000).map { _ in
            String((0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }()

    @Test func asciiWordUnitsMatchTheCharacterPath() {
        for word in Self.asciiWords {
            let bytes = SpeechTimingModel.asciiUnits(ofWord: Substring(word).utf8)
            #expect(bytes == SpeechTimingModel.characterUnits(ofWord: Substring(word)), "\(word.debugDescription)")
            #expect(bytes == Self.referenceUnits(ofWord: Substring(word)), "\(word.debugDescription)")
        }
        #expect(SpeechTimingModel.asciiUnits(ofWord: Substring("café").utf8) == nil)
    }

    static let sentences = samples + markdownSamples + asciiWords.map { "Open the \($0), then; save: it,  now \($0)" } + [
        "a, b; c: d", ",", ", ", "a ,b", "x,\r\ny", "x, \u{301}y", "x,\u{301} y", "café, crème", "1,000, 2", "a,\t b",
    ]

    @Test func clauseBreaksMatchTheCharacterPath() {
        for sentence in Self.sentences {
            #expect(SpeechTimingModel.clauseBreaks(sentence) == SpeechTimingModel.characterClauseBreaks(sentence),
                    "\(sentence.debugDescription)")
        }
    }

    @Test func splitAtWhitespaceMatchesSplittingByCharacter() {
        for sentence in Self.sentences + ["one\r\ntwo\r\n", "\r\n", " \u{301}x y", "a\u{A0}b c", "日本 語"] {
            #expect(sentence.splitAtWhitespaceQuick() == sentence.split(whereSeparator: \.isWhitespaceQuick),
                    "\(sentence.debugDescription)")
            let slice = Substring(sentence).dropFirst()
            #expect(slice.splitAtWhitespaceQuick() == slice.split(whereSeparator: \.isWhitespaceQuick))
        }
    }

    @Test func wordCountMatchesSplittingByCharacter() {
        for sentence in Self.sentences {
            #expect(GuideTiming.wordCount(sentence) == sentence.split(whereSeparator: \.isWhitespaceQuick).count,
                    "\(sentence.debugDescription)")
        }
    }

    @Test func collapsingASCIIWhitespaceReturnsCollapsedTextAsIs() {
        for sample in Self.sentences where sample.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(sample.collapsingASCIIWhitespace == Self.referenceCollapse(sample), "\(sample.debugDescription)")
        }
    }

    /// The escapers' early "nothing to escape" answers against their loops (the originals), which are the reference;
    /// the loops themselves are held to known output by the escaping and golden tests.
    @Test func escapersMatchTheirScalarLoops() {
        func referenceProtect(_ line: String) -> String {
            String(line.map { $0 == "<" ? "‹" : $0 == ">" ? "›" : $0 })
        }
        func referenceClean(_ text: String) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.filter { XMLEscaping.isXMLChar($0) && $0.value >= 0x20 })
            return String(scalars)
        }
        let texts = Self.sentences + ["a\u{FFFE}b", "\u{FFFF}", "\u{EFFF}", "&\u{301}", "<\u{338}", "x\u{0}y", "it's \"so\""]
        for text in texts {
            #expect(XMLEscaping.text(text) == XMLEscaping.escapingEveryScalar(text, quotes: false), "\(text.debugDescription)")
            #expect(XMLEscaping.attribute(text) == XMLEscaping.escapingEveryScalar(text, quotes: true), "\(text.debugDescription)")
            #expect(WebVTTEscaping.cueText(text) == WebVTTEscaping.escapingEveryCharacter(text), "\(text.debugDescription)")
            #expect(SRTWriter.protect(text) == referenceProtect(text), "\(text.debugDescription)")
            #expect(SSMLWriter.clean(text) == referenceClean(text), "\(text.debugDescription)")
        }
    }

    @Test func captionTimestampsMatchThePaddedFormula() {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        for ms in [0, 1, 9, 10, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 35_999_999, 360_000_000, 1_234_567_890, -5] {
            let m = max(0, ms)
            for separator: Character in [".", ","] {
                let expected = pad(m / 3_600_000, 2) + ":" + pad(m / 60_000 % 60, 2) + ":" + pad(m / 1000 % 60, 2)
                    + String(separator) + pad(m % 1000, 3)
                #expect(CaptionTimestamp.format(ms, fractionSeparator: separator) == expected)
            }
        }
    }

    @Test func addressAndMarkupShortcutsMatchTheirOriginals() {
        let words = Self.sentences + ["HTTP://x.y", "Https://a", "WWW.example.com", "www", "ftp://f", "FILE://x", "file:/x",
                                      "İ", "fİle://x", "h\u{301}ttp://x", "Ctrl+S", "a+b", "+", "ctrl++", "x**y**", "[a](b)"]
        for word in words {
            let lower = word.lowercased()
            let expected = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
                || lower.hasPrefix("ftp://") || lower.hasPrefix("file://")
            #expect(SpokenPhrasing.looksLikeURL(word) == expected, "\(word.debugDescription)")
        }
    }

    /// Script and style content: every `</` gets its backslash, whatever surrounds it, and nothing else changes.
    @Test func rawTextElementContentEscapesEveryClosingTagStart() {
        let cases: [(String, String)] = [
            ("", ""), ("plain", "plain"), ("</script>", "<\\/script>"), ("a</b></c", "a<\\/b><\\/c"),
            ("<<//", "<<\\//"), ("< /", "< /"), ("/<", "/<"), ("é</é", "é<\\/é"),
            // A combining mark after the slash does not hide the `</` from an HTML parser, which reads bytes.
            ("</\u{0301}x", "<\\/\u{0301}x"),
            ("{\"t\":\"</script><script>alert(1)\"}", "{\"t\":\"<\\/script><script>alert(1)\"}"),
        ]
        for (text, expected) in cases {
            #expect(HTMLEscaping.rawTextElementContent(text) == expected, "\(text.debugDescription)")
        }
    }
}
