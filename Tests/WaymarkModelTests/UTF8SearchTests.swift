import Foundation
import Testing
@testable import WaymarkModel

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
}
