import Testing
@testable import WaymarkLocators

/// Whether text is (or quotes) a locator: guides never print one.
@Suite struct LocatorTextTests {
    /// Labels without selector punctuation skip the regular expressions; the answer must not change.
    @Test func selectorsAreRecognisedAndWordsAreNot() {
        let words = ["Save", "Customer name", "Node.js", "report.pdf", "e.g. this", "Invoice #1042", "Total: 5"]
        let selectors = ["#email", ".btn-primary", "div > span", "//input[@id='x']", "css=.a", "id=save",
                         "aria/Save", "button[type=submit]", "a:nth-child(2)", "host >>> inner", "input#query"]
        for label in words { #expect(!LocatorText.looksLikeSelector(label), "\(label)") }
        for selector in selectors { #expect(LocatorText.looksLikeSelector(selector), "\(selector)") }
    }

    @Test func writerTextWithLocatorsIsRecognised() {
        #expect(LocatorText.containsLocator(in: "Click id=blue"))
        #expect(LocatorText.containsLocator(in: "Type into //input[@name='q']"))
        #expect(LocatorText.containsLocator(in: "Click #submit-button"))
        #expect(!LocatorText.containsLocator(in: "Open https://example.com/a and attach report.pdf, e.g. Invoice #1042"))
    }
}
