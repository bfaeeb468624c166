import Testing
import WaymarkImport
import WaymarkModel
import WaymarkJSON

/// `masteryScore`: the pass mark of a capture's knowledge check in LMS packages, in both native formats.
@Suite struct MasteryScoreFieldTests {
    static let json = #"{"waymark": 1, "id": "x", "title": "X", "masteryScore": 90, "steps": [{"action": "click"}]}"#

    @Test func readAndWrittenInBothFormats() throws {
        let capture = try #require(Native.importJSON(Self.json).captures.first)
        #expect(capture.masteryScore == 90)
        let xml = try NativeCaptureWriter.xml(capture)
        #expect(xml.contains("  <masteryScore>90</masteryScore>\n"))
        let back = try #require(Native.importXML(xml).captures.first)
        #expect(back.masteryScore == 90)
        #expect(NativeCaptureWriter.json(back) == NativeCaptureWriter.json(capture))
        #expect(NativeCaptureWriter.json(capture).contains(#""masteryScore": 90"#))
    }

    @Test func outsideZeroToHundredIsAnErrorInBothFormats() {
        let json = Native.importJSON(Self.json.replacingOccurrences(of: "90", with: "101"))
        #expect(json.diagnostics.map(\.code).contains("capture.mastery-score"))
        let xml = Native.importXML(#"<capture version="1" id="x"><title>X</title><masteryScore>-1</masteryScore><steps><step action="click"/></steps></capture>"#)
        #expect(xml.diagnostics.map(\.code).contains("capture.mastery-score"))
        let word = Native.importXML(#"<capture version="1" id="x"><title>X</title><masteryScore>high</masteryScore><steps><step action="click"/></steps></capture>"#)
        #expect(word.diagnostics.map(\.code).contains("capture.type"))
        let fraction = Native.importJSON(Self.json.replacingOccurrences(of: "90", with: "0.9"))
        #expect(fraction.diagnostics.map(\.code).contains("capture.type"))
    }

    @Test func onlyASetScoreEntersTheFingerprint() {
        var capture = Capture(id: "x", title: "X", steps: [Step(action: .click)])
        let without = Fingerprint.capture(capture)
        capture.masteryScore = 80
        #expect(Fingerprint.capture(capture) != without)
        #expect(!JSONWriter.write(Fingerprint.canonical(Capture(id: "x", title: "X"))).contains("masteryScore"))
    }
}
