import Foundation
import Testing
import WaymarkActions
import WaymarkCLI
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// `validate`, `inspect`, `import` and `schema`, run as the real binary.
@Suite struct NativeCommandsTests {
    static let sample = "SampleCaptures/submit-expense-report.json"

    @Test func validateAcceptsEverySample() throws {
        let result = try CLIRunner.run(["validate", "SampleCaptures"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 10)
        #expect(lines.allSatisfy { $0.contains(": ok, 1 capture, ") })
        #expect(result.stdout.contains("SampleCaptures/run-month-end-report.xml: ok, 1 capture, 22 steps"))
    }

    @Test func validateReportsEveryFileAndFailsOnAnyError() throws {
        let dir = Fixtures.temporaryDirectory("validate")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"waymark\": 1, \"id\": \"Bad Id\", \"steps\": [{\"action\": \"teleport\"}]}".utf8)
            .write(to: dir.appendingPathComponent("bad.json"))
        try FileManager.default.copyItem(
            at: Fixtures.sampleCaptures.appendingPathComponent("reset-password.xml"),
            to: dir.appendingPathComponent("good.xml"))
        let result = try CLIRunner.run(["validate", "bad.json", "good.xml", "missing.json"], in: dir)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("bad.json:1:22: error[capture.id]"))
        #expect(result.stderr.contains("bad.json:1:1: error[capture.missing-field]: Capture: the required field 'title' is missing."))
        #expect(result.stderr.contains("bad.json:1:53: warning[capture.unknown-action]"))
        #expect(result.stderr.contains("missing.json: error[input.not-found]"))
        #expect(result.stdout.contains("bad.json: 2 errors, 1 warning"))
        // The screenshots of the copied capture are not beside it: a warning, not an error.
        #expect(result.stdout.contains("good.xml: ok, 1 capture, 13 steps, "))
        #expect(result.stderr.contains("warning[capture.screenshot-missing]"))
    }

    @Test func inspectPrintsTheStepTableAndMatchesGolden() throws {
        let result = try CLIRunner.run(["inspect", Self.sample])
        #expect(result.status == 0, "\(result)")
        Snapshot.assert(result.stdout, named: "submit-expense-report.txt", group: "inspect")
    }

    @Test func inspectNeverShowsSensitiveValues() throws {
        var checked = 0
        for url in Fixtures.files(under: Fixtures.sampleCaptures, extensions: ["json", "xml"]) {
            let captures = CaptureReader().read(try CaptureInput.load(url)).captures
            let secrets = captures.flatMap(\.steps).filter(\.sensitive).compactMap(\.value)
            if secrets.isEmpty { continue }
            checked += 1
            let result = try CLIRunner.run(["inspect", url.path])
            #expect(result.status == 0)
            #expect(result.stdout.contains(CaptureTable.mask))
            for secret in secrets { #expect(!result.allOutput.contains(secret), "\(url.lastPathComponent) leaks a secret") }
        }
        #expect(checked >= 10, "every native sample has a secret")
    }

    @Test func importWritesCanonicalJSONAndXMLMatchingGolden() throws {
        let toXML = try CLIRunner.run(["import", Self.sample, "--to", "xml"])
        #expect(toXML.status == 0, "\(toXML)")
        Snapshot.assert(toXML.stdout, named: "submit-expense-report.xml", group: "import")
        let toJSON = try CLIRunner.run(["import", "SampleCaptures/submit-expense-report.xml", "--format", "waymark-xml"])
        #expect(toJSON.status == 0, "\(toJSON)")
        Snapshot.assert(toJSON.stdout, named: "submit-expense-report-xml.json", group: "import")
        // The XML twin differs from the JSON sample only in its id.
        let sample = String(decoding: try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.sample)), as: UTF8.self)
        #expect(toJSON.stdout.replacingOccurrences(of: "\"submit-expense-report-xml\"", with: "\"submit-expense-report\"") == sample)
    }

    @Test func jsonToXMLToJSONIsByteIdenticalForEverySample() throws {
        let dir = Fixtures.temporaryDirectory("roundtrip")
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["create-support-ticket", "onboard-new-hire", "reset-password", "run-month-end-report", "submit-expense-report"] {
            let url = Fixtures.sampleCaptures.appendingPathComponent("\(name).json")
            let xml = try CLIRunner.run(["import", url.path, "--to", "xml"])
            #expect(xml.status == 0)
            let xmlFile = dir.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".xml")
            try Data(xml.stdout.utf8).write(to: xmlFile)
            let json = try CLIRunner.run(["import", xmlFile.path, "--to", "json"])
            #expect(json.status == 0)
            #expect(json.stdout == String(decoding: try Data(contentsOf: url), as: UTF8.self), "\(url.lastPathComponent)")
        }
    }

    @Test func importOfSeveralCapturesPrintsAListOrWritesOneFileEach() throws {
        let dir = Fixtures.temporaryDirectory("import-many")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try CLIRunner.run(["import", "SampleCaptures/reset-password.json"]).stdout
        let b = try CLIRunner.run(["import", "SampleCaptures/onboard-new-hire.json"]).stdout
        try Data("[\(a),\(b)]".utf8).write(to: dir.appendingPathComponent("two.json"))

        let xml = try CLIRunner.run(["import", "two.json", "--to", "xml"], in: dir)
        #expect(xml.status == 0, "\(xml)")
        #expect(xml.stdout.contains("<captures>\n  <capture version=\"1\" id=\"reset-password\">"))
        #expect(xml.stdout.contains("\n  <capture version=\"1\" id=\"onboard-new-hire\">"))

        let out = try CLIRunner.run(["import", "two.json", "--to", "xml", "--out", "split"], in: dir)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("split").path).sorted()
        #expect(files == ["onboard-new-hire.xml", "reset-password.xml"])
        let written = try Data(contentsOf: dir.appendingPathComponent("split/reset-password.xml"))
        let expected = try Data(contentsOf: Fixtures.sampleCaptures.appendingPathComponent("reset-password.xml"))
        #expect(String(decoding: written, as: UTF8.self)
            == String(decoding: expected, as: UTF8.self).replacingOccurrences(of: "id=\"reset-password-xml\"", with: "id=\"reset-password\""))
    }

    @Test func importRefusesXMLItCannotWriteFaithfully() throws {
        let dir = Fixtures.temporaryDirectory("import-control")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("{\"waymark\": 1, \"id\": \"bell\", \"title\": \"Ring\\u0007\", \"steps\": [{\"action\": \"click\"}]}".utf8)
            .write(to: dir.appendingPathComponent("bell.json"))
        let xml = try CLIRunner.run(["import", "bell.json", "--to", "xml"], in: dir)
        #expect(xml.status == 2)
        #expect(xml.stdout.isEmpty)
        #expect(xml.stderr.contains("bell.json: error[xml.unrepresentable]: Capture 'bell': 'title' contains the character U+0007"))
        let json = try CLIRunner.run(["import", "bell.json"], in: dir)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"title\": \"Ring\\u0007\""))
    }

    @Test func schemaCommandPrintsTheShippedSchemas() throws {
        let json = try CLIRunner.run(["schema", "json"])
        let xsd = try CLIRunner.run(["schema", "xsd"])
        #expect(json.status == 0 && xsd.status == 0)
        let schemas = Fixtures.packageRoot.appendingPathComponent("Schemas")
        #expect(json.stdout == String(decoding: try Data(contentsOf: schemas.appendingPathComponent("capture.schema.json")), as: UTF8.self))
        #expect(xsd.stdout == String(decoding: try Data(contentsOf: schemas.appendingPathComponent("capture.xsd")), as: UTF8.self))
    }

    @Test func embeddedSchemasMatchTheSchemaFiles() throws {
        // Sources/WaymarkImport/CaptureSchemas.swift is generated by scripts/embed-resources.py; rerun it after edits.
        let schemas = Fixtures.packageRoot.appendingPathComponent("Schemas")
        #expect(CaptureSchemas.jsonSchema == String(decoding: try Data(contentsOf: schemas.appendingPathComponent("capture.schema.json")), as: UTF8.self))
        #expect(CaptureSchemas.xsd == String(decoding: try Data(contentsOf: schemas.appendingPathComponent("capture.xsd")), as: UTF8.self))
    }

    @Test func forcingAFormatTheFileIsNotInFailsWithStatusTwo() throws {
        let result = try CLIRunner.run(["import", "SampleCaptures/reset-password.xml", "--format", "waymark-json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("SampleCaptures/reset-password.xml:1:1: error[json.syntax]"))
        #expect(result.stdout.isEmpty)
        let unknown = try CLIRunner.run(["import", Self.sample, "--format", "word"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("waymark-json"))
    }

    @Test func inspectNeutralisesTerminalEscapesFromCaptures() throws {
        let dir = Fixtures.temporaryDirectory("inspect-escapes")
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = "{\"waymark\": 1, \"id\": \"esc\", \"title\": \"\\u001b[2J\\u001b]0;pwned\\u0007Clean title\", "
            + "\"steps\": [{\"action\": \"type\", \"target\": {\"label\": \"Name\\u001b[31m\"}, \"value\": \"a\\nb\"}]}"
        try Data(json.utf8).write(to: dir.appendingPathComponent("esc.json"))
        let result = try CLIRunner.run(["inspect", "esc.json"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
        #expect(result.stdout.hasPrefix("Clean title\n"))
        #expect(result.stdout.contains("  1  type    Name    a b"))
    }
}
