import Foundation
import Testing
import WaymarkModel
@testable import WaymarkBrowser

/// The adapter's plain values, checked without a browser: roles, keys, XPath literals, network rules, screenshot
/// geometry, and that every diagnostic code is documented.
@Suite struct BrowserValueTests {
    @Test func xpathLiteralsQuoteEveryString() {
        #expect(ElementFinder.xpathLiteral("Save") == "'Save'")
        #expect(ElementFinder.xpathLiteral("Don't save") == "\"Don't save\"")
        #expect(ElementFinder.xpathLiteral("a'b\"c") == "concat('a', \"'\", 'b\"c')")
    }

    @Test func similarityRanksCloserNamesHigher() {
        #expect(ElementFinder.similarity("submit", "submit") == 1)
        #expect(ElementFinder.similarity("submit", "") == 0)
        #expect(ElementFinder.similarity("submit", "submit report") > ElementFinder.similarity("submit", "cancel"))
        #expect(ElementFinder.similarity("test button", "send") < ElementFinder.similarity("test button", "test"))
    }

    @Test func captureRoleWordsMapToComputedRoles() {
        #expect(AccessibleRole("drop-down list").matches(computedRole: "combobox"))
        #expect(AccessibleRole("Drop-down list").matches(computedRole: "listbox"))
        #expect(AccessibleRole("text field").matches(computedRole: "textbox"))
        #expect(AccessibleRole("password field").matches(computedRole: "textbox"))
        #expect(!AccessibleRole("password field").matches(computedRole: "button"))
        #expect(AccessibleRole("date field").matches(computedRole: "Date"))
        #expect(AccessibleRole("menu item").matches(computedRole: "menuitemcheckbox"))
        #expect(AccessibleRole("tabpanel").isKnown)
        #expect(AccessibleRole("tabpanel").matches(computedRole: "tabpanel"))
        let unknown = AccessibleRole("drop zone")
        #expect(!unknown.isKnown)
        #expect(unknown.matches(computedRole: "generic"), "an unknown role word must not filter matches")
    }

    @Test func keyNamesFromCapturesBecomeWebDriverKeys() throws {
        #expect(Key(named: "Enter") == .enter)
        #expect(Key(named: "esc") == .escape)
        #expect(Key(named: "Page Down") == .pageDown)
        #expect(Key(named: "F5") == Key.function(5))
        #expect(Key(named: "s") == Key("s"))
        #expect(Key(named: "S") == Key("s"), "a letter names the key; Shift is a modifier")
        #expect(Key(named: "/") == Key("/"))
        #expect(Key(named: "Windows") == .meta)
        #expect(Key(named: "NoSuchKey") == nil)
        #expect(Key.enter.value.unicodeScalars.first?.value == 0xE007)
        let chord = KeyChord(Key("s"), modifiers: [.control, .shift])
        #expect(chord.keyActions == [.down(.control), .down(.shift), .down(Key("s")), .up(Key("s")), .up(.shift), .up(.control)])
        #expect(chord.description == "ctrl+shift+s")
    }

    @Test func networkPolicyAllowsOnlyLoopbackAndListedHosts() throws {
        #expect(try NetworkPolicy.loopbackOnly().hostResolverRules() == "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")
        #expect(try NetworkPolicy.loopbackOnly(allowing: ["app.test.example", "*.corp.example"]).hostResolverRules()
                == "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE app.test.example , EXCLUDE *.corp.example")
        #expect(try NetworkPolicy.loopbackOnly(allowing: ["localhost"], mapping: ["b.example": "127.0.0.1:8080", "a.example": "127.0.0.1"])
            .hostResolverRules() == "MAP a.example 127.0.0.1 , MAP b.example 127.0.0.1:8080 , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")
        #expect(try NetworkPolicy.unrestricted.hostResolverRules() == nil)
        #expect(throws: BrowserError.self) { try NetworkPolicy.loopbackOnly(mapping: ["a.example": "127.0.0.1 , MAP * 10.0.0.1"]).hostResolverRules() }
        let error = #expect(throws: BrowserError.self) {
            try NetworkPolicy.loopbackOnly(allowing: ["x , MAP * 10.0.0.1"]).hostResolverRules()
        }
        #expect(error?.code == .browserInvalidOption)
        let args = try SessionOptions().chromiumArguments(userDataDirectory: "/tmp/p")
        #expect(args.starts(with: ["--headless=new", "--no-sandbox"]))
        #expect(args.contains("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"))
        #expect(args.contains("--user-data-dir=/tmp/p"))
    }

    @Test func elementRectsMapOntoScreenshotPixels() {
        let shot = Screenshot(png: [], pixelWidth: 1600, pixelHeight: 1200, devicePixelRatio: 2, scrollX: 0, scrollY: 100)
        #expect(shot.pixelRect(for: ElementRect(x: 10, y: 150, width: 20, height: 30)) == PixelRect(x: 20, y: 100, width: 40, height: 60))
        #expect(shot.pixelRect(for: ElementRect(x: 10.25, y: 100.5, width: 1, height: 1)) == PixelRect(x: 20, y: 1, width: 3, height: 2))
        // Above the viewport: clipped away.
        #expect(shot.pixelRect(for: ElementRect(x: 0, y: 0, width: 50, height: 50)).isEmpty)
        // Partly outside on the right: clipped to the image.
        #expect(shot.pixelRect(for: ElementRect(x: 780, y: 100, width: 100, height: 10)) == PixelRect(x: 1560, y: 0, width: 40, height: 20))
        #expect(Screenshot.pngSize([1, 2, 3]) == nil)
    }

    @Test func w3cErrorsMapToDiagnosticCodes() {
        #expect(WebDriverErrorKind.noSuchElement.diagnosticCode == .browserElementNotFound)
        #expect(WebDriverErrorKind.staleElementReference.diagnosticCode == .browserElementStale)
        #expect(WebDriverErrorKind.timeout.diagnosticCode == .browserTimeout)
        #expect(WebDriverErrorKind.noSuchWindow.diagnosticCode == .browserNoSuchWindow)
        #expect(WebDriverErrorKind.noSuchFrame.diagnosticCode == .browserNoSuchFrame)
        #expect(WebDriverErrorKind.elementNotInteractable.diagnosticCode == .browserElementNotInteractable)
        #expect(WebDriverErrorKind.unexpectedAlertOpen.diagnosticCode == .browserUnexpectedAlert)
        #expect(WebDriverErrorKind.invalidSessionID.diagnosticCode == .browserSessionClosed)
        #expect(WebDriverErrorKind(rawValue: "some future error").diagnosticCode == .browserDriverError)
    }

    @Test func everyDiagnosticCodeHasAHintAndIsDocumented() throws {
        let docs = try String(contentsOf: BrowserTestEnvironment.packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        guard let section = docs.range(of: "## Browser (`browser.*`)") else {
            Issue.record("docs/diagnostics.md has no section “Browser (`browser.*`)”")
            return
        }
        let browserDocs = docs[section.lowerBound...]
        let browserCodes = DiagnosticCode.all.filter { $0.id.hasPrefix("browser.") }
        #expect(browserCodes.count == 26)
        for code in browserCodes {
            #expect(browserDocs.contains("`\(code.id)`"), "\(code.id) is not documented in the browser section of docs/diagnostics.md")
        }
        let missing = BrowserError(.browserDriverMissing, "chromedriver is not installed.")
        #expect(missing.description.contains("error[browser.driver-missing]"))
        #expect(missing.diagnostic.hint?.contains("chromium-driver") == true)
        #expect(DiagnosticCode.browserBrowserMissing.hint.contains("`chromium`"))
    }
}
