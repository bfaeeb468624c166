import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Selenese HTML test cases and suites and UI.Vision macros found in public repositories (Fixtures/*/SOURCES.md says
/// where each comes from, and which are copies and which hand-written models of files that may not be copied).
///
/// Expected step counts, counted by reading each file: every command is one step, except the commands that are
/// skipped (`setSpeed`, empty rows, `store` into UI.Vision's `!settings`, `onError`, `onDownload`,
/// `bringBrowserToForeground`) and `sendKeys`/`XType` values that hold both text and keys (one step each). A suite
/// imports as the test cases it links, in its order, each once.
@Suite("Real Selenese HTML and UI.Vision files from public repositories")
struct RealSeleneseAndUIVisionTests {
    typealias Expected = ExpectedImport

    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/WaymarkImportTests/Fixtures")

    static let table: [Expected] = [
        // commands.html: 15 commands, all steps (storeAll… are notes, captureEntirePageScreenshot a note).
        Expected(file: "selenese-html/lukas-stuehrk-selenese/commands.html", format: .seleneseHTML,
                 captures: [("the-test-case", 15)], labels: ["Gbqfq"]),
        // deleteCookie is a note; waitForPopUp a wait; 12 commands.
        Expected(file: "selenese-html/modelled/data-server-plot-popup.html", format: .seleneseHTML,
                 captures: [("01-sea-surface-temperature-plot", 12)], labels: ["COADS climatology", "Variables", "Next >", "Plot Image"]),
        // Three tables: 16, 15 and 8 commands.
        Expected(file: "selenese-html/modelled/katalon-recorder-form-samples.html", format: .seleneseHTML,
                 captures: [("katalon-recorder-form-samples-fill-in-the-staff-form", 16),
                            ("katalon-recorder-form-samples-variables-and-conditions", 15),
                            ("katalon-recorder-form-samples-windows-by-title", 8)],
                 labels: ["First name", "First name", "Last name", "Gender", "Password", "Role", "Expectation", "Comment", "Submit"]),
        Expected(file: "selenese-html/modelled/library-catalogue-search.html", format: .seleneseHTML,
                 captures: [("search-for-an-author", 9)], labels: ["Catalogue - loan of books, music, and films", "Next >"]),
        Expected(file: "selenese-html/modelled/portfolio-edit-profile.html", format: .seleneseHTML,
                 captures: [("edit-profile", 12)], labels: ["Profile", "Add email address", "Home"]),
        // 10 commands; sendKeys of ${KEY_ENTER} is one press.
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_10/Log in as test user.htm", format: .seleneseHTML,
                 captures: [("log-in-as-test-user", 10)], labels: ["Se connecter"]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_10/Log out from BO.htm", format: .seleneseHTML,
                 captures: [("log-out-from-bo", 2)]),
        // Links one test case three times: it is imported once.
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_10/Suite login_multiple cases.htm", format: .seleneseHTML,
                 captures: [("log-in-as-test-user", 10), ("log-out-from-bo", 2)],
                 sources: ["selenese-html/seleniumhq-selenium-ide/IDE_test_10/Log in as test user.htm", "selenese-html/seleniumhq-selenium-ide/IDE_test_10/Log out from BO.htm"]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_2.html", format: .seleneseHTML,
                 captures: [("uu-all-page", 26)], labels: ["Most popular", "Most followers", "Search"]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_3.html", format: .seleneseHTML,
                 captures: [("show-details", 6)]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_4/000_clear_mandant_Suite.html", format: .seleneseHTML,
                 captures: [("mh-delete", 10), ("kontakte-leeren", 129), ("dms-clear", 18)],
                 sources: ["selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/MH_delete.html", "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/kontakte_leeren.html",
                           "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/DMS_clear.html"]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_4/001_clear_mandant_Suite.html", format: .seleneseHTML,
                 captures: [("mh-delete", 10), ("dms-clear", 18)],
                 sources: ["selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/MH_delete.html", "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/DMS_clear.html"]),
        // 19 rows: the empty one is skipped.
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/DMS_clear.html", format: .seleneseHTML,
                 captures: [("dms-clear", 18)], labels: ["Exposé Fotos", "alle"]),
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/MH_delete.html", format: .seleneseHTML,
                 captures: [("mh-delete", 10)], labels: ["Objectdata", "löschen"]),
        // 133 commands, four of them setSpeed.
        Expected(file: "selenese-html/seleniumhq-selenium-ide/IDE_test_4/einzeltests/kontakte_leeren.html", format: .seleneseHTML,
                 captures: [("kontakte-leeren", 129)], labels: ["Settings", "Online-Banking-Zugang", "löschen"]),
        // 11 commands, two of them store into !errorIgnore.
        Expected(file: "uivision/modelled/chat-click-send-existing-tab.json", format: .uiVision,
                 captures: [("chatclicksendexistingtab", 9)], labels: ["Send prompt", "Send prompt"]),
        Expected(file: "uivision/modelled/click-image-loop.json", format: .uiVision,
                 captures: [("clickimage", 16)]),
        Expected(file: "uivision/modelled/cmdlinetest.json", format: .uiVision,
                 captures: [("cmdlinetest", 8)], labels: ["Entry", "Entry", "Entry"]),
        // 12 commands; onDownload and a commented-out store (a `comment` holding "store // …") are skipped.
        Expected(file: "uivision/modelled/folder-export/WFSP/Team Duty Query.json", format: .uiVision,
                 captures: [("team-duty-query", 10)]),
        // 29 commands; three store into !settings, bringBrowserToForeground is skipped.
        Expected(file: "uivision/modelled/image-single-row.json", format: .uiVision,
                 captures: [("imagesinglerow", 25)], labels: ["Pro"]),
        // 26 commands; onError and a commented-out click (`comment` "click // …") are skipped.
        Expected(file: "uivision/modelled/maps-visual-retry.json", format: .uiVision,
                 captures: [("maps", 24)], labels: ["Searchboxinput"]),
    ]

    @Test("The table lists every Selenese HTML and UI.Vision fixture, and only those")
    func tableIsComplete() {
        let onDisk = Fixtures.files(under: Self.folder, extensions: ["html", "htm", "json"])
            .map { String($0.path.dropFirst(Self.folder.path.count + 1)) }
        #expect(onDisk.sorted() == Self.table.map(\.file).sorted())
        // At least five source repositories of each format (SOURCES.md names them).
        #expect(Set(Self.table.filter { $0.format == .seleneseHTML }.map(\.file)).count >= 5)
        #expect(Set(Self.table.filter { $0.format == .uiVision }.map(\.file)).count >= 5)
    }

    @Test("Each file is detected and imported with the expected captures, steps and labels, and no selector as a label",
          arguments: RealSeleneseAndUIVisionTests.table.map(\.file))
    func importsAsExpected(file: String) throws {
        let expected = try #require(Self.table.first { $0.file == file })
        let (input, result) = try ForeignImportSupport.read(Self.folder.appendingPathComponent(file), relativeTo: Self.folder)
        expected.check(input, result)
    }

    @Test("Each file imports as recorded (golden dump)")
    func goldenDumps() throws {
        for file in Self.table.map(\.file) {
            let (_, result) = try ForeignImportSupport.read(Self.folder.appendingPathComponent(file), relativeTo: Self.folder)
            Snapshot.assert(ForeignImportSupport.dump(result), named: file.replacingOccurrences(of: "/", with: "__") + ".txt",
                            group: "real-fixtures")
        }
    }

    @Test("Katalon Recorder's <datalist> in a target cell gives the other locators, not text of the target")
    func katalonDatalistIsAlternatives() throws {
        let file = "selenese-html/modelled/katalon-recorder-form-samples.html"
        let (_, result) = try ForeignImportSupport.read(Self.folder.appendingPathComponent(file), relativeTo: Self.folder)
        let first = try #require(result.captures.first)
        #expect(first.steps.first?.url == "https://forms.example.org/staff/form.html")
        let typed = try #require(first.steps.first { $0.action == .type })
        #expect(typed.target?.selectors == ["id=first-name", "name=firstName", "//input[@id='first-name']",
                                            "//form[@id='infoForm']/div/div/input", "css=#first-name"])
        #expect(typed.target?.label == "First name")
        // The password typed into id=password is never kept as plain text.
        #expect(first.steps.contains { $0.action == .type && $0.sensitive && $0.target?.label == "Password" })
    }

    @Test("A macro saved with a UTF-8 byte order mark imports like one without")
    func byteOrderMark() throws {
        let url = Self.folder.appendingPathComponent("uivision/modelled/click-image-loop.json")
        let data = try Data(contentsOf: url)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let withMark = CaptureReader().read(CaptureInput(path: "a.json", data: data))
        let without = CaptureReader().read(CaptureInput(path: "a.json", data: data.dropFirst(3)))
        #expect(!withMark.hasErrors)
        #expect(withMark.captures == without.captures)
    }
}
