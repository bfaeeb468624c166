import Testing
import WaymarkModel
@testable import WaymarkRender

/// The sentences a careful technical writer would write, one per human action.
@Suite struct StepPhraserTests {
    func phrase(_ steps: [Step], application: String? = nil) -> PhrasedGuide {
        StepPhraser().phrase(Capture(id: "t", title: "T", application: application,
                                     source: CaptureSource(format: .waymarkJSON, path: "t.json"), steps: steps))
    }

    func markdown(_ steps: [Step]) -> [String] {
        phrase(steps).steps.map { MarkdownInline.render($0.instruction) }
    }

    @Test func everyActionReadsLikeAWriterWroteIt() {
        let lines = markdown([
            Step(action: .navigate, url: "https://expensa.example.com/reports"),
            Step(action: .click, target: Target(label: "New report", role: "button")),
            Step(action: .doubleClick, target: Target(label: "Invoice 1042")),
            Step(action: .hover, target: Target(label: "Help")),
            Step(action: .select, target: Target(label: "Category"), value: "Travel – Hotel"),
            Step(action: .check, target: Target(label: "Remember me", role: "checkbox")),
            Step(action: .uncheck, target: Target(label: "Newsletter", role: "checkbox")),
            Step(action: .press, key: "s", modifiers: [.ctrl]),
            Step(action: .scroll, value: "down"),
            Step(action: .drag, target: Target(label: "Receipt"), destination: Target(label: "Attachments")),
            Step(action: .upload, target: Target(label: "Attach receipt"), value: "C:\\fakepath\\receipt.pdf"),
            Step(action: .wait, target: Target(label: "Saved")),
            Step(action: .assert, target: Target(label: "Status"), value: "Waiting for approval"),
            Step(action: .switchContext, target: Target(label: "Print", role: "window")),
        ])
        #expect(lines == [
            "Go to <https://expensa.example.com/reports>.",
            "Click **New report**.",
            "Double-click **Invoice 1042**.",
            "Hover over **Help**.",
            "Select **Travel – Hotel** from **Category**.",
            "Select the **Remember me** check box.",
            "Clear the **Newsletter** check box.",
            "Press **Ctrl+S** to save.",
            "Scroll down.",
            "Drag **Receipt** to **Attachments**.",
            "Click **Attach receipt** and choose the file `receipt.pdf`.",
            "Wait until **Saved** appears.",
            "Check that **Status** reads **Waiting for approval**.",
            "Switch to the **Print** window.",
        ])
    }

    @Test func keystrokesFoldIntoOneTypingStep() {
        let field = Target(label: "Amount", selectors: ["#amount"])
        let guide = phrase([
            Step(action: .click, target: field),
            Step(action: .press, target: field, key: "4"),
            Step(action: .press, target: field, key: "2"),
            Step(action: .press, target: field, key: "."),
            Step(action: .press, target: field, key: "5"),
            Step(action: .click, target: Target(label: "Save")),
        ])
        #expect(guide.steps.count == 2)
        #expect(MarkdownInline.render(guide.steps[0].instruction) == "In **Amount**, type `42.5`.")
        #expect(guide.steps[0].sourceIndices == [0, 1, 2, 3, 4])
        #expect(guide.steps[1].number == 2)
    }

    @Test func keystrokesWithoutATargetGoToTheClickedField() {
        let lines = markdown([
            Step(action: .click, target: Target(label: "Search", role: "searchbox")),
            Step(action: .press, key: "t"), Step(action: .press, key: "a"), Step(action: .press, key: "x"),
            Step(action: .press, key: "Enter"),
            Step(action: .click, target: Target(label: "Next", role: "button")),
            Step(action: .press, key: "Escape"),
        ])
        #expect(lines == ["In **Search**, type `tax` and press **Enter**.", "Click **Next**.", "Press **Esc**."])
    }

    @Test func rightClickNamesTheMenuChoice() {
        let lines = markdown([
            Step(action: .rightClick, target: Target(label: "Invoice 1042")),
            Step(action: .click, target: Target(label: "Duplicate", role: "menuitem")),
        ])
        #expect(lines == ["Right-click **Invoice 1042** and choose **Duplicate**."])
    }

    @Test func notesAttachToThePreviousStep() {
        let guide = phrase([
            Step(action: .select, target: Target(label: "Category"), value: "Travel – Hotel",
                 note: "Meals go under **Travel – Meals**."),
            Step(action: .note, note: "Even when the hotel bills them."),
            Step(action: .click, target: Target(label: "Save")),
        ])
        #expect(guide.steps.count == 2)
        #expect(guide.steps[0].notes == ["Meals go under **Travel – Meals**.", "Even when the hotel bills them."])
        #expect(guide.steps[0].sourceIndices == [0, 1])
    }

    @Test func sensitiveValuesAreNeverPrinted() {
        let guide = phrase([
            Step(action: .type, target: Target(label: "Password"), value: "hunter2", sensitive: true),
            Step(action: .type, target: Target(label: "Card number"), value: "4111111111111111", sensitive: true),
            Step(action: .assert, target: Target(label: "Greeting"), value: "Hello hunter2"),
            Step(action: .type, target: Target(label: "Confirm"), value: "hunter2"),
        ])
        let lines = guide.steps.map { MarkdownInline.render($0.instruction) }
        #expect(lines == [
            "Enter your password in **Password**.",
            "Enter the card number in **Card number**.",
            "Check that **Greeting** is shown.",
            "Enter the required value in **Confirm**.",
        ])
        for line in lines { #expect(!line.contains("hunter2") && !line.contains("4111")) }
    }

    @Test func writerInstructionReplacesTheGeneratedSentence() {
        let lines = markdown([
            Step(action: .click, target: Target(selectors: ["#x"]), instruction: "Click **Save** to keep `draft` <b>now</b>."),
        ])
        #expect(lines == ["Click **Save** to keep `draft` &lt;b&gt;now&lt;/b&gt;."])
    }

    @Test func sectionsFollowPagesAndWindows() {
        let guide = phrase([
            Step(action: .navigate, url: "https://expensa.example.com/reports"),
            Step(action: .click, target: Target(label: "New report")),
            Step(action: .navigate, url: "https://expensa.example.com/expense-report/7f3a9c2e11"),
            Step(action: .click, target: Target(label: "Print")),
            Step(action: .switchContext, target: Target(label: "Print", role: "window")),
            Step(action: .click, target: Target(label: "OK")),
        ], application: "Expensa")
        let titles = guide.sections.map { $0.title.map { MarkdownInline.render($0, labels: .plain) } }
        #expect(titles == ["On the Reports page", "On the Expense report page", "In the Print window"])
        #expect(guide.sections.map(\.steps.count) == [2, 2, 2])
        #expect(guide.steps.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func siteRootIsTheHomePage() {
        let guide = phrase([Step(action: .navigate, url: "https://coffee-cart.netlify.app/")])
        #expect(guide.sections.first?.title.map { MarkdownInline.render($0) } == "On the **Coffee cart** home page")
    }

    @Test func hostNamesAndFrameNumbersMakeReadableSections() {
        let guide = StepPhraser().phrase(Capture(id: "t", title: "T", application: "coffee-cart.netlify.app", steps: [
            Step(action: .navigate, url: "https://coffee-cart.netlify.app/"),
            Step(action: .click, target: Target(label: "Espresso", context: "coffee-cart.netlify.app")),
            Step(action: .switchContext, target: Target(label: "frame 2", role: "frame")),
            Step(action: .click, target: Target(label: "OK")),
            Step(action: .switchContext, target: Target(label: "the new window", role: "window")),
        ]))
        let titles = guide.sections.map { $0.title.map { MarkdownInline.render($0, labels: .plain) } }
        #expect(titles == ["On the Coffee cart home page", "In frame 2", "In the new window"])
    }

    @Test func customStepsAreReadableAndWarned() {
        let guide = phrase([Step(action: .custom, customType: "startTimespan")])
        #expect(MarkdownInline.render(guide.steps[0].instruction) == "Complete the **Start timespan** step.")
        #expect(guide.diagnostics.map(\.code) == ["phrase.custom-step"])
    }

    @Test func wordsThatLookTechnicalAreStillLabels() {
        for label in ["Node.js", "report.pdf", "e.g. Travel", "i.e.", "File > Save", "example.com", "C# basics"] {
            #expect(TargetDescriber.cleanLabel(label) == label, "\(label)")
        }
        for selector in ["#expense-amount", ".btn-primary", "div.css-1x2y3z > span", "input[name=q]", "//button",
                         "button#save", "aria/Save", "xpath///a", "css=#x", "div > span"] {
            #expect(TargetDescriber.cleanLabel(selector) == nil, "\(selector)")
        }
    }

    @Test func keyNamesAreThoseOnTheKeyboard() {
        #expect(KeyNames.combination(key: "ArrowDown", modifiers: []) == ["Down Arrow"])
        #expect(KeyNames.combination(key: "s", modifiers: [.shift, .ctrl]) == ["Ctrl", "Shift", "S"])
        #expect(KeyNames.combination(key: "${KEY_ENTER}", modifiers: []) == ["Enter"])
        #expect(KeyNames.combination(key: "Escape", modifiers: []) == ["Esc"])
    }
}
