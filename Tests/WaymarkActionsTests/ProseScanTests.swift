import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport

/// No instruction generated from any capture we can read — the samples, the real Selenese HTML and UI.Vision files
/// in Tests/WaymarkImportTests/Fixtures, and every real recording in ../shared/captures and ../shared/more-captures
/// that the registered importers recognise — shows a selector, XPath, `undefined` or `null`.
@Suite struct ProseScanTests {
    static var captures: [(String, Capture)] {
        var out = BuildTestSupport.sampleCaptures.map { ("SampleCaptures/\($0.id)", $0) }
        // Real Selenese HTML and UI.Vision files kept with the tests (Fixtures/*/SOURCES.md).
        out += BuildTestSupport.captures(in: RealFixturesGuideTests.folder).map { ("fixtures/\($0.id)", $0) }
        if let shared = Fixtures.shared {
            out += BuildTestSupport.captures(in: shared.appendingPathComponent("captures")).map { ("shared/\($0.id)", $0) }
            // Selenese HTML and UI.Vision recordings, kept apart from captures/ (see SOURCES.md there).
            out += BuildTestSupport.captures(in: shared.appendingPathComponent("more-captures")).map { ("shared/more/\($0.id)", $0) }
        }
        return out
    }

    /// Patterns of machine text that must never appear outside links and typed values.
    static let forbidden: [(String, String)] = [
        (#"aria/"#, "aria selector"), (#"(?i)xpath"#, "XPath"), (#"//"#, "XPath or CSS path"), (#"css="#, "CSS locator"),
        (#"(?i)\b(id|name|linkText)="#, "Selenium locator"), (#"#[A-Za-z][\w-]*"#, "CSS id selector"),
        (#"\[[\w-]+[~|^$*]?="#, "attribute selector"), (#":nth-"#, "pseudo-class"), (#"pierce/|text/"#, "Puppeteer selector"),
        (#"\bundefined\b"#, "undefined"), (#"\bnull\b"#, "null"), (#">>>"#, "shadow DOM chain"),
    ]

    /// The prose of a step: every segment except addresses and values the learner types (those are quoted as-is).
    static func prose(_ instruction: Instruction) -> String {
        instruction.segments.compactMap { segment -> String? in
            switch segment {
            case .text(let t), .label(let t): t
            case .keys(let keys): keys.joined(separator: "+")
            case .literal, .link: nil
            }
        }.joined()
    }

    @Test func capturesAreAvailable() throws {
        let captures = Self.captures
        #expect(captures.contains { $0.0.hasPrefix("SampleCaptures/") })
        if Fixtures.shared != nil { #expect(captures.contains { $0.0.hasPrefix("shared/") }) }
    }

    @Test func noMachineTextInAnyInstruction() throws {
        var scanned = 0
        for (name, capture) in Self.captures {
            let guide = StepPhraser().phrase(capture)
            var texts = guide.steps.map { Self.prose($0.instruction) } + guide.steps.flatMap(\.notes)
            texts += guide.sections.compactMap { $0.title.map(Self.prose) }
            for text in texts where !text.isEmpty {
                scanned += 1
                for (pattern, what) in Self.forbidden where text.range(of: pattern, options: .regularExpression) != nil {
                    // Writers' own notes may legitimately mention ids; only generated wording is held to this.
                    if guide.steps.flatMap(\.notes).contains(text) && what == "CSS id selector" { continue }
                    Issue.record("\(name): \(what) in \"\(text)\"")
                }
            }
            // The rendered Markdown of the guide body never shows the word undefined/null either.
            let markdown = try GuideRenderer().render(guide, context: RenderContext())
                .first { $0.path == "guide.md" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
            #expect(markdown.range(of: #"\b(undefined|null)\b"#, options: .regularExpression) == nil, "\(name)")
        }
        #expect(scanned > 50)
    }
}
