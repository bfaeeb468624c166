import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Selenese HTML test cases and suites (Selenium IDE 1–2, Katalon Recorder), from hand-written files shaped like the
/// ones those recorders save.
@Suite struct SeleneseHTMLImporterTests {
    static func testCase(title: String, base: String = "https://shop.example.com/", rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
        <head profile="http://selenium-ide.openqa.org/profiles/test-case">
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
        <link rel="selenium.base" href="\(base)" />
        <title>\(title)</title>
        </head>
        <body>
        <table cellpadding="1" cellspacing="1" border="1">
        <thead>
        <tr><td rowspan="1" colspan="3">\(title)</td></tr>
        </thead><tbody>
        \(rows)
        </tbody></table>
        </body>
        </html>
        """
    }

    static func row(_ command: String, _ target: String = "", _ value: String = "") -> String {
        "<tr>\n\t<td>\(command)</td>\n\t<td>\(target)</td>\n\t<td>\(value)</td>\n</tr>"
    }

    static func read(_ text: String, path: String = "checkout.html") -> ImportResult {
        CaptureReader().read(CaptureInput(path: path, data: Data(text.utf8)))
    }

    @Test func aTestCaseWithItsDoctypeIsRecognisedAndRead() throws {
        let html = Self.testCase(title: "Buy a mug &amp; a plate", rows: [
            Self.row("open", "/catalog"),
            Self.row("clickAndWait", "link=Mugs"),
            Self.row("type", "id=quantity", "2"),
            Self.row("select", "name=colour", "label=Deep blue"),
            Self.row("verifyTextPresent", "Added to basket"),
            Self.row("assertTitle", "Basket"),
        ].joined(separator: "\n"))
        let input = CaptureInput(path: "checkout.html", data: Data(html.utf8))
        #expect(CaptureReader().detectFormat(of: input) == .seleneseHTML)
        let result = CaptureReader().read(input)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let capture = try #require(result.captures.first)
        #expect(capture.id == "buy-a-mug-a-plate")
        #expect(capture.title == "Buy a mug & a plate")
        #expect(capture.application == "shop.example.com")
        #expect(capture.source == CaptureSource(format: .seleneseHTML, path: "checkout.html"))
        #expect(capture.steps.map(\.action) == [.navigate, .click, .type, .select, .assert, .assert])
        #expect(capture.steps[0].url == "https://shop.example.com/catalog")
        #expect(capture.steps[1].target?.label == "Mugs")
        #expect(capture.steps[1].note == "Wait for the page to load.")
        #expect(capture.steps[2].target?.label == "Quantity")
        #expect(capture.steps[3].value == "Deep blue")
        #expect(capture.steps[4].instruction == "Check that the page shows “Added to basket”.")
        #expect(capture.steps[4].note == "If this differs, note it and carry on.")
    }

    @Test func cellTextIsHTMLTextWithLineBreaksKept() throws {
        let html = Self.testCase(title: "Notes", rows: [
            Self.row("type", "id=comment", "first line<br />second&nbsp;line &lt;b&gt;\n   continued"),
            Self.row("echo", "caf&eacute; &#x2713;"),
        ].joined(separator: "\n"))
        let capture = try #require(Self.read(html).captures.first)
        #expect(capture.steps[0].value == "first line\nsecond line <b> continued")
        #expect(capture.steps[1].note == "café ✓")
    }

    @Test func katalonFilesWithSeveralTablesGiveOneCapturePerTest() throws {
        let one = Self.testCase(title: "Sign in", rows: Self.row("open", "/login"))
        let second = """
        <table cellpadding="1" cellspacing="1" border="1">
        <thead><tr><td rowspan="1" colspan="3">Sign out</td></tr></thead>
        <tbody>\(Self.row("click", "id=logout"))</tbody></table>
        """
        let html = one.replacingOccurrences(of: "</body>", with: second + "\n</body>")
        let result = Self.read(html, path: "exports/account suite.html")
        #expect(result.captures.map(\.id) == ["account-suite-sign-in", "account-suite-sign-out"])
        #expect(result.captures.map(\.title) == ["Sign in", "Sign out"])
    }

    @Test func aTableWithoutAHeadIsNamedByThePageTitleAndExtraCellsAreReported() throws {
        let html = """
        <html><head><title>Plain table</title></head><body>
        <table><tr><td>open</td><td>http://intranet.example/</td><td></td></tr>
        <tr><td>click</td><td>id=go</td><td></td><td>extra</td></tr></table></body></html>
        """
        let result = Self.read(html, path: "plain.htm")
        let capture = try #require(result.captures.first)
        #expect(capture.title == "Plain table")
        #expect(capture.steps.count == 2)
        let row = try #require(result.diagnostics.first { $0.code == "selenese.row" })
        #expect(row.location?.line == 3)
    }

    @Test func htmlWithoutACommandTableIsNotATest() {
        let html = "<!DOCTYPE html><html><head><link rel=\"selenium.base\" href=\"http://x/\"></head><body><p>Hello</p></body></html>"
        let result = Self.read(html, path: "page.html")
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["selenese.not-a-test"])
    }

    @Test func commandsAndLocatorsGoThroughTheSharedTableAndSelectorReader() throws {
        let html = Self.testCase(title: "Table", rows: [
            Self.row("waitForPageToLoad", "30000"),
            Self.row("clickAndWait", "//button[text()='Save']"),
            Self.row("verifyElementPresent", "css=#banner"),
            Self.row("setSpeed", "500"),
            Self.row("fancyPluginCommand", "id=x"),
        ].joined(separator: "\n"))
        let result = Self.read(html)
        let capture = try #require(result.captures.first)
        #expect(capture.steps.map(\.action) == [.wait, .click, .assert, .custom])
        #expect(capture.steps[1].target?.label == "Save")
        #expect(capture.steps[2].target?.label == "Banner")
        #expect(result.diagnostics.map(\.code) == ["selenium.playback-only", "selenium.unknown-command"])
        #expect(result.diagnostics.last?.location?.line == 34)
    }

    // MARK: Suites

    static func suite(_ links: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
        <head><meta content="text/html; charset=UTF-8" http-equiv="content-type" /><title>Test Suite</title></head>
        <body>
        <table id="suiteTable" cellpadding="1" cellspacing="1" border="1" class="selenium"><tbody>
        <tr><td><b>Test Suite</b></td></tr>
        \(links.map { "<tr><td><a href=\"\($0)\">\($0)</a></td></tr>" }.joined(separator: "\n"))
        </tbody></table>
        </body>
        </html>
        """
    }

