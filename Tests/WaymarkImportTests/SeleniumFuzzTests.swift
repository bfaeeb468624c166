import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

@Suite("Selenium IDE importer: damaged and hostile input")
struct SeleniumFuzzTests {
    /// A version 3.0 project using every field of the format (project, test, command, suite).
    static let sample = #"""
    {
      "id": "p1", "version": "3.0", "name": "Shop", "url": "https://shop.example.com",
      "tests": [{
        "id": "t1", "name": "Checkout",
        "commands": [
          { "id": "c1", "comment": "Start", "command": "open", "target": "/cart", "targets": [], "value": "" },
          { "id": "c2", "comment": "", "command": "click", "target": "linkText=Pay", "targets": [["linkText=Pay", "linkText"], ["css=#pay", "css:finder"]],
            "value": "", "opensWindow": true, "windowHandleName": "win1", "windowTimeout": 2000, "insertBeforeLastCommand": false,
            "frameLocation": "root", "isBreakpoint": false }
        ]
      }],
      "suites": [{ "id": "s1", "name": "Main", "persistSession": false, "parallel": false, "timeout": 300, "tests": ["t1"] }],
      "urls": ["https://shop.example.com/"], "plugins": [], "snapshot": { "tests": [], "dependencies": {} }
    }
    """#

    func run(_ text: String) -> ImportResult {
        CaptureReader().read(ForeignImportSupport.input(text, path: "fuzz.side"), format: .seleniumIDE)
    }

    @Test("The sample itself imports cleanly")
    func sampleIsClean() {
        let result = run(Self.sample)
        #expect(result.diagnostics.isEmpty)
        #expect(result.captures.first?.steps.count == 2)
    }

    @Test("Every truncation of a project is an error")
    func truncations() {
        let bytes = Array(Self.sample.utf8)
        let end = bytes.lastIndex(of: UInt8(ascii: "}"))!
        for length in 0...end {
            let result = run(String(decoding: bytes[..<length], as: UTF8.self))
            let rejected = result.hasErrors && result.captures.isEmpty
            #expect(rejected, "prefix \(length) was accepted")
        }
    }

    @Test("Every field given every wrong type is an error")
    func wrongTypes() throws {
        // `snapshot` holds Selenium IDE's code-export state: its inside is free-form.
        let mutations = try JSONFuzz.wrongTypeMutations(of: Self.sample, skipping: ["dependencies", "jest"])
            .filter { !$0.path.hasPrefix("$.snapshot.") }
        #expect(mutations.count > 150)
        for (path, text) in mutations {
            let rejected = run(text).hasErrors
            #expect(rejected, "\(path) was accepted")
        }
    }

    @Test("Deeply nested JSON is a depth error")
    func deepNesting() {
        #expect(run(JSONFuzz.deeplyNested(100_000, key: "tests")).diagnostics.map(\.code) == ["json.depth"])
    }
}
