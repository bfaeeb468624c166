import WaymarkModel
import WaymarkRender

/// Phrased guides built in code, standing for what `StepPhraser` produces, so the narration can be tested on its own.
enum NarrationFixtures {
    /// The expense-report walkthrough from the shared examples: sections, labels, literals, keys, a link, notes,
    /// screenshots with highlights, and a sensitive step whose value must never be spoken.
    static let expenseReport: PhrasedGuide = {
        let capture = Capture(
            id: "submit-expense-report", title: "Submit an expense report", application: "Expensa",
            owner: "finance-enablement@example.com", audience: "All employees who travel for work",
            purpose: "Reports filed with the wrong category are sent back, and reimbursement waits another cycle.",
            objectives: ["Create an expense report for a trip", "attach a receipt and pick the right category",
                         "Submit the report for your manager's approval."],
            steps: [
                Step(action: .navigate, url: "https://expensa.example.com/reports"),
                Step(action: .click, target: Target(label: "New report", role: "button")),
                Step(action: .type, target: Target(label: "Title", role: "text field"), value: "Berlin trip, March"),
                Step(action: .type, target: Target(label: "Password", role: "text field"), value: "hunter2-secret", sensitive: true),
                Step(action: .press, key: "S", modifiers: [.ctrl]),
                Step(action: .select, target: Target(label: "Category"), value: "Travel"),
                Step(action: .upload, target: Target(label: "Attach receipt"), value: "/home/ana/Receipts/2026/hotel-berlin-march.pdf"),
                Step(action: .click, target: Target(label: "Submit", role: "button")),
            ])
        let shot = { (n: Int, x: Int) in
            Screenshot(path: "shots/step\(n).PNG", highlight: Rect(x: x, y: 120, width: 140, height: 36), width: 1280, height: 800)
        }
        let reports = GuideSection(title: Instruction([.text("On the "), .label("Reports"), .text(" page")]), steps: [
            PhrasedStep(number: 1, sourceIndices: [0], instruction: Instruction([
                .text("Go to the "), .label("Reports"), .text(" page in "),
                .link(url: "https://expensa.example.com/reports?tab=mine#top", spoken: "Expensa"), .text("."),
            ]), screenshot: shot(1, 40), action: .navigate),
            PhrasedStep(number: 2, sourceIndices: [1], instruction: Instruction([.text("Click "), .label("New report"), .text(".")]),
                        screenshot: shot(2, 980), action: .click),
        ])
        let form = GuideSection(title: Instruction([.text("In the "), .label("New report"), .text(" form")]), steps: [
            PhrasedStep(number: 3, sourceIndices: [2], instruction: Instruction([
                .text("In the "), .label("Title"), .text(" field, type "), .literal("Berlin trip, March"), .text("."),
            ]), notes: ["Use the **city** and the month, like `Berlin trip, March`: approvers search by them."],
                        screenshot: shot(3, 200), action: .type),
            PhrasedStep(number: 4, sourceIndices: [3], instruction: Instruction([
                .text("In the "), .label("Password"), .text(" field, type your password."),
            ]), action: .type),
            PhrasedStep(number: 5, sourceIndices: [4], instruction: Instruction([.text("Press "), .keys(["Ctrl", "S"]), .text(" to save a draft.")]),
                        action: .press),
            PhrasedStep(number: 6, sourceIndices: [5], instruction: Instruction([
                .text("Select "), .literal("Travel"), .text(" from the "), .label("Category"), .text(" list."),
            ]), screenshot: Screenshot(path: "shots/category.jpeg", highlight: nil, width: 1280, height: 800), action: .select),
            PhrasedStep(number: 7, sourceIndices: [6], instruction: Instruction([
                .text("Click "), .label("Attach receipt"), .text(" and choose "),
                .literal("/home/ana/Receipts/2026/hotel-berlin-march.pdf"), .text("."),
            ]), notes: ["Photos work too. See https://expensa.example.com/help/receipts for the formats."], action: .upload),
            PhrasedStep(number: 8, sourceIndices: [7], instruction: Instruction([.text("Click "), .label("Submit"), .text(".")]),
                        screenshot: shot(8, 1100), action: .click),
        ])
        return PhrasedGuide(capture: capture, sections: [reports, form])
    }()

    /// A label with every character that breaks naive writers: `&`, `<`, `>`, quotes, emoji (with modifiers and
    /// joiners), a flag, and right-to-left Hebrew and Arabic text.
    static let hostileLabel = "Save & <Close> \"now\" 'ok' 👩🏽‍💻🇩🇪 שלום עולם مرحبا"

    static let hostile: PhrasedGuide = {
        let capture = Capture(
            id: "hostile-labels", title: "Tricky <labels> & \"quotes\" 🎉\u{1B}[2J", owner: "Ops & <QA>",
            purpose: "Check that odd text survives: <b>bold</b> & more.", language: "en-GB",
            steps: [Step(action: .click, target: Target(label: hostileLabel))])
        let steps = [
            PhrasedStep(number: 1, sourceIndices: [0], instruction: Instruction([.text("Click "), .label(hostileLabel), .text(".")]),
                        notes: ["Watch for ]]> and --> in \u{1B}[31mtext\u{0007}."], action: .click),
            PhrasedStep(number: 2, sourceIndices: [0], instruction: Instruction([
                .text("Type "), .literal("a<b & c>\"d\""), .text(" in the "), .label("مرحبا"), .text(" field."),
            ]), action: .type),
            PhrasedStep(number: 3, sourceIndices: [0], instruction: Instruction([
                .text("Press "), .keys(["Ctrl", "Shift", "<"]), .text(", then "), .keys(["Enter"]), .text("."),
            ]), action: .press),
        ]
        return PhrasedGuide(capture: capture, sections: [
            GuideSection(title: Instruction([.text("On the "), .label("Bell\u{07} page")]), steps: steps),
        ])
    }()

    /// A guide with no objectives, no purpose, no owner and a title that is not a task.
    static let minimal: PhrasedGuide = {
        let capture = Capture(id: "quarterly-numbers", title: "Quarterly numbers dashboard")
        let steps = [
            PhrasedStep(number: 1, sourceIndices: [0], instruction: Instruction([
                .text("Open "), .link(url: "https://www.dashboards.example.org:8443/q3?id=77", spoken: ""), .text("."),
            ]), action: .navigate),
        ]
        return PhrasedGuide(capture: capture, sections: [GuideSection(title: nil, steps: steps)])
    }()

    static let all: [(name: String, guide: PhrasedGuide)] = [
        ("expense-report", expenseReport), ("hostile-labels", hostile), ("minimal", minimal),
    ]
}
