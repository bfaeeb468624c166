import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Helpers shared by the native format tests: import from text, and compare captures without their source.
enum Native {
    static func importJSON(_ text: String, file: String = "t.json") -> ImportResult {
        NativeJSONImporter().importCaptures(from: CaptureInput(path: file, data: Data(text.utf8)))
    }

    static func importXML(_ text: String, file: String = "t.xml") -> ImportResult {
        NativeXMLImporter().importCaptures(from: CaptureInput(path: file, data: Data(text.utf8)))
    }

    /// The capture with its `source` blanked (source is where a file was read, not what it says).
    static func content(_ capture: Capture) -> Capture {
        var copy = capture
        copy.source = CaptureSource(format: .waymarkJSON, path: "")
        return copy
    }

    /// The native sample captures (top level of SampleCaptures/) with this extension; other tools' recordings that
    /// may sit beside them are left out.
    static func sampleFiles(_ ext: String) -> [URL] {
        let importer: any CaptureImporter = ext == "json" ? NativeJSONImporter() : NativeXMLImporter()
        return Fixtures.files(under: Fixtures.sampleCaptures, extensions: [ext])
            .filter { $0.deletingLastPathComponent().standardizedFileURL == Fixtures.sampleCaptures.standardizedFileURL }
            .filter { url in
                guard let input = try? CaptureInput.load(url) else { return false }
                return importer.recognizes(input)
            }
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    /// A capture exercising every field of the model.
    static func everyField(_ text: String = "x", steps: Int = 1) -> Capture {
        let step = Step(
            action: .drag,
            target: Target(label: text, role: text, selectors: [text, "#a"], context: text),
            value: text, sensitive: true, key: text, modifiers: [.ctrl, .alt, .shift, .meta], url: text,
            destination: Target(label: text, role: nil, selectors: [], context: nil),
            screenshot: Screenshot(path: "images/a.png", highlight: Rect(x: 1, y: 2, width: 3, height: 4), width: 10, height: 20),
            note: text, time: text, instruction: text, customType: text, id: text)
        return Capture(
            id: "every-field", title: text, application: text, owner: text, audience: text, purpose: text,
            objectives: [text, text], prerequisites: [text], reviewBy: CalendarDate(year: 2027, month: 2, day: 28),
            recordedAt: text, recordedBy: text, language: text,
            origin: CaptureSource(format: .chromeRecorder, path: text),
            steps: Array(repeating: step, count: steps), masteryScore: 85)
    }
}
