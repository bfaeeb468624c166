import Testing
import WaymarkModel
@testable import WaymarkStaleness

@Suite("StepDiff")
struct StepDiffTests {
    @Test("identical captures have no changes")
    func identical() {
        #expect(StepDiff.between(TestCaptures.order(), TestCaptures.order()).isEmpty)
    }

    @Test("a relabelled step is one changed step with old and new label")
    func relabel() {
        let diff = StepDiff.between(TestCaptures.order(), TestCaptures.order(submitLabel: "Send"))
        #expect(diff.changes.count == 1)
        #expect(diff.lines == ["step 5 changed: 'Submit' → 'Send'"])
        guard case .changed(4, 4, _, _, let fields) = diff.changes.first else {
            Issue.record("expected a change at step 5"); return
        }
        #expect(fields == [FieldChange(field: "label", old: "Submit", new: "Send")])
    }

    @Test("inserted and removed steps do not make later steps look changed")
    func insertAndRemove() {
        let old = TestCaptures.order()
        var new = old
        new.steps.insert(Step(action: .click, target: Target(label: "Express delivery", role: "checkbox")), at: 3)
        new.steps.remove(at: 1)
        let diff = StepDiff.between(old, new)
        #expect(diff.lines == ["step 2 removed: click 'New order'", "step 3 added: click 'Express delivery'"])
        #expect(diff.added == 1 && diff.removed == 1 && diff.changed == 0)
    }

    @Test("similar labels pair into changes, dissimilar steps stay added and removed, order kept")
    func pairing() {
        func s(_ action: Action, _ label: String) -> StepSummary { StepSummary(Step(action: action, target: Target(label: label))) }
        let old = [s(.click, "Orders"), s(.click, "Create new order"), s(.type, "Customer name"), s(.click, "Done")]
        let new = [s(.click, "Orders"), s(.click, "Create a new order"), s(.select, "Region"), s(.type, "Customer full name"), s(.click, "Done")]
        let diff = StepDiff.between(old, new)
        #expect(diff.lines == [
            "step 2 changed: 'Create new order' → 'Create a new order'",
            "step 3 added: select 'Region'",
            "step 4 (was 3) changed: 'Customer name' → 'Customer full name'",
        ])
    }

    @Test("changed fields other than the label are named")
    func otherFields() {
        let old = TestCaptures.order()
        var new = old
        new.steps[0].url = "https://shop.example.com/admin/orders?view=grid"
        new.steps[2].value = "Globex"
        let diff = StepDiff.between(old, new)
        #expect(diff.lines == [
            "step 1 changed: url 'https://shop.example.com/admin/orders?view=list' → 'https://shop.example.com/admin/orders?view=grid'",
            "step 3 changed: value 'ACME Ltd' → 'Globex'",
        ])
    }

    @Test("a secret's change is never shown")
    func secrets() {
        let old = TestCaptures.order()
        var new = old
        new.steps[3].sensitive = false
        let diff = StepDiff.between(old, new)
        #expect(diff.lines == ["step 4 changed: value '(secret)' → 'hunter2'"])
        var other = old
        other.steps[3].value = "changed secret"
        #expect(StepDiff.between(old, other).isEmpty)
    }

    @Test("empty sides")
    func empty() {
        let old = TestCaptures.order()
        var new = old
        new.steps = []
        #expect(StepDiff.between(old, new).removed == old.steps.count)
        #expect(StepDiff.between(new, old).added == old.steps.count)
    }

    @Test("LCS alignment handles moved steps")
    func alignment() {
        let pairs = StepDiff.alignment(["a", "b", "c", "d"], ["b", "c", "a", "d"])
        #expect(pairs.map { [$0.0, $0.1] } == [[1, 0], [2, 1], [3, 3]])
    }
}
