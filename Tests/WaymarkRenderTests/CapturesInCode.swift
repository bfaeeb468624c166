import Foundation
import WaymarkModel

/// Captures built in code for rendering tests: a realistic expense report and one made of hostile labels.
enum CapturesInCode {
    static var all: [Capture] { [expenseReport, hostileLabels] }

    static let expenseReport = Capture(
        id: "submit-expense-report",
        title: "Submit an expense report",
        application: "Expensa",
        owner: "finance-enablement@example.com",
        audience: "All employees who travel for work",
        purpose: "Reports filed with the wrong category are sent back, and reimbursement waits another cycle.",
        objectives: ["create an expense report for a trip", "attach a receipt and pick the right category",
                     "submit the report for your manager's approval"],
        prerequisites: ["Sign in to Expensa.", "Have your receipts as PDF or photo files."],
        reviewBy: CalendarDate("2027-03-01"),
        recordedAt: "2026-11-02T09:14:00Z",
        recordedBy: "dana@example.com",
        language: "en",
        source: CaptureSource(format: .waymarkJSON, path: "captures/submit-expense-report.json"),
        steps: [
            Step(action: .navigate, url: "https://expensa.example.com/reports"),
            Step(action: .click, target: Target(label: "New report", role: "button"),
                 screenshot: Screenshot(path: "shots/new-report.png", highlight: Rect(x: 40, y: 120, width: 160, height: 40),
                                        width: 1280, height: 800)),
            Step(action: .type, target: Target(label: "Report name", role: "textbox"), value: "Berlin customer visit, March"),
            Step(action: .navigate, url: "https://expensa.example.com/expense-form/8f2c1a9e"),
            Step(action: .click, target: Target(label: "Add expense", role: "button")),
            Step(action: .click, target: Target(label: "Amount", selectors: ["#amount"])),
            Step(action: .type, target: Target(label: "Amount", selectors: ["#amount"]), value: "184.50"),
            Step(action: .select, target: Target(label: "Category", role: "combobox"), value: "Travel – Hotel",
                 note: "Meals during travel go under **Travel – Meals**, not **Hotel**, even when the hotel bills them."),
            Step(action: .upload, target: Target(label: "Attach receipt"), value: "C:\\fakepath\\hotel-receipt.pdf"),
            Step(action: .type, target: Target(label: "Corporate card PIN", role: "textbox"), value: "7391", sensitive: true),
            Step(action: .press, key: "s", modifiers: [.ctrl]),
            Step(action: .click, target: Target(label: "Submit for approval", role: "button")),
            Step(action: .assert, target: Target(label: "Status"), value: "Waiting for approval"),
        ])

    static let hostileLabels = Capture(
        id: "hostile-labels",
        title: "Labels: \"quoted\" <script>alert('t')</script> # {{title}} ---",
        application: "Evil <b>App</b>",
        owner: "owner@example.com | *team*",
        purpose: "Check that [links](javascript:alert(1)) and <img src=x onerror=alert(1)> stay text.",
        source: CaptureSource(format: .waymarkJSON, path: "captures/hostile.json"),
        steps: [
            Step(action: .navigate, url: "javascript:alert(1)"),
            Step(action: .click, target: Target(label: "<script>alert(1)</script>")),
            Step(action: .click, target: Target(label: "\"><img src=x onerror=alert(1)>")),
            Step(action: .type, target: Target(label: "*Name* _x_ [y](z) | `tick`"), value: "a``b <i>c</i> {{x}}"),
            Step(action: .click, target: Target(label: "{{#evil}}{{/evil}} ![img](x.png)"),
                 note: "<!-- comment --> **bold** <a href=\"javascript:x\">link</a>"),
            Step(action: .select, target: Target(label: "Level"), value: "# Heading\n- item"),
        ])
}
