import Testing
import WaymarkActions
import WaymarkModel
import WaymarkRender

/// The one preparation every command applies: labels read from selectors, default owners, redaction. Phrasing a
/// prepared capture is what every material is made from.
@Suite struct CapturePreparationTests {
    func phrase(_ steps: [Step], configuration: ProjectConfiguration = ProjectConfiguration()) -> PhrasedGuide {
        let capture = Capture(id: "t", title: "T", source: CaptureSource(format: .waymarkJSON, path: "t.json"), steps: steps)
        return StepPhraser().phrase(CapturePreparation(configuration: configuration).prepare(capture, displayPath: "t.json"))
    }

    func lines(_ guide: PhrasedGuide) -> [String] { guide.steps.map { MarkdownInline.render($0.instruction) } }

    @Test func selectorsNeverReachProse() {
        let guide = phrase([
            Step(action: .click, target: Target(selectors: ["#expense-amount"])),
            Step(action: .click, target: Target(selectors: ["xpath///button[text()='Submit for approval']"])),
            Step(action: .click, target: Target(selectors: ["div.css-1x2y3z > span:nth-child(2)"])),
            Step(action: .click, target: Target(label: "#main > .btn", selectors: ["//*[@id=\"save-button\"]"])),
            Step(action: .click, target: Target(selectors: ["linkText=Expense reports"])),
            Step(action: .type, target: Target(selectors: ["id=ctl00_MainContent_txtFirstName"]), value: "Ada"),
        ])
        #expect(lines(guide) == [
            "Click **Expense amount**.",
            "Click **Submit for approval**.",
            "Click the item.",
            "Click **Save button**.",
            "Click **Expense reports**.",
            "In **First name**, type `Ada`.",
        ])
        let codes = guide.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "phrase.label-from-selector" }.count == 3)
        #expect(codes.filter { $0 == "phrase.no-label" }.count == 1)
        #expect(guide.diagnostics.allSatisfy { $0.severity == .warning && $0.location?.file == "t.json" })
    }

    @Test func aLabelThatIsALocatorIsReadLikeOne() {
        let prepared = CapturePreparation().prepare(Capture(id: "t", title: "T", steps: [
            Step(action: .click, target: Target(label: "aria/Save", selectors: ["#btn-1"])),
            Step(action: .click, target: Target(label: "Keep me", selectors: ["aria/Other"])),
            Step(action: .click, target: Target(selectors: ["input[type=checkbox][name=terms]"])),
        ]), displayPath: "t.json")
        #expect(prepared.steps[0].target == Target(label: "Save", selectors: ["#btn-1"], labelSource: .selector))
        #expect(prepared.steps[1].target?.label == "Keep me" && prepared.steps[1].target?.labelSource == nil)
        #expect(prepared.steps[2].target == Target(label: "Terms", role: "checkbox", selectors: ["input[type=checkbox][name=terms]"],
                                                  labelSource: .identifier))
    }

    @Test func clickThenTypeIntoTheSameFieldIsOneStep() {
        let guide = phrase([
            Step(action: .click, target: Target(selectors: ["aria/Name", "#name"])),
            Step(action: .type, target: Target(selectors: ["aria/Name", "#name"]), value: "jec"),
            Step(action: .press, key: "Tab"),
            Step(action: .type, target: Target(label: "Email"), value: "j"),
            Step(action: .type, target: Target(label: "Email"), value: "jec@test.com"),
        ])
        #expect(lines(guide) == ["In **Name**, type `jec` and press **Tab**.", "In **Email**, type `jec@test.com`."])
    }

    @Test func redactPatternsMakeValuesSensitive() {
        let guide = phrase([
            Step(action: .type, target: Target(label: "SSN"), value: "123-45-6789"),
            Step(action: .note, note: "Ask for the number 123-45-6789 if you forgot it."),
        ], configuration: ProjectConfiguration(redact: [#"^\d{3}-\d{2}-\d{4}$"#, #"\d{3}-\d{2}-\d{4}"#]))
        #expect(lines(guide) == ["Enter the SSN in **SSN**."])
        #expect(guide.steps[0].notes == ["Ask for the number ••• if you forgot it."])
    }

    @Test func ownersComeFromTheConfigurationByApplicationThenFolder() {
        let configuration = ProjectConfiguration(owners: ["recordings/finance": "finance@example.com", "PeopleHub": "hr@example.com"])
        let preparation = CapturePreparation(configuration: configuration)
        let hr = preparation.prepare(Capture(id: "a", title: "A", application: "PeopleHub"), displayPath: "recordings/finance/a.json")
        let finance = preparation.prepare(Capture(id: "b", title: "B"), displayPath: "recordings/finance/b.json")
        let named = preparation.prepare(Capture(id: "c", title: "C", owner: "me@example.com"), displayPath: "recordings/finance/c.json")
        #expect(hr.owner == "hr@example.com" && finance.owner == "finance@example.com" && named.owner == "me@example.com")
        #expect(finance.source.path == "recordings/finance/b.json")
        #expect(preparation.prepare(Capture(id: "Bad Id!", title: "T"), displayPath: "x").id == "bad-id")
    }
}
