import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Import → export → import is lossless and byte-stable, in both formats and across them.
@Suite struct NativeRoundTripTests {
    static let jsonSamples = Native.sampleFiles("json")
    static let xmlSamples = Native.sampleFiles("xml")

    @Test func thereAreFiveSamplesInEachFormat() {
        #expect(Self.jsonSamples.count >= 5)
        #expect(Self.xmlSamples.count == Self.jsonSamples.count)
    }

    @Test(arguments: jsonSamples)
    func jsonSampleIsCanonicalAndSurvivesXMLByteForByte(url: URL) throws {
        let original = try Native.read(url)
        let imported = Native.importJSON(original, file: url.lastPathComponent)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let capture = try #require(imported.captures.first)
        #expect(NativeCaptureWriter.json(capture) == original, "sample is not in canonical form")

        let xml = try NativeCaptureWriter.xml(capture)
        let viaXML = Native.importXML(xml)
        #expect(viaXML.diagnostics.isEmpty, "\(viaXML.diagnostics)")
        let back = try #require(viaXML.captures.first)
        #expect(NativeCaptureWriter.json(back) == original)
        #expect(Native.content(back) == Native.content(capture))
    }

    @Test(arguments: xmlSamples)
    func xmlSampleIsCanonicalAndMatchesItsJSONTwin(url: URL) throws {
        let original = try Native.read(url)
        let imported = Native.importXML(original, file: url.lastPathComponent)
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        let capture = try #require(imported.captures.first)
        #expect(try NativeCaptureWriter.xml(capture) == original, "sample is not in canonical form")

        let twinURL = url.deletingPathExtension().appendingPathExtension("json")
        let twin = try #require(Native.importJSON(try Native.read(twinURL)).captures.first)
        #expect(capture.id == twin.id + "-xml")
        var renamed = Native.content(capture)
        renamed.id = twin.id
        #expect(renamed == Native.content(twin))
    }

    @Test func sampleIDsAreUniqueAcrossTheFolder() throws {
        var ids: [String] = []
        for url in Self.jsonSamples { ids += Native.importJSON(try Native.read(url)).captures.map(\.id) }
        for url in Self.xmlSamples { ids += Native.importXML(try Native.read(url)).captures.map(\.id) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == Self.jsonSamples.count * 2)
    }

    @Test func samplesHaveWhatTheGuidesNeed() throws {
        for url in Self.jsonSamples {
            let capture = try #require(Native.importJSON(try Native.read(url)).captures.first)
            #expect((8...25).contains(capture.steps.count), "\(capture.id)")
            #expect(capture.owner?.contains("@") == true)
            #expect(capture.audience != nil && capture.purpose != nil)
            #expect(!capture.objectives.isEmpty && !capture.prerequisites.isEmpty)
            #expect(capture.reviewBy.map { $0 > CalendarDate(year: 2026, month: 12, day: 31)! } == true)
            #expect(capture.application != nil)
            #expect(capture.steps.contains { $0.sensitive && $0.value != nil })
            #expect(capture.steps.contains { $0.action == .press && !$0.modifiers.isEmpty })
            #expect(capture.steps.contains { $0.action == .note })
            #expect(capture.steps.contains { $0.action == .navigate && $0.url != nil })
            #expect(capture.steps.contains { $0.screenshot?.highlight != nil })
            for step in capture.steps {
                guard let shot = step.screenshot else { continue }
                let png = url.deletingLastPathComponent().appendingPathComponent(shot.path)
                let data = try Data(contentsOf: png)
                #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot.path) is not a PNG")
                // PNG IHDR: width and height as big-endian UInt32 at bytes 16 and 20.
                let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
                let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
                #expect(shot.width == width && shot.height == height)
            }
        }
    }

    /// Strings that break naive writers: markup, quotes, whitespace at the edges, line ends, non-BMP, long text.
    struct EdgeValue: CustomStringConvertible, Sendable {
        var value: String
        var description: String { value.count > 80 ? "\(value.count) characters of '\(value.prefix(16))…'" : value.debugDescription }
    }

    static let edgeValues: [EdgeValue] = [String]([
        "",
        " ",
        "  leading and trailing  ",
        "<b>bold</b> & \"double\" 'single' > ]]>",
        "&amp; &lt; &#10; literally",
        "Zoë · 日本語 · עברית · 🧭👩🏽‍💻 · e\u{301}",
        "line one\nline two\r\nline three\rend\ttab",
        "\u{2028}\u{2029}\u{85}\u{FEFF}\u{FFFD}",
        "{\"json\": [1, 2]} \\ backslash",
        String(repeating: "Very long label ", count: 8_000),
    ]).map(EdgeValue.init)

    @Test(arguments: edgeValues)
    func edgeValuesSurviveBothFormats(edge: EdgeValue) throws {
        let value = edge.value
        let capture = Native.everyField(value)
        let json = NativeCaptureWriter.json(capture)
        let fromJSON = try #require(Native.importJSON(json).captures.first)
        #expect(Native.content(fromJSON) == Native.content(capture))

        let xml = try NativeCaptureWriter.xml(capture)
        let fromXML = Native.importXML(xml)
        #expect(!fromXML.hasErrors, "\(fromXML.diagnostics)")
        let back = try #require(fromXML.captures.first)
        #expect(Native.content(back) == Native.content(capture))
        #expect(NativeCaptureWriter.json(back) == json)
        #expect(try NativeCaptureWriter.xml(back) == xml)
    }

