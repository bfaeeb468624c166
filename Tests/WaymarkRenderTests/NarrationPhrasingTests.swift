import Foundation
import Testing
import WaymarkModel
import WaymarkRender
import WaymarkXML

/// The spoken wording: nothing a listener should not hear, and odd text that stays well-formed.
@Suite struct NarrationPhrasingTests {
    private func text(_ files: [RenderedFile], _ name: String) -> String {
        String(decoding: files.first { $0.path == name }!.contents, as: UTF8.self)
    }

    @Test func keysAreNamedAsPeopleSayThem() {
        #expect(SpokenPhrasing.spokenKeys(["Ctrl", "S"]) == .substitution(written: "Ctrl+S", spoken: "Control plus S"))
        #expect(SpokenPhrasing.spokenKeys(["Meta", "Shift", "ArrowUp"])
                == .substitution(written: "Meta+Shift+ArrowUp", spoken: "Command plus Shift plus Up Arrow"))
        #expect(SpokenPhrasing.spokenKeys(["Ctrl", "+"]) == .substitution(written: "Ctrl++", spoken: "Control plus plus"))
        #expect(SpokenPhrasing.spokenKeys(["s"]) == .characters("S"))
        #expect(SpokenPhrasing.spokenKeys(["Esc"]) == .substitution(written: "Esc", spoken: "Escape"))
    }

    @Test func addressesAreSpokenAsTheirHost() {
        #expect(SpokenPhrasing.spokenAddress("https://www.example.com/a/b?c=d#e") == "example.com")
        #expect(SpokenPhrasing.spokenAddress("http://user:pw@intranet.corp:8080/x") == "intranet.corp")
        #expect(SpokenPhrasing.spokenAddress("mailto:help@example.com") == "help@example.com")
        #expect(SpokenPhrasing.speakableProse("See https://docs.example.com/help/receipts.") == "See docs.example.com.")
    }

    @Test func literalsAreSpokenAsIsOrSummarised() {
        #expect(SpokenPhrasing.spokenLiteral("Berlin trip, March") == "Berlin trip, March")
        #expect(SpokenPhrasing.spokenLiteral("INV-2026-0042") == "INV-2026-0042")
        #expect(SpokenPhrasing.spokenLiteral("https://example.com/long/path") == "example.com")
        #expect(SpokenPhrasing.spokenLiteral("/home/ana/Receipts/2026/hotel-berlin-march.pdf") == "the text shown on screen")
        #expect(SpokenPhrasing.spokenLiteral("^[a-z]+$|{}") == "the value shown on screen")
        #expect(SpokenPhrasing.spokenLiteral("Dear team, please find attached my report for the trip") == "the text shown on screen")
        #expect(SpokenPhrasing.spokenLiteral("   ") == "nothing")
    }

    @Test func markdownIsNeverSpoken() {
        let guide = NarrationFixtures.expenseReport
        let files = NarrationRenderer().render(guide)
        for name in ["narration.txt", "captions.vtt", "captions.srt"] {
            let output = text(files, name)
            #expect(!output.contains("**"), "\(name) contains Markdown bold")
            #expect(!output.contains("`"), "\(name) contains Markdown code")
            #expect(!output.contains("https://"), "\(name) reads an address out")
            #expect(!output.contains("Ctrl+S"), "\(name) shows a key combination instead of its words")
        }
        #expect(text(files, "narration.txt").contains("Press Control plus S to save a draft."))
        #expect(text(files, "narration.txt").contains("Note: Use the city and the month, like Berlin trip, March: approvers search by them."))
    }

    @Test func sensitiveValuesAreNeverSpoken() {
        let files = NarrationRenderer().render(NarrationFixtures.expenseReport)
        for file in files {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("hunter2"), "\(file.path) leaks a sensitive value")
        }
    }

    @Test func introAndOutroComeFromObjectivesTitleAndOwner() {
        let phrasing = SpokenPhrasing()
        let full = phrasing.script(for: NarrationFixtures.expenseReport)
        #expect(full.segments.first?.spokenText == "In this video you'll learn to create an expense report for a trip, attach a receipt and pick the right category, and submit the report for your manager's approval. Reports filed with the wrong category are sent back, and reimbursement waits another cycle.")
        #expect(full.segments.last?.spokenText == "That's it: you can now create an expense report for a trip, attach a receipt and pick the right category, and submit the report for your manager's approval. If you have questions, contact finance-enablement@example.com.")

        var task = NarrationFixtures.minimal
        task.capture.title = "Submit a timesheet"
        #expect(phrasing.script(for: task).segments.first?.spokenText == "In this video you'll learn to submit a timesheet.")
        #expect(phrasing.script(for: task).segments.last?.spokenText == "That's it: you can now submit a timesheet.")
        let minimal = phrasing.script(for: NarrationFixtures.minimal)
        #expect(minimal.segments.first?.spokenText == "This video walks you through Quarterly numbers dashboard.")
        #expect(minimal.segments.last?.spokenText == "That's it: you've completed the one step.")
        #expect(minimal.segments[1].spokenText == "Open dashboards.example.org.")
    }

    @Test func hostileLabelGivesWellFormedSSMLAndValidCaptions() throws {
        let files = NarrationRenderer().render(NarrationFixtures.hostile)
        let ssml = text(files, "narration.ssml")
        let root = try XMLDocumentParser.parse(Data(ssml.utf8), file: "narration.ssml").get()
        #expect(root.name == "speak")
        #expect(root.namespaceURI == "http://www.w3.org/2001/10/synthesis")
        #expect(root[attribute: "lang"] == "en-GB")
        // Exactly the allowed SSML subset.
        var names = Set<String>()
        func collect(_ element: XMLElement) { names.insert(element.name); element.elements.forEach(collect) }
        collect(root)
        #expect(names.isSubset(of: ["speak", "p", "s", "break", "say-as", "sub", "mark"]))
        #expect(root.elements(named: "mark").map { $0[attribute: "name"] ?? "" } == ["intro", "step-1", "step-2", "step-3", "outro"])
        // The label's characters come back intact after parsing.
        #expect(root.text.contains(NarrationFixtures.hostileLabel))
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            let controls = text.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" }
            #expect(controls.isEmpty, "\(file.path) carries control characters")
        }
        #expect(text(files, "narration.txt").contains("Watch for ]]> and --> in text."))

        let vtt = text(files, "captions.vtt")
        #expect(vtt.hasPrefix("WEBVTT\n\n"))
        #expect(vtt.contains("&amp;") && vtt.contains("&lt;Close&gt;"))
        for block in vtt.dropLast().components(separatedBy: "\n\n").dropFirst() {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 2 && lines.count <= 3)
            #expect(lines[0].contains(" --> "))
            for line in lines.dropFirst() {
                #expect(!line.contains("-->") && !line.contains("<") && !line.isEmpty)
            }
        }
        let srt = text(files, "captions.srt")
        #expect(srt.contains("👩🏽‍💻🇩🇪") && srt.contains("שלום עולם"))
        #expect(srt.hasPrefix("1\n00:00:00,000 --> "))
    }

    @Test func emojiAndRightToLeftTextCountAsGraphemes() {
        let breaker = CaptionLineBreaker.standard
        // 30 family emoji: each is one grapheme of many scalars; two lines of at most 42.
        let family = Array(repeating: "👨‍👩‍👧‍👦", count: 30).joined(separator: " ")
        let cues = breaker.cues(for: family)
        #expect(cues.count == 1)
        #expect(cues[0].allSatisfy { $0.count <= 42 })
        let hebrew = Array(repeating: "שלום", count: 20).joined(separator: " ")
        for cue in breaker.cues(for: hebrew) {
            #expect(cue.count <= 2 && cue.allSatisfy { $0.count <= 42 })
        }
    }

    @Test func languageFallsBackToEnglishWhenInvalid() {
        var guide = NarrationFixtures.minimal
        guide.capture.language = "en\" onload=\"x"
        #expect(SpokenPhrasing().script(for: guide).language == "en")
        guide.capture.language = "de-CH"
        #expect(SpokenPhrasing().script(for: guide).language == "de-CH")
    }
}

@Suite struct NarrationProseTests {
    @Test func keyCombinationsInProseAreSaidAsWords() {
        #expect(SpokenPhrasing.speakableProse("Press Windows+L to lock your computer, then sign in.")
                == "Press Windows key plus L to lock your computer, then sign in.")
        #expect(SpokenPhrasing.speakableProse("Save with Ctrl+Shift+S.") == "Save with Control plus Shift plus S.")
        #expect(SpokenPhrasing.speakableProse("Type 2+2 here.") == "Type 2+2 here.")
    }

    @Test func menuArrowsAndAmpersandsAreSaidAsWords() {
        #expect(SpokenPhrasing.speakableProse("Choose File → Save & Close.") == "Choose File, then Save and Close.")
        #expect(SpokenPhrasing.speakableProse("Open Settings > Privacy, then close it.") == "Open Settings, then Privacy, then close it.")
    }
}
