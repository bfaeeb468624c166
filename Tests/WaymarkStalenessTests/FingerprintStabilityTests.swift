import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// The same recording read through different exports keeps its fingerprint.
@Suite("Fingerprint stability across exports")
struct FingerprintStabilityTests {
    static func read(_ data: Data, path: String) throws -> Capture {
        let result = CaptureReader().read(CaptureInput(path: path, data: data))
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.captures.first)
    }

    static let names = ["create-support-ticket", "onboard-new-hire", "reset-password", "run-month-end-report", "submit-expense-report"]

    @Test("each sample's JSON and XML twins have one fingerprint", arguments: names)
    func twins(name: String) throws {
        let json = try Self.read(Data(contentsOf: Fixtures.sampleCaptures.appendingPathComponent(name + ".json")), path: name + ".json")
        let xml = try Self.read(Data(contentsOf: Fixtures.sampleCaptures.appendingPathComponent(name + ".xml")), path: name + ".xml")
        #expect(json.id != xml.id, "the twins have their own ids; the id is not fingerprinted")
        #expect(Fingerprint.capture(json) == Fingerprint.capture(xml))
    }

    @Test("export to XML, re-import, re-export to JSON: same fingerprint", arguments: names)
    func roundTrip(name: String) throws {
        let original = try Self.read(Data(contentsOf: Fixtures.sampleCaptures.appendingPathComponent(name + ".json")), path: name + ".json")
        let viaXML = try Self.read(Data(try NativeCaptureWriter.xml(original).utf8), path: "x.xml")
        let viaJSON = try Self.read(Data(NativeCaptureWriter.json(viaXML).utf8), path: "x.json")
        #expect(Fingerprint.capture(viaXML) == Fingerprint.capture(original))
        #expect(Fingerprint.capture(viaJSON) == Fingerprint.capture(original))
    }

    @Test("reformatted JSON (other indentation, key order, added timestamps and ids) keeps the fingerprint")
    func reformatted() throws {
        let url = Fixtures.sampleCaptures.appendingPathComponent("reset-password.json")
        let original = try Self.read(Data(contentsOf: url), path: "reset-password.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["recordedAt"] = "2031-01-01T00:00:00Z"
        if var steps = object["steps"] as? [[String: Any]] {
            for i in steps.indices {
                steps[i]["time"] = "2031-01-01T00:00:\(String(format: "%02d", i))Z"
                steps[i]["id"] = "generated-\(i)"
            }
            object["steps"] = steps
        }
        let reformatted = try JSONSerialization.data(withJSONObject: object, options: [])
        let again = try Self.read(reformatted, path: "reset-password.json")
        #expect(Fingerprint.capture(again) == Fingerprint.capture(original))
    }
}
