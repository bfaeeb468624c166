import Testing
import WaymarkModel
@testable import WaymarkRender

/// Names for controls in prose: the capture's label and role (importers and the capture preparation read selectors
/// into them), never a selector.
@Suite struct TargetDescriberTests {
    func name(_ label: String?, role: String? = nil, source: LabelSource? = nil) -> TargetName {
        TargetDescriber.describe(Target(label: label, role: role, selectors: ["#ignored-by-render"], labelSource: source))
    }

    @Test func labelsAreNamesAndRolesArePlainWords() {
        #expect(name("Submit", role: "button", source: .selector) == TargetName(name: "Submit", role: "button", origin: .label))
        #expect(name("Email", role: "text field") == TargetName(name: "Email", role: "field", origin: .label))
        #expect(name("Country", role: "combo box").role == "list")
        #expect(name("Remember me", role: "checkbox").role == "check box")
    }

    @Test func labelsMadeFromIdentifiersAreGuesses() {
        #expect(name("Expense amount", source: .identifier).origin == .selectorWords)
        #expect(name("Expense amount", source: .application).origin == .label)
    }

    @Test func selectorsAreNeverNamesEvenWhenGivenAsLabels() {
        #expect(name(nil) == TargetName(name: nil, role: nil, origin: .roleOnly))
        #expect(name("#main > .total") == TargetName(name: nil, role: nil, origin: .roleOnly))
        #expect(name("undefined").origin == .roleOnly)
        #expect(name("  Save \n draft ").name == "Save draft")
    }

    @Test func longLabelsAreCutAtAWord() {
        let long = String(repeating: "word ", count: 40)
        let cut = TargetDescriber.cleanLabel(long) ?? ""
        #expect(cut.count <= TargetDescriber.maximumLabelLength + 1)
        #expect(cut.hasSuffix("word…"))
    }
}