    @Test func absentAndEmptyAreDifferentAndBothSurvive() throws {
        var capture = Native.everyField("")
        capture.steps.append(Step(action: .click))
        capture.steps.append(Step(action: .click, target: Target()))
        let xml = try NativeCaptureWriter.xml(capture)
        let back = try #require(Native.importXML(xml).captures.first)
        #expect(back.steps[0].value == "")
        #expect(back.steps[1].target == nil && back.steps[1].value == nil)
        #expect(back.steps[2].target == Target())
        #expect(Native.content(back) == Native.content(capture))
    }

    @Test func sourceAndEmbeddedImagesAreNeverWritten() throws {
        var capture = Native.everyField("x")
        capture.source = CaptureSource(format: .stepsRecorder, path: "/home/someone/Recording_42.zip")
        capture.steps[0].screenshot?.embeddedData = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x42, 0x42])
        let json = NativeCaptureWriter.json(capture)
        let xml = try NativeCaptureWriter.xml(capture)
        for text in [json, xml] {
            #expect(!text.contains("Recording_42"))
            #expect(!text.contains("/9j/"))  // base64 of the JPEG bytes
            #expect(!text.contains("embedded"))
        }
        let back = try #require(Native.importXML(xml).captures.first)
        #expect(back.steps[0].screenshot?.embeddedData == nil)
        #expect(back.source == CaptureSource(format: .waymarkXML, path: "t.xml"))
        #expect(back.origin == capture.origin)
    }

    @Test func tenThousandStepsRoundTrip() throws {
        var capture = Native.everyField("step text", steps: 0)
        capture.steps = (0..<10_000).map { i in
            Step(action: i % 3 == 0 ? .type : .click, target: Target(label: "Field \(i)", role: "text field"),
                 value: i % 3 == 0 ? "value \(i) <&>" : nil, sensitive: i % 7 == 0, id: "s\(i)")
        }
        let json = NativeCaptureWriter.json(capture)
        let xml = try NativeCaptureWriter.xml(capture)
        let fromXML = try #require(Native.importXML(xml).captures.first)
        #expect(fromXML.steps.count == 10_000)
        #expect(NativeCaptureWriter.json(fromXML) == json)
        let fromJSON = try #require(Native.importJSON(json).captures.first)
        #expect(Native.content(fromJSON) == Native.content(capture))
    }

    /// Random captures from a seeded generator: whatever the content, both formats carry it exactly.
    @Test func randomCapturesRoundTrip() throws {
        var rng = SplitMix64(seed: 0x5EED_CAFE)
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "\n", "\r", "\t", "<", ">", "&", "\"", "'", "\\", "/",
                                          "é", "ß", "字", "🧭", "\u{200B}", "\u{FFFD}", "\u{7F}", ";", "=", "]"]
        func text() -> String? {
            if rng.next() % 4 == 0 { return nil }
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 12) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return String(s)
        }
        for _ in 0..<150 {
            let steps = (0..<Int(rng.next() % 6)).map { _ in
                Step(action: Action.allCases[Int(rng.next() % UInt64(Action.allCases.count))],
                     target: rng.next() % 2 == 0 ? Target(label: text(), role: text(), selectors: [text()].compactMap { $0 }, context: text()) : nil,
                     value: text(), sensitive: rng.next() % 2 == 0, key: text(),
                     modifiers: KeyModifier.allCases.filter { _ in rng.next() % 3 == 0 }, url: text(),
                     note: text(), time: text(), instruction: text(), customType: text(), id: text())
            }
            let capture = Capture(id: "random", title: text() ?? "", application: text(), owner: text(),
                                  objectives: [text(), text()].compactMap { $0 }, recordedAt: text(), steps: steps)
            let json = NativeCaptureWriter.json(capture)
            let fromJSON = try #require(Native.importJSON(json).captures.first, "\(json)")
            #expect(Native.content(fromJSON) == Native.content(capture))
            let xml = try NativeCaptureWriter.xml(capture)
            let fromXML = try #require(Native.importXML(xml).captures.first, "\(xml)")
            #expect(Native.content(fromXML) == Native.content(capture))
            #expect(NativeCaptureWriter.json(fromXML) == json)
        }
    }

    @Test func controlCharactersStayInJSONAndAreRefusedByXMLExport() throws {
        var capture = Native.everyField("ok")
        capture.steps[0].value = "bell\u{07}here"
        capture.title = "nul\u{0}title"
        let json = NativeCaptureWriter.json(capture)
        #expect(json.contains("bell\\u0007here"))
        let back = try #require(Native.importJSON(json).captures.first)
        #expect(back.steps[0].value == "bell\u{07}here")
        #expect(back.title == "nul\u{0}title")
        #expect {
            _ = try NativeCaptureWriter.xml(capture)
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.count == 2
                && diagnostics.allSatisfy { $0.code == DiagnosticCode.xmlUnrepresentable.id }
                && diagnostics.contains { $0.message.contains("'title'") && $0.message.contains("U+0000") }
                && diagnostics.contains { $0.message.contains("step 1") && $0.message.contains("'value'") && $0.message.contains("U+0007") }
        }
    }

    @Test func severalCapturesWriteAsArrayAndCapturesRoot() throws {
        let a = Native.everyField("a")
        var b = Native.everyField("b")
        b.id = "second"
        let json = NativeCaptureWriter.json([a, b])
        #expect(json.hasPrefix("[\n"))
        let fromJSON = Native.importJSON(json)
        #expect(fromJSON.captures.map(\.id) == ["every-field", "second"])
        let xml = try NativeCaptureWriter.xml([a, b])
        #expect(xml.contains("<captures>\n  <capture version=\"1\" id=\"every-field\">"))
        let fromXML = Native.importXML(xml)
        #expect(fromXML.captures.map(Native.content) == fromJSON.captures.map(Native.content))
        #expect(NativeCaptureWriter.json(fromXML.captures) == json)
    }
}
