import Foundation
import Testing
import WaymarkModel

/// The text normalisation helpers must answer exactly what the Foundation calls they replace answer.
@Suite struct TextNormalizationTests {
    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\n", "a", " a ", "\ta\n", "\u{00A0}x\u{00A0}", "x\u{2028}", "\r\n", "é ", " 日本",
                       "a b", "\u{3000}全角\u{3000}", "\u{0085}y", "\r\n\r\n", "  x\r\n", " \u{301}x", "x \u{301}", "\t\t", " é x é ",
                       "\u{2029}x\u{2029}", "\u{1680}x\u{202F}", "\u{200B}x\u{200B}", "\u{FEFF}x", "x\u{85}", "\u{2003}\u{2003}",
                       "é\u{2028}", "\u{2028}é", "\u{0B}\u{0C}é\u{0C}", "\u{2028}", "🙂 \u{3000}", "\u{3000}🙂"]
        for sample in samples {
            #expect(sample.trimming(.whitespaces) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimming(.newlines) == sample.trimmingCharacters(in: .newlines), "\(sample.debugDescription)")
            #expect(sample.trimming(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(Substring(sample).trimming(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func quickCharacterPropertiesMatchTheStandardOnes() {
        let characters: [Character] = ["a", "Z", "0", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}",
                                       "\u{00A0}", "\u{2028}", "é", "e\u{301}", "ß", "日", "-", "_", "\u{3000}", "\u{85}",
                                       "É", "Ⅻ", "½", "٣", "²", "ǅ", "A\u{301}"]
        for character in characters + (0..<128).compactMap(Unicode.Scalar.init).map(Character.init) {
            #expect(character.isWhitespaceQuick == character.isWhitespace, "\(character.debugDescription)")
            #expect(character.isLetterQuick == character.isLetter, "\(character.debugDescription)")
            #expect(character.isNumberQuick == character.isNumber, "\(character.debugDescription)")
            #expect(character.isLowercaseQuick == character.isLowercase, "\(character.debugDescription)")
            #expect(character.isUppercaseQuick == character.isUppercase, "\(character.debugDescription)")
        }
    }

    /// The ASCII collapse against the scalar-by-scalar rule it shortcuts (Fingerprint's, before the shortcut).
    @Test func asciiCollapseMatchesTheScalarRule() {
        func reference(_ value: String) -> String {
            var out = String.UnicodeScalarView()
            var pending = false
            for scalar in value.unicodeScalars {
                if scalar.properties.isWhitespace { pending = !out.isEmpty; continue }
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
            return String(out)
        }
        var generator = SplitMix64(seed: 11)
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}\u{1C}\u{1F}ab.-#".unicodeScalars)
        for length in 0..<200 {
            let text = String(String.UnicodeScalarView((0..<(length % 24)).map { _ in
                alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
            #expect(text.collapsingASCIIWhitespace == reference(text), "\(text.debugDescription)")
            #expect(Fingerprint.normalizedText(text) == reference(text))
        }
        #expect("é".collapsingASCIIWhitespace == nil)
        #expect(Fingerprint.normalizedText(" Caf\u{65}\u{301}\u{00A0} x ") == "Café x")
    }
}
