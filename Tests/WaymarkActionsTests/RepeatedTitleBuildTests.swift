import Foundation
import Testing
@testable import WaymarkActions
import WaymarkModel
import WaymarkStaleness
import WaymarkTestSupport

/// Recordings from other tools that share a title all build, with ids that never collide, that are the same on every
/// run, and that stay put when a colleague adds another recording with the same title. Native captures that declare
/// one id are still an error: their writers chose the ids.
@Suite struct RepeatedTitleBuildTests {
    static func recording(title: String, button: String) -> Data {
        Data("""
        {"title": "\(title)", "steps": [
          {"type": "navigate", "url": "https://coffee-cart.app/"},
          {"type": "click", "selectors": [["aria/\(button)"]], "offsetX": 1, "offsetY": 1}
        ]}
        """.utf8)
    }

    static func build(_ root: URL) -> BuildReport {
        // A directory URL, so "recordings" resolves inside the folder.
        let base = URL(fileURLWithPath: root.path, isDirectory: true)
        return LockedBuild(options: BuildOptions(inputs: ["recordings"], outputDirectory: root.appendingPathComponent("out"),
                                                 jobs: 2, baseDirectory: base),
                    today: CalendarDate("2026-11-01")!).run()
    }

    static func ids(_ report: BuildReport) -> Set<String> {
        Set(report.captures.map(\.id) + report.reused.map(\.id))
    }

    @Test func twoRecordingsWithOneTitleBothBuildAndAnAddedOneMovesNeither() throws {
        let root = Fixtures.temporaryDirectory("repeated-title")
        let folder = root.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.recording(title: "coffee checkout", button: "Espresso").write(to: folder.appendingPathComponent("b.json"))
        try Self.recording(title: "coffee checkout", button: "Mocha").write(to: folder.appendingPathComponent("c.json"))

        let first = Self.build(root)
        #expect(!first.hasErrors, "\(first.allDiagnostics)")
        #expect(Self.ids(first) == ["coffee-checkout", "coffee-checkout-c"])
        let note = try #require(first.allDiagnostics.first { $0.code == "capture.repeated-title" })
        #expect(note.severity == .note)
        #expect(note.location?.file == "recordings/c.json")

        // The same inputs give the same ids.
        let again = Self.build(root)
        #expect(Self.ids(again) == ["coffee-checkout", "coffee-checkout-c"])

        // A colleague adds a recording with the same title whose name sorts first: the existing guides keep
        // their addresses, the new one gets its file name.
        try Self.recording(title: "coffee checkout", button: "Latte").write(to: folder.appendingPathComponent("a.json"))
        let added = Self.build(root)
        #expect(!added.hasErrors, "\(added.allDiagnostics)")
        #expect(Self.ids(added) == ["coffee-checkout", "coffee-checkout-c", "coffee-checkout-a"])
        let lock = try #require(try LockFile.read(outputFolder: root.appendingPathComponent("out")))
        #expect(lock.captures["coffee-checkout"]?.source == "../recordings/b.json")
        #expect(lock.captures["coffee-checkout-a"]?.source == "../recordings/a.json")

        // `check` agrees with the build: nothing is stale or duplicated.
        let (report, diagnostics) = try CheckRun(inputs: ["recordings"], outputDirectory: root.appendingPathComponent("out"),
                                                 today: CalendarDate("2026-11-01")!, baseDirectory: root).run()
        #expect(!diagnostics.contains { $0.code == "capture.duplicate-id" }, "\(diagnostics)")
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func nativeCapturesDeclaringOneIdAreStillAnError() throws {
        let root = Fixtures.temporaryDirectory("declared-id")
        let folder = root.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["one.json", "two.json"] {
            try Data(#"{"waymark": 1, "id": "pay-invoice", "title": "Pay an invoice", "steps": [{"action": "navigate", "url": "https://a.example/"}]}"#.utf8)
                .write(to: folder.appendingPathComponent(name))
        }
        let report = Self.build(root)
        #expect(report.allDiagnostics.contains { $0.code == "capture.duplicate-id" && $0.severity == .error })
        #expect(!report.allDiagnostics.contains { $0.code == "capture.repeated-title" })
    }

    @Test func theFileNameIsAddedOnceAndNumbersFollow() {
        var taken: Set<String> = ["coffee-checkout"]
        #expect(Slug.disambiguated("coffee-checkout", filePath: "flows/second try.json") { taken.contains($0) } == "coffee-checkout-second-try")
        taken.insert("coffee-checkout-second-try")
        #expect(Slug.disambiguated("coffee-checkout", filePath: "other/second try.json") { taken.contains($0) } == "coffee-checkout-second-try-2")
        #expect(Slug.disambiguated("coffee-checkout", filePath: "coffee-checkout.json") { taken.contains($0) } == "coffee-checkout-2")
    }
}
