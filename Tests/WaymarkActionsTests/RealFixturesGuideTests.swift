import Foundation
import Testing
import WaymarkActions
import WaymarkModel
import WaymarkTestSupport

/// The real Selenese HTML test cases and UI.Vision macros kept with the tests (Tests/WaymarkImportTests/Fixtures,
/// origins in SOURCES.md there) build, as a folder, into guides checked against golden files like the samples'.
///
/// A folder build reads test cases, not suites (a suite is read when it is named), so every test case is built once.
@Suite struct RealFixturesGuideTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/WaymarkImportTests/Fixtures")

    static let ids = [
        "01-sea-surface-temperature-plot", "chatclicksendexistingtab", "clickimage", "cmdlinetest", "dms-clear", "edit-profile",
        "imagesinglerow", "katalon-recorder-form-samples-fill-in-the-staff-form",
        "katalon-recorder-form-samples-variables-and-conditions", "katalon-recorder-form-samples-windows-by-title",
        "kontakte-leeren", "log-in-as-test-user", "log-out-from-bo", "maps", "mh-delete", "search-for-an-author",
        "show-details", "team-duty-query", "the-test-case", "uu-all-page",
    ]

    @Test func everyFixtureBuildsAGoldenGuide() throws {
        // Built relative to the package root, so `source:` in the goldens does not depend on where the checkout lives.
        let (report, out) = BuildTestSupport.build(["Tests/WaymarkImportTests/Fixtures"])
        #expect(!report.hasErrors, "\(report.allDiagnostics)")
        #expect(report.captures.map(\.id).sorted() == Self.ids)
        for id in Self.ids {
            for kind in ["guide.md", "job-aid.md"] {
                let url = out.appendingPathComponent(id).appendingPathComponent(kind)
                let text = try #require(try? String(contentsOf: url, encoding: .utf8), "\(id)/\(kind) missing")
                // A guide is made of sentences: no step may fall back to "Complete the … step" of an unknown command,
                // except the two commands UI.Vision does not have (click-image-loop.json's desktopFindImage/desktopClick).
                if kind == "guide.md", id != "clickimage" {
                    #expect(!text.contains("Complete the **"), "\(id): an unknown command's step")
                }
                Snapshot.assert(text, named: kind, group: "real-fixtures/\(id)")
            }
        }
    }

    @Test func aNamedSuiteBuildsTheTestCasesItLinks() throws {
        let (report, out) = BuildTestSupport.build(["Tests/WaymarkImportTests/Fixtures/selenese-html/seleniumhq-selenium-ide/IDE_test_10/Suite login_multiple cases.htm"])
        #expect(!report.hasErrors, "\(report.allDiagnostics)")
        #expect(report.captures.map(\.id) == ["log-in-as-test-user", "log-out-from-bo"])
        let guide = try String(contentsOf: out.appendingPathComponent("log-out-from-bo/guide.md"), encoding: .utf8)
        #expect(guide.contains("Go to <https://stage.local.com/user/logout>."))
    }
}
