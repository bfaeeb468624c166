import Testing
import WaymarkModel
@testable import WaymarkRender

/// Names for controls, from the best evidence a recording holds, never a selector.
@Suite struct TargetDescriberTests {
    func name(_ selectors: [String], label: String? = nil) -> TargetName {
        TargetDescriber.describe(Target(label: label, selectors: selectors))
    }

    @Test func humanTextInsideSelectorsIsALabel() {
        #expect(name(["aria/Submit[role=\"button\"]"]) == TargetName(name: "Submit", role: "button", origin: .label))
        #expect(name(["text/Proceed to checkout"]).name == "Proceed to checkout")
        #expect(name(["linkText=Expense reports"]) == TargetName(name: "Expense reports", role: "link", origin: .label))
        #expect(name(["input[placeholder=\"Search the wiki\"]"]).name == "Search the wiki")
        #expect(name(["button[aria-label='Close dialog']"]).name == "Close dialog")
        #expect(name(["xpath=//a[contains(text(),'Sign in')]"]).name == "Sign in")
        #expect(name(["//button[normalize-space()='Save draft']"]).name == "Save draft")
    }

    @Test func humanTextWinsOverAnEarlierIdentifier() {
        #expect(name(["#btn-17", "aria/Save"]) == TargetName(name: "Save", role: nil, origin: .label))
    }

    @Test func identifiersBecomeWordsAndNoiseIsDropped() {
        #expect(name(["#expense-amount"]).name == "Expense amount")
        #expect(name(["[data-test=checkout]"]).name == "Checkout")
        #expect(name(["id=ctl00_MainContent_txtFirstName"]).name == "First name")
        #expect(name(["name=emailAddress"]).name == "Email address")
        #expect(name(["#field-7f3a9c2e11"]).name == "Field")
        #expect(name(["//*[@id=\"cost-centre\"]"]).origin == .selectorWords)
        #expect(name(["div.css-1x2y3z > span:nth-child(2)"]) == TargetName(name: nil, role: nil, origin: .roleOnly))
        #expect(name(["input#q"]) == TargetName(name: nil, role: "field", origin: .roleOnly))
    }

    @Test func aSelectorGivenAsLabelIsIgnored() {
        #expect(name(["#total"], label: "#main > .total") == TargetName(name: "Total", role: nil, origin: .selectorWords))
        #expect(name([], label: "undefined").origin == .roleOnly)
        #expect(name([], label: "  Save \n draft ") .name == "Save draft")
    }

    @Test func longLabelsAreCutAtAWord() {
        let long = String(repeating: "word ", count: 40)
        let cut = TargetDescriber.cleanLabel(long) ?? ""
        #expect(cut.count <= TargetDescriber.maximumLabelLength + 1)
        #expect(cut.hasSuffix("word…"))
    }

    @Test func writerTextWithLocatorsIsRecognised() {
        #expect(TargetDescriber.containsLocator(in: "Click id=blue"))
        #expect(TargetDescriber.containsLocator(in: "Type into //input[@name='q']"))
        #expect(TargetDescriber.containsLocator(in: "Click #submit-button"))
        #expect(!TargetDescriber.containsLocator(in: "Open https://example.com/a and attach report.pdf, e.g. Invoice #1042"))
    }
}
