import Foundation
import Testing
import WaymarkModel

/// The byte-level helpers must answer exactly what the Foundation calls they replace answer.
@Suite struct UTF8SearchTests {
    static let haystacks = [
        "", "a", "<li>", "<ol>\n<li>one</li>\n</ol>", "Café <b>crème</b> — naïve\n---\nfooter\n---\nend",
        "日本語のテキスト<h2>見出し</h2>", "e\u{301}<x>e\u{301}", "\r\n---\r\n", "aaaaab", "abababab",
    ]
    static let needles = ["<", "<li>", "\n---\n", "</h2>", "crème", "見出し", "ab", "aab", "zz", "e\u{301}"]

    @Test func rangesMatchFoundation() {
        for haystack in Self.haystacks {
            for needle in Self.needles {
                let mine = haystack.utf8Range(of: needle)
                let theirs = haystack.range(of: needle, options: .literal)
                #expect(mine.map { haystack.utf8.distance(from: haystack.startIndex, to: $0.lowerBound) }
                    == theirs.map { haystack.utf8.distance(from: haystack.startIndex, to: $0.lowerBound) },
                    "\(haystack.debugDescription) / \(needle.debugDescription)")
                let mineBack = haystack.utf8Range(of: needle, backwards: true)
                let theirsBack = haystack.range(of: needle, options: [.literal, .backwards])
                #expect(mineBack.map { haystack[$0] } == theirsBack.map { haystack[$0] })
                #expect(haystack.utf8Replacing(needle, with: "[\(needle.count)]")
                    == haystack.replacingOccurrences(of: needle, with: "[\(needle.count)]", options: .literal))
            }
        }
    }

    @Test func substringsSearchTheirOwnRangeOnly() {
        let text = "<h2>a</h2><h2>b</h2>"
        let rest = text[text.utf8Range(of: "</h2>")!.upperBound...]
        let open = rest.utf8Range(of: "<h2>")!
        #expect(String(rest[open.upperBound...]) == "b</h2>")
        #expect(rest.utf8Range(of: "a") == nil)
        #expect(text.utf8Range(of: "") == nil)
        #expect(text.utf8Contains("b</"))
    }

    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\n", "a", " a ", "\ta\n", "\u{00A0}x\u{00A0}", "x\u{2028}", "\r\n", "é ", " 日本",
                       "a b", "\u{3000}全角\u{3000}", "\u{0085}y"]
        for sample in samples {
            #expect(sample.trimming(.whitespaces) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimming(.newlines) == sample.trimmingCharacters(in: .newlines), "\(sample.debugDescription)")
            #expect(sample.trimming(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(Substring(sample).trimming(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func quickCharacterPropertiesMatchTheStandardOnes() {
        let characters: [Character] = ["a", "Z", "0", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}",
                                       "\u{00A0}", "\u{2028}", "é", "e\u{301}", "ß", "日", "-", "_", "\u{3000}", "\u{85}"]
        for character in characters {
            #expect(character.isWhitespaceQuick == character.isWhitespace, "\(character.debugDescription)")
            #expect(character.isLetterQuick == character.isLetter, "\(character.debugDescription)")
        }
        for scalar in (0..<128).compactMap(Unicode.Scalar.init) {
            let character = Character(scalar)
            #expect(character.isWhitespaceQuick == character.isWhitespace)
            #expect(character.isLetterQuick == character.isLetter)
        }
    }
}