    @Test func aSuiteReadsItsTestCasesInOrderFromItsFolder() throws {
        let folder = Fixtures.temporaryDirectory("selenese-suite")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cases"), withIntermediateDirectories: true)
        try Data(Self.testCase(title: "Log in", rows: Self.row("open", "/login")).utf8)
            .write(to: folder.appendingPathComponent("cases/login.html"))
        try Data(Self.testCase(title: "Log out", rows: Self.row("click", "id=logout")).utf8)
            .write(to: folder.appendingPathComponent("logout.html"))
        let suiteURL = folder.appendingPathComponent("suite.html")
        try Data(Self.suite(["logout.html", "./cases/login.html", "missing.html"]).utf8).write(to: suiteURL)

        let input = try CaptureInput.load(suiteURL, displayPath: "tests/suite.html")
        #expect(CaptureReader().detectFormat(of: input) == .seleneseHTML)
        let result = CaptureReader().read(input)
        #expect(result.captures.map(\.id) == ["log-out", "log-in"])
        #expect(result.captures.map(\.source.path) == ["tests/logout.html", "tests/cases/login.html"])
        #expect(result.captures.map { $0.origin?.path } == ["tests/suite.html", "tests/suite.html"])
        #expect(result.diagnostics.map(\.code) == ["selenese.suite-link-missing"])
        #expect(result.diagnostics.first?.location?.file == "tests/suite.html")
    }

    @Test func aSuiteLinkingASuiteDoesNotFollowIt() throws {
        let folder = Fixtures.temporaryDirectory("selenese-nested")
        try Data(Self.suite(["inner.html"]).utf8).write(to: folder.appendingPathComponent("outer.html"))
        try Data(Self.suite(["outer.html"]).utf8).write(to: folder.appendingPathComponent("inner.html"))
        let input = try CaptureInput.load(folder.appendingPathComponent("outer.html"), displayPath: "outer.html")
        let result = CaptureReader().read(input)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["selenese.nested-suite", "selenese.empty-suite"])
    }

    @Test func selenium1BareLocatorsAreIdentifiersNeverLabelsAsWritten() throws {
        let html = Self.testCase(title: "Login", rows: [
            Self.row("type", "j_username", "ada"),
            Self.row("clickAndWait", "Sign_in"),
            Self.row("open", "/home"),
        ].joined(separator: "\n"))
        let capture = try #require(Self.read(html).captures.first)
        #expect(capture.steps[0].target?.selectors == ["identifier=j_username"])
        #expect(capture.steps[1].target?.selectors == ["identifier=Sign_in"])
        #expect(capture.steps[1].target?.label != "Sign_in")
        #expect(capture.steps[2].url == "https://shop.example.com/home")
    }
}
