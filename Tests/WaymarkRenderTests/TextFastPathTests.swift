import Foundation
import Testing
@testable import WaymarkEscaping
@testable import WaymarkRender

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
        for sample in Self.samples where !sample.contains("\r\n") {
            #expect(GuideRenderer.normalizeBlankLines(sample) == Self.referenceNormalize(sample), "\(sample.debugDescription)")
        }
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
