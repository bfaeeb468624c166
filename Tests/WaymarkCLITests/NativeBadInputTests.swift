import Foundation
import Testing
import WaymarkTestSupport

/// Every kind of bad input gives exit status 2 and a message naming the file (and line, where there is one).
@Suite struct NativeBadInputTests {
    struct BadFile: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        /// Text that must appear in standard error.
        var expected: [String]
        var description: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "malformed.json", bytes: Array("{\n  \"waymark\": 1,\n  \"id\": \"x\",\n  \"title\": \"T\",\n  \"steps\": [\n    {\"action\": \"click\",}\n  ]\n}\n".utf8),
                expected: ["malformed.json:6:24: error[json.syntax]: Malformed JSON"]),
        BadFile(name: "malformed.xml", bytes: Array("<?xml version=\"1.0\"?>\n<capture version=\"1\" id=\"x\">\n  <title>T</title>\n  <steps><step action=\"click\"></stp></steps>\n</capture>\n".utf8),
                expected: ["malformed.xml:4:", "error[xml.syntax]: Malformed XML"]),
        BadFile(name: "version-2.json", bytes: Array("{\"waymark\": 2, \"id\": \"x\", \"title\": \"T\", \"steps\": []}".utf8),
                expected: ["version-2.json:1:13: error[capture.version-unsupported]", "newer than this Waymark understands"]),
        BadFile(name: "version-2.xml", bytes: Array("<capture version=\"2\" id=\"x\"><title>T</title><steps/></capture>".utf8),
                expected: ["version-2.xml:1: error[capture.version-unsupported]"]),
        BadFile(name: "no-title.json", bytes: Array("{\n  \"waymark\": 1,\n  \"id\": \"x\",\n  \"steps\": []\n}".utf8),
                expected: ["no-title.json:1:1: error[capture.missing-field]: Capture: the required field 'title' is missing."]),
        BadFile(name: "no-action.xml", bytes: Array("<capture version=\"1\" id=\"x\">\n<title>T</title>\n<steps>\n<step><value>v</value></step>\n</steps>\n</capture>".utf8),
                expected: ["no-action.xml:4: error[capture.missing-field]: Step 1: the required attribute action is missing."]),
        BadFile(name: "billion-laughs.xml", bytes: Array(billionLaughs.utf8),
                expected: ["billion-laughs.xml:2: error[xml.doctype]"]),
        BadFile(name: "external-dtd.xml", bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE capture SYSTEM \"http://127.0.0.1:9/capture.dtd\">\n<capture version=\"1\" id=\"x\"><title>T</title><steps/></capture>".utf8),
                expected: ["external-dtd.xml:2: error[xml.doctype]"]),
        BadFile(name: "external-file-dtd.xml", bytes: Array("<?xml version=\"1.0\"?>\n<!DOCTYPE capture SYSTEM \"file:///etc/passwd\">\n<capture version=\"1\" id=\"x\"><title>T</title><steps/></capture>".utf8),
                expected: ["external-file-dtd.xml:2: error[xml.doctype]"]),
        BadFile(name: "empty.json", bytes: [], expected: ["empty.json: error[input.empty]: The file is empty."]),
        BadFile(name: "garbage.xml", bytes: garbage, expected: ["garbage.xml: error[input.binary]: The file holds binary data, not a capture."]),
        BadFile(name: "utf16.json", bytes: [0xFF, 0xFE] + Array("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": []}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                expected: ["utf16.json:1:1: error[json.encoding]: The file is encoded as UTF-16 or UTF-32, not UTF-8."]),
        BadFile(name: "deep.json", bytes: Array(("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": " + String(repeating: "[", count: 50_000)).utf8),
                expected: ["deep.json:1:", "error[json.depth]"]),
    ]

    static let billionLaughs: String = {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE capture [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            text += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        return text + "]>\n<capture version=\"1\" id=\"x\"><title>&lol9;</title><steps/></capture>\n"
    }()

    static let garbage: [UInt8] = {
        var rng = SystemRandomNumberGenerator()
        var bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes[10] = 0
        return bytes
    }()

    @Test(arguments: badFiles)
    func badInputExitsTwoWithAMessage(file: BadFile) throws {
        let dir = Fixtures.temporaryDirectory("bad-input")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(file.bytes).write(to: dir.appendingPathComponent(file.name))
        for command in ["validate", "inspect", "import"] {
            let result = try CLIRunner.run([command, file.name], in: dir)
            #expect(result.status == 2, "\(command): \(result)")
            for text in file.expected {
                #expect(result.stderr.contains(text), "\(command): \(result)")
            }
            #expect(result.stderr.contains("hint: "))
            if command != "validate" { #expect(result.stdout.isEmpty) }
        }
    }

    /// `check` of nothing but a bad file: the diagnostics are the answer, not a report of "0 materials checked".
    @Test(arguments: badFiles)
    func checkOfBadInputPrintsOnlyTheDiagnostics(file: BadFile) throws {
        let dir = Fixtures.temporaryDirectory("bad-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(file.bytes).write(to: dir.appendingPathComponent(file.name))
        let result = try CLIRunner.run(["check", file.name, "--out", "out"], in: dir)
        #expect(result.status == 2, "\(result)")
        for text in file.expected {
            #expect(result.stderr.contains(text), "\(result)")
        }
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(!result.allOutput.contains("materials checked"), "\(result)")
    }

    @Test func xxeFileContentsAppearNowhere() throws {
        let dir = Fixtures.temporaryDirectory("xxe")
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try "XXE-CANARY-91c2f0".write(to: secret, atomically: true, encoding: .utf8)
        let doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE capture [ <!ENTITY xxe SYSTEM "file://\(secret.path)"> ]>
            <capture version="1" id="xxe">
              <title>&xxe;</title>
              <steps><step action="note"><note>&xxe;</note></step></steps>
            </capture>
            """
        try Data(doc.utf8).write(to: dir.appendingPathComponent("xxe.xml"))
        for arguments in [["validate", "xxe.xml"], ["inspect", "xxe.xml"], ["import", "xxe.xml"],
                          ["import", "xxe.xml", "--to", "xml", "--out", "out"]] {
            let result = try CLIRunner.run(arguments, in: dir)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("xxe.xml:2: error[xml.doctype]: The document declares a DOCTYPE"))
            #expect(!result.allOutput.contains("XXE-CANARY"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func unknownActionIsAWarningNotAFailure() throws {
        let dir = Fixtures.temporaryDirectory("unknown-action")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [\n  {\"action\": \"teleport\", \"value\": \"Mars\"}\n]}".utf8)
            .write(to: dir.appendingPathComponent("teleport.json"))
        let validate = try CLIRunner.run(["validate", "teleport.json"], in: dir)
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stderr.contains("teleport.json:2:14: warning[capture.unknown-action]: Step 1: unknown action 'teleport'; the step is kept as a custom step."))
        let inspect = try CLIRunner.run(["inspect", "teleport.json"], in: dir)
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("  1  custom  ") && inspect.stdout.contains("Mars"))
        let imported = try CLIRunner.run(["import", "teleport.json", "--to", "xml"], in: dir)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("<step action=\"custom\">\n      <value>Mars</value>\n      <customType>teleport</customType>"))
    }

    /// A 50 MB capture imports within seconds and bounded memory (a few times the file size, not unbounded).
    @Test func fiftyMegabyteCaptureWorks() throws {
        let dir = Fixtures.temporaryDirectory("big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.json")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("{\"waymark\": 1, \"id\": \"big\", \"title\": \"A very long recording\", \"steps\": [\n".utf8))
        let filler = String(repeating: "Lorem ipsum dolor sit amet ", count: 8)
        var chunk = ""
        var steps = 0
        var size = 0
        while size < 50 * 1024 * 1024 {
            chunk += (steps == 0 ? "" : ",\n")
                + "{\"action\": \"type\", \"target\": {\"label\": \"Field \(steps)\", \"role\": \"text field\", \"selectors\": [\"#f\(steps)\"]}, \"value\": \"\(filler)\(steps)\", \"note\": \"\(filler)\"}"
            steps += 1
            if chunk.utf8.count > 1 << 20 {
                size += chunk.utf8.count
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data((chunk + "\n]}\n").utf8))
        try handle.close()
        let bytes = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        #expect(bytes >= 50 * 1024 * 1024)

        let started = Date()
        let result = try CLIRunner.run(["validate", "big.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(result.stdout == "big.json: ok, 1 capture, \(steps) steps\n")
        #expect(Date().timeIntervalSince(started) < 60)
        if let peak = result.maxResidentKB {
            #expect(peak < 1_500_000, "peak memory \(peak) KB for a 50 MB capture")
        }
    }
}
