import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Hostile Selenese HTML and UI.Vision input: clear diagnostics, bounded time and memory, and nothing read outside
/// the input's folder.
@Suite struct SeleneseHostileInputTests {
    static func elapsed(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test(arguments: ["../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "..%2F..%2Fetc%2Fpasswd",
                      "cases/../../outside.html", "C:\\Windows\\win.ini", "\\\\server\\share\\t.html"])
    func suiteLinksOutsideItsFolderAreRefusedWithoutReading(link: String) throws {
        let root = Fixtures.temporaryDirectory("selenese-escape")
        let folder = root.appendingPathComponent("suite")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cases"), withIntermediateDirectories: true)
        // A real test case just outside the suite's folder: reading it would be a leak, and would succeed.
        try Data(SeleneseHTMLImporterTests.testCase(title: "Outside", rows: SeleneseHTMLImporterTests.row("open", "/")).utf8)
            .write(to: root.appendingPathComponent("outside.html"))
        let suiteURL = folder.appendingPathComponent("suite.html")
        try Data(SeleneseHTMLImporterTests.suite([link]).utf8).write(to: suiteURL)
        let result = CaptureReader().read(try CaptureInput.load(suiteURL, displayPath: "suite/suite.html"))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["selenese.suite-link-outside"], "\(result.diagnostics)")
        #expect(result.hasErrors)
    }

    @Test func aSymbolicLinkLeadingOutOfTheSuiteFolderIsRefused() throws {
        let root = Fixtures.temporaryDirectory("selenese-symlink")
        let folder = root.appendingPathComponent("suite")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(SeleneseHTMLImporterTests.testCase(title: "Outside", rows: SeleneseHTMLImporterTests.row("open", "/")).utf8)
            .write(to: root.appendingPathComponent("outside.html"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("inside.html").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.html").path)
        let suiteURL = folder.appendingPathComponent("suite.html")
        try Data(SeleneseHTMLImporterTests.suite(["inside.html"]).utf8).write(to: suiteURL)
        let result = CaptureReader().read(try CaptureInput.load(suiteURL, displayPath: "suite.html"))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["selenese.suite-link-outside"])
    }

    @Test func aFiftyMegabyteTableIsRefusedQuickly() {
        let row = SeleneseHTMLImporterTests.row("click", "id=button", "") + "\n"
        var html = SeleneseHTMLImporterTests.testCase(title: "Huge", rows: "")
        let rows = String(repeating: row, count: 50 * 1024 * 1024 / row.utf8.count)
        html = html.replacingOccurrences(of: "</tbody>", with: rows + "</tbody>")
        var result = ImportResult()
        let seconds = Self.elapsed { result = SeleneseHTMLImporterTests.read(html) }
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["html.too-large"])
        // A guard against reading the table before refusing it (minutes), not a speed target: the machine is shared.
        #expect(seconds < 60)
    }

    @Test func deeplyNestedMarkupIsRefusedNotRecursedInto() {
        let depth = 200_000
        let html = "<html><body><table><tr><td>open</td><td>/</td></tr></table>"
            + String(repeating: "<div>", count: depth) + String(repeating: "</div>", count: depth) + "</body></html>"
        var result = ImportResult()
        let seconds = Self.elapsed { result = SeleneseHTMLImporterTests.read(html, path: "deep.html") }
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["html.too-deep"])
        #expect(seconds < 60, "recursion or a quadratic walk, not a slow machine, takes this long")
    }

    @Test func anEntityBombIsTextNotAnExpansion() throws {
        var declarations = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        let html = "<!DOCTYPE html [\n\(declarations)]>\n<html><head><link rel=\"selenium.base\" href=\"http://x/\"></head><body>"
            + "<table><thead><tr><td colspan=\"3\">Bomb</td></tr></thead><tbody>"
            + "<tr><td>type</td><td>id=q</td><td>&lol9;</td></tr></tbody></table></body></html>"
        var result = ImportResult()
        let seconds = Self.elapsed { result = SeleneseHTMLImporterTests.read(html, path: "bomb.html") }
        #expect(seconds < 60, "an expansion of 10^9 characters, not a slow machine, takes this long")
        let capture = try #require(result.captures.first)
        let value = try #require(capture.steps.first?.value)
        #expect(value.count < 100, "the entity was expanded: \(value.count) characters")
        #expect(!value.contains("lollol"))
    }

    @Test func nulBytesAreReportedWithTheirLine() {
        var data = Data(SeleneseHTMLImporterTests.testCase(title: "Nul", rows: SeleneseHTMLImporterTests.row("open", "/")).utf8)
        data.insert(0, at: data.count - 20)
        let result = CaptureReader().read(CaptureInput(path: "nul.html", data: data))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["html.nul-byte"])
        #expect(result.diagnostics.first?.location?.line == 19)
    }

    @Test func aMacroWithAHundredThousandCommandsImportsInBoundedTime() throws {
        let command = #"{"Command": "click", "Target": "id=next", "Value": "", "Targets": ["id=next", "css=#next"]}"#
        let json = #"{"Name": "Long", "CreationDate": "2024-01-01", "Commands": ["#
            + Array(repeating: command, count: 100_000).joined(separator: ",\n") + "]}"
        var result = ImportResult()
        let seconds = Self.elapsed { result = CaptureReader().read(CaptureInput(path: "long.json", data: Data(json.utf8))) }
        #expect(!result.hasErrors)
        #expect(result.captures.first?.steps.count == 100_000)
        // Linear: about 0.6 ms a command in a debug build on the loaded shared machine (a tenth of that in release);
        // the bound catches a quadratic slip (which would take hours), not a slow machine.
        #expect(seconds < 240)
    }

    @Test func aMacroWithNulBytesOrWrongTypesIsReportedClearly() {
        let nul = Data(#"{"Name": "x", "Commands": [{"Command": "open", "Target": "a\#u{0}b"}]}"#.utf8)
        let result = CaptureReader().read(CaptureInput(path: "nul.json", data: nul))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.first?.code == "input.binary" || result.diagnostics.first?.code == "json.syntax")

        let wrong = #"{"Name": 3, "Commands": [{"Command": ["open"], "Target": 1}, "click"]}"#
        let typed = CaptureReader().read(CaptureInput(path: "wrong.json", data: Data(wrong.utf8)))
        #expect(typed.diagnostics.filter { $0.code == "uivision.field-type" }.count == 4)
    }
}
