import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkXML
import WaymarkJSON

/// Bad native captures become diagnostics with codes and positions — never crashes, never half-imports.
@Suite struct NativeDiagnosticsTests {
    static let minimalJSON = """
        {
          "waymark": 1,
          "id": "minimal",
          "title": "Minimal",
          "steps": [
            {"action": "click", "target": {"label": "OK"}}
          ]
        }
        """

    static let minimalXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <capture version="1" id="minimal">
          <title>Minimal</title>
          <steps>
            <step action="click"><target><label>OK</label></target></step>
          </steps>
        </capture>
        """

    @Test func minimalCapturesImportCleanly() throws {
        let json = Native.importJSON(Self.minimalJSON)
        let xml = Native.importXML(Self.minimalXML)
        #expect(json.diagnostics.isEmpty && xml.diagnostics.isEmpty)
        #expect(json.captures.map(Native.content) == xml.captures.map(Native.content))
        #expect(json.captures.first?.source == CaptureSource(format: .waymarkJSON, path: "t.json"))
        #expect(xml.captures.first?.source == CaptureSource(format: .waymarkXML, path: "t.xml"))
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var text: String
        var code: String
        var line: Int
        var column: Int?
        var severity: Diagnostic.Severity = .error
        var description: String { name }
    }

    static let jsonCases: [Case] = [
        Case(name: "syntax", text: "{\n  \"waymark\": 1,\n  \"id\": \"x\" \"title\": \"T\"\n}", code: "json.syntax", line: 3, column: 13),
        Case(name: "newer version", text: "{\"waymark\": 2, \"id\": \"x\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureVersionUnsupported.id, line: 1, column: 13),
        Case(name: "version as string", text: "{\"waymark\": \"1\", \"id\": \"x\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureVersion.id, line: 1, column: 13),
        Case(name: "version zero", text: "{\"waymark\": 0, \"id\": \"x\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureVersion.id, line: 1, column: 13),
        Case(name: "no version", text: "{\"id\": \"x\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureVersion.id, line: 1, column: 1),
        Case(name: "missing title", text: "{\n\"waymark\": 1, \"id\": \"x\", \"steps\": []}",
             code: DiagnosticCode.captureMissingField.id, line: 1, column: 1),
        Case(name: "missing action", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\",\n \"steps\": [{\"value\": \"v\"}]}",
             code: DiagnosticCode.captureMissingField.id, line: 2, column: 12),
        Case(name: "title not a string", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": 7, \"steps\": []}",
             code: DiagnosticCode.captureType.id, line: 1, column: 36),
        Case(name: "null is not absent", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"owner\": null, \"steps\": []}",
             code: DiagnosticCode.captureType.id, line: 1, column: 50),
        Case(name: "bad id", text: "{\"waymark\": 1, \"id\": \"Bad Id\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureId.id, line: 1, column: 22),
        Case(name: "bad date", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"reviewBy\": \"2027-02-30\", \"steps\": []}",
             code: DiagnosticCode.captureDate.id, line: 1, column: 53),
        Case(name: "fractional width", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"a.png\", \"width\": 1.5}}]}",
             code: DiagnosticCode.captureType.id, line: 1, column: 112),
        Case(name: "negative highlight", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"a.png\", \"highlight\": {\"x\": 0, \"y\": 0, \"width\": -4, \"height\": 2}}}]}",
             code: DiagnosticCode.captureRect.id, line: 1, column: 85),
        Case(name: "absolute screenshot", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"/etc/passwd\"}}]}",
             code: DiagnosticCode.captureScreenshotPath.id, line: 1, column: 94),
        Case(name: "escaping screenshot", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"images/../../secret.png\"}}]}",
             code: DiagnosticCode.captureScreenshotPath.id, line: 1, column: 94),
        Case(name: "url screenshot", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"https://evil.example/a.png\"}}]}",
             code: DiagnosticCode.captureScreenshotPath.id, line: 1, column: 94),
        Case(name: "windows drive screenshot", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"C:\\\\shots\\\\a.png\"}}]}",
             code: DiagnosticCode.captureScreenshotPath.id, line: 1, column: 94),
        Case(name: "unknown origin", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"origin\": {\"format\": \"qtp\", \"path\": \"a\"}, \"steps\": []}",
             code: DiagnosticCode.captureOrigin.id, line: 1, column: 62),
        Case(name: "root is an array of numbers", text: "[1]", code: DiagnosticCode.captureNotACapture.id, line: 1, column: 2),
        Case(name: "root is a string", text: "\"capture\"", code: DiagnosticCode.captureNotACapture.id, line: 1, column: 1),
        Case(name: "duplicate ids", text: "[{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": []},\n {\"waymark\": 1, \"id\": \"x\", \"title\": \"U\", \"steps\": []}]",
             code: DiagnosticCode.captureDuplicateId.id, line: 2, column: 2),
        Case(name: "unknown action", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [\n  {\"action\": \"teleport\"}]}",
             code: DiagnosticCode.captureUnknownAction.id, line: 2, column: 14, severity: .warning),
        Case(name: "unknown field", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"tittle\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureUnknownField.id, line: 1, column: 41, severity: .warning),
        Case(name: "duplicate key", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"title\": \"U\", \"steps\": []}",
             code: DiagnosticCode.captureDuplicateField.id, line: 1, column: 41, severity: .warning),
        Case(name: "unknown modifier", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"press\", \"key\": \"S\", \"modifiers\": [\"hyper\"]}]}",
             code: DiagnosticCode.captureUnknownModifier.id, line: 1, column: 97, severity: .warning),
        Case(name: "highlight outside image", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"a.png\", \"width\": 10, \"height\": 10, \"highlight\": {\"x\": 5, \"y\": 5, \"width\": 20, \"height\": 2}}}]}",
             code: DiagnosticCode.captureRectOutside.id, line: 1, column: 85, severity: .warning),
        Case(name: "navigate without url", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"navigate\"}]}",
             code: DiagnosticCode.captureStepIncomplete.id, line: 1, column: 51, severity: .warning),
        Case(name: "no steps", text: "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": []}",
             code: DiagnosticCode.captureNoSteps.id, line: 1, column: 50, severity: .warning),
    ]

    @Test(arguments: jsonCases)
    func jsonProblemsAreDiagnosedWithLineAndColumn(c: Case) {
        let result = Native.importJSON(c.text, file: "bad.json")
        let match = result.diagnostics.first { $0.code == c.code }
        #expect(match != nil, "expected \(c.code), got \(result.diagnostics)")
        #expect(match?.severity == c.severity)
        #expect(match?.location == SourceLocation(file: "bad.json", line: c.line, column: c.column), "\(result.diagnostics)")
        #expect(match?.hint?.isEmpty == false)
        if c.severity == .error {
            #expect(result.captures.isEmpty, "a capture with errors must not be imported")
        } else {
            #expect(!result.hasErrors, "\(result.diagnostics)")
            #expect(result.captures.count == 1)
        }
    }

    static let xmlCases: [Case] = [
        Case(name: "mismatched tag", text: "<capture version=\"1\" id=\"x\">\n<title>T</title>\n<steps></stepz></capture>",
             code: DiagnosticCode.xmlSyntax.id, line: 3, column: 16),
        Case(name: "newer version", text: "<capture version=\"2\" id=\"x\"><title>T</title><steps/></capture>",
             code: DiagnosticCode.captureVersionUnsupported.id, line: 1),
        Case(name: "no version", text: "<capture id=\"x\"><title>T</title><steps/></capture>",
             code: DiagnosticCode.captureVersion.id, line: 1),
        Case(name: "version not a number", text: "<capture version=\"one\" id=\"x\"><title>T</title><steps/></capture>",
             code: DiagnosticCode.captureVersion.id, line: 1),
        Case(name: "missing title", text: "<capture version=\"1\" id=\"x\">\n<steps/>\n</capture>",
             code: DiagnosticCode.captureMissingField.id, line: 1),
        Case(name: "missing action", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n<step><value>v</value></step>\n</steps></capture>",
             code: DiagnosticCode.captureMissingField.id, line: 2),
        Case(name: "missing id", text: "<capture version=\"1\"><title>T</title><steps/></capture>",
             code: DiagnosticCode.captureMissingField.id, line: 1),
        Case(name: "bad id", text: "<capture version=\"1\" id=\"-x-\"><title>T</title><steps/></capture>",
             code: DiagnosticCode.captureId.id, line: 1),
        Case(name: "bad date", text: "<capture version=\"1\" id=\"x\"><title>T</title>\n<reviewBy>31/12/2027</reviewBy><steps/></capture>",
             code: DiagnosticCode.captureDate.id, line: 2),
        Case(name: "width not a number", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n<step action=\"click\"><screenshot path=\"a.png\" width=\"wide\"/></step></steps></capture>",
             code: DiagnosticCode.captureType.id, line: 2),
        Case(name: "sensitive not boolean", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n<step action=\"type\" sensitive=\"yes\"/></steps></capture>",
             code: DiagnosticCode.captureType.id, line: 2),
        Case(name: "element inside text field", text: "<capture version=\"1\" id=\"x\"><title>T <b>bold</b></title><steps/></capture>",
             code: DiagnosticCode.captureType.id, line: 1),
        Case(name: "escaping screenshot", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n<step action=\"click\"><screenshot path=\"../a.png\"/></step></steps></capture>",
             code: DiagnosticCode.captureScreenshotPath.id, line: 2),
        Case(name: "wrong root", text: "<guide version=\"1\"/>", code: DiagnosticCode.captureNotACapture.id, line: 1),
        Case(name: "empty captures", text: "<captures>\n</captures>", code: DiagnosticCode.captureNotACapture.id, line: 1),
        Case(name: "duplicate ids", text: "<captures>\n<capture version=\"1\" id=\"x\"><title>T</title><steps/></capture>\n<capture version=\"1\" id=\"x\"><title>T</title><steps/></capture></captures>",
             code: DiagnosticCode.captureDuplicateId.id, line: 3),
        Case(name: "unknown action", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n\n<step action=\"teleport\"/></steps></capture>",
             code: DiagnosticCode.captureUnknownAction.id, line: 3, severity: .warning),
        Case(name: "unknown element", text: "<capture version=\"1\" id=\"x\"><title>T</title>\n<author>me</author><steps><step action=\"click\"/></steps></capture>",
             code: DiagnosticCode.captureUnknownField.id, line: 2, severity: .warning),
        Case(name: "unknown attribute", text: "<capture version=\"1\" id=\"x\" lang=\"en\"><title>T</title><steps><step action=\"click\"/></steps></capture>",
             code: DiagnosticCode.captureUnknownField.id, line: 1, severity: .warning),
        Case(name: "stray text", text: "<capture version=\"1\" id=\"x\">oops<title>T</title><steps><step action=\"click\"/></steps></capture>",
             code: DiagnosticCode.xmlUnexpectedText.id, line: 1, severity: .warning),
        Case(name: "unknown modifier", text: "<capture version=\"1\" id=\"x\"><title>T</title><steps>\n<step action=\"press\" modifiers=\"ctrl hyper\"><key>S</key></step></steps></capture>",
             code: DiagnosticCode.captureUnknownModifier.id, line: 2, severity: .warning),
    ]

    @Test(arguments: xmlCases)
    func xmlProblemsAreDiagnosedWithLine(c: Case) {
        let result = Native.importXML(c.text, file: "bad.xml")
        let match = result.diagnostics.first { $0.code == c.code }
        #expect(match != nil, "expected \(c.code), got \(result.diagnostics)")
        #expect(match?.severity == c.severity)
        #expect(match?.location?.file == "bad.xml")
        #expect(match?.location?.line == c.line, "\(result.diagnostics)")
        if let column = c.column { #expect(match?.location?.column == column) }
        if c.severity == .error {
            #expect(result.captures.isEmpty, "a capture with errors must not be imported")
        } else {
            #expect(!result.hasErrors, "\(result.diagnostics)")
            #expect(result.captures.count == 1)
        }
    }

    @Test func unknownActionsBecomeCustomStepsKeepingTheirName() throws {
        let json = Native.importJSON("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"teleport\", \"value\": \"Mars\"}]}")
        let step = try #require(json.captures.first?.steps.first)
        #expect(step.action == .custom && step.customType == "teleport" && step.value == "Mars")
        let xml = Native.importXML("<capture version=\"1\" id=\"x\"><title>T</title><steps><step action=\"teleport\"><value>Mars</value></step></steps></capture>")
        #expect(xml.captures.first?.steps.first == step)
    }

    @Test func sameRulesInBothFormats() {
        // The same problems give the same codes in JSON and XML.
        let json = Native.importJSON("{\"waymark\": 1, \"id\": \"Bad\", \"title\": \"T\", \"reviewBy\": \"2027-13-01\", \"steps\": [{\"action\": \"click\", \"screenshot\": {\"path\": \"/a.png\"}}]}")
        let xml = Native.importXML("<capture version=\"1\" id=\"Bad\"><title>T</title><reviewBy>2027-13-01</reviewBy><steps><step action=\"click\"><screenshot path=\"/a.png\"/></step></steps></capture>")
        #expect(json.diagnostics.map(\.code).sorted() == xml.diagnostics.map(\.code).sorted())
        #expect(json.diagnostics.count == 3)
    }

    // MARK: Hostile XML

    @Test func xxeIsRefusedAndTheFileIsNeverRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wm-native-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try "NATIVE-XXE-SECRET-4711".write(to: secret, atomically: true, encoding: .utf8)
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE capture [<!ENTITY xxe SYSTEM \"file://\(secret.path)\">]>\n<capture version=\"1\" id=\"x\"><title>&xxe;</title><steps/></capture>"
        let input = CaptureInput(path: "xxe.xml", data: Data(doc.utf8))
        #expect(CaptureReader().detectFormat(of: input) == .waymarkXML)
        let result = CaptureReader().read(input)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == [DiagnosticCode.xmlDoctype.id])
        #expect(result.diagnostics.first?.location?.line == 2)
        #expect(!"\(result.diagnostics)".contains("NATIVE-XXE-SECRET"))
    }

    // MARK: Sniffing

    @Test func formatIsRecognisedByContentNotExtension() throws {
        let reader = CaptureReader()
        func detect(_ text: String, _ name: String = "file.txt") -> CaptureFormat? {
            reader.detectFormat(of: CaptureInput(path: name, data: Data(text.utf8)))
        }
        #expect(detect(Self.minimalJSON) == .waymarkJSON)
        #expect(detect(Self.minimalXML) == .waymarkXML)
        // Canonical JSON sorts "waymark" last, far beyond the first 4 KiB of a long capture.
        var long = Native.everyField("a long text", steps: 200)
        long.id = "long"
        let canonical = NativeCaptureWriter.json(long)
        #expect(canonical.utf8.count > 20_000)
        #expect(detect(canonical) == .waymarkJSON)
        #expect(detect("[" + canonical + "]") == .waymarkJSON)
        // Hand-written: the version key in the middle of a long file, far from both ends.
        var longTitle = long
        longTitle.title = String(repeating: "A very long title. ", count: 600)
        let middle = NativeCaptureWriter.json(longTitle)
            .replacingOccurrences(of: ",\n  \"waymark\": 1\n}", with: "\n}")
            .replacingOccurrences(of: "\n  \"title\": ", with: "\n  \"waymark\": 1,\n  \"title\": ")
        #expect(!NativeFormat.containsVersionKey(String(middle.prefix(4096))))
        #expect(!NativeFormat.containsVersionKey(String(middle.suffix(4096))))
        #expect(Native.importJSON(middle).diagnostics.isEmpty)
        #expect(detect(middle) == .waymarkJSON)
        #expect(detect("<!-- exported -->\n<?xml-stylesheet href=\"a\"?>\n<captures><capture version=\"1\" id=\"a\"/></captures>") == .waymarkXML)
        #expect(detect("\u{FEFF}" + Self.minimalXML) == .waymarkXML)
        // Not native: another tool's JSON that merely mentions "waymark" as a value, other XML roots.
        func native(_ text: String) -> Bool {
            let input = CaptureInput(path: "file.txt", data: Data(text.utf8))
            return NativeJSONImporter().recognizes(input) || NativeXMLImporter().recognizes(input)
        }
        #expect(!native("{\"title\": \"waymark\", \"steps\": [{\"type\": \"navigate\", \"url\": \"\\\"waymark\\\": 1\"}]}"))
        #expect(!native("<capturex version=\"1\"/>"))
        #expect(!native("<html><body>capture</body></html>"))
        // UTF-16 with a byte order mark is recognised, so the user hears what is wrong with it.
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(Self.minimalJSON.data(using: .utf16LittleEndian)!)
        #expect(reader.detectFormat(of: CaptureInput(path: "u16.json", data: utf16)) == .waymarkJSON)
        let result = reader.read(CaptureInput(path: "u16.json", data: utf16))
        #expect(result.diagnostics.map(\.code) == [DiagnosticCode.jsonEncoding.id])
    }

    @Test func utf16XMLIsReadAsXMLRequires() throws {
        var data = Data([0xFF, 0xFE])
        data.append(Self.minimalXML.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16LittleEndian)!)
        let result = CaptureReader().read(CaptureInput(path: "u16.xml", data: data))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.captures.first?.title == "Minimal")
    }

    @Test func emptyAndBinaryInputsSayWhatTheyAre() {
        let reader = CaptureReader()
        let empty = reader.read(CaptureInput(path: "e.json", data: Data("  \n".utf8)))
        #expect(empty.diagnostics.map(\.code) == ["input.empty"])
        var rng = SplitMix64(seed: 42)
        let garbage = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        let binary = reader.read(CaptureInput(path: "g.json", data: garbage))
        #expect(binary.diagnostics.map(\.code) == ["input.binary"])
        // Forced through an importer, the same bytes are a syntax error, not a crash.
        #expect(reader.read(CaptureInput(path: "g.json", data: garbage), format: .waymarkJSON).hasErrors)
        #expect(reader.read(CaptureInput(path: "g.xml", data: garbage), format: .waymarkXML).hasErrors)
        #expect(reader.read(CaptureInput(path: "e.xml", data: Data()), format: .waymarkXML).hasErrors)
    }
}
