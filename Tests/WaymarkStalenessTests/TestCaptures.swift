import Foundation
import WaymarkModel

/// Captures built in code for the engine tests: a small order-entry process.
enum TestCaptures {
    static func order(submitLabel: String = "Submit", owner: String? = "Ana Ruiz", reviewBy: String? = "2030-01-01") -> Capture {
        Capture(
            id: "create-order", title: "Create an order", application: "Shop admin", owner: owner,
            purpose: "Enter a customer's phone order.", reviewBy: reviewBy.flatMap(CalendarDate.init),
            recordedAt: "2025-01-10T09:00:00Z",
            source: CaptureSource(format: .waymarkJSON, path: "captures/create-order.json"),
            steps: [
                Step(action: .navigate, url: "https://shop.example.com/admin/orders?utm_source=mail&view=list"),
                Step(action: .click, target: Target(label: "New order", role: "button", selectors: ["#new"])),
                Step(action: .type, target: Target(label: "Customer", role: "text field"), value: "ACME Ltd"),
                Step(action: .type, target: Target(label: "Password", role: "text field"), value: "hunter2", sensitive: true),
                Step(action: .click, target: Target(label: submitLabel, role: "button", selectors: ["button.primary"])),
                Step(action: .press, key: "S", modifiers: [.shift, .ctrl]),
            ])
    }
}
