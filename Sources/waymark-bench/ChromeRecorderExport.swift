import WaymarkModel
import WaymarkJSON

/// Writes a capture the way Chrome DevTools Recorder exports a recording: `{title, steps: [...]}` with
/// `setViewport`, `navigate` with asserted navigation events, `click` with `aria/` and CSS selectors, `change` for
/// typed and selected values, `keyDown`/`keyUp` pairs, `hover` and `waitForElement`.
///
/// The Recorder has no notes, owners or screenshots, so those parts of the capture are not written.
enum ChromeRecorderExport {
    static func json(_ capture: Capture) -> String {
        var steps: [JSONNode] = [
            .object([("type", .string("setViewport")), ("width", .number(1280)), ("height", .number(800)),
                     ("deviceScaleFactor", .number(1)), ("isMobile", .bool(false)), ("hasTouch", .bool(false)),
                     ("isLandscape", .bool(false))]),
        ]
        for (index, step) in capture.steps.enumerated() {
            steps.append(contentsOf: nodes(for: step, index: index, title: capture.title))
        }
        return JSONWriter.write(.object([("title", .string(capture.title)), ("steps", .array(steps))]))
    }

    private static func selectors(_ target: Target?) -> JSONNode {
        let list = target?.selectors ?? []
        return .array((list.isEmpty ? ["body"] : list).map { .array([.string($0)]) })
    }

    private static func nodes(for step: Step, index: Int, title: String) -> [JSONNode] {
        let offset: [(String, JSONNode)] = [("offsetX", .number(Double(17 + index % 90) + 0.5)),
                                            ("offsetY", .number(Double(9 + index % 20) + 0.25))]
        switch step.action {
        case .navigate:
            let url = step.url ?? "about:blank"
            return [.object([("type", .string("navigate")), ("url", .string(url)),
                             ("assertedEvents", .array([.object([("type", .string("navigation")),
                                                                  ("url", .string(url)),
                                                                  ("title", .string(title))])]))])]
        case .click, .check, .uncheck:
            return [.object([("type", .string("click")), ("target", .string("main")),
                             ("selectors", selectors(step.target))] + offset)]
        case .type, .select:
            var out: [JSONNode] = []
            if step.action == .type {
                out.append(.object([("type", .string("click")), ("target", .string("main")),
                                    ("selectors", selectors(step.target))] + offset))
            }
            out.append(.object([("type", .string("change")), ("target", .string("main")),
                                ("selectors", selectors(step.target)), ("value", .string(step.value ?? ""))]))
            return out
        case .press:
            let names = step.modifiers.sorted().map(keyName) + [step.key.map { step.modifiers.isEmpty ? $0 : $0.lowercased() } ?? "Enter"]
            let down = names.map { JSONNode.object([("type", .string("keyDown")), ("target", .string("main")), ("key", .string($0))]) }
            let up = names.reversed().map { JSONNode.object([("type", .string("keyUp")), ("target", .string("main")), ("key", .string($0))]) }
            return down + up
        case .hover:
            return [.object([("type", .string("hover")), ("target", .string("main")), ("selectors", selectors(step.target))])]
        case .assert, .wait:
            var sel = step.target?.selectors ?? []
            if let value = step.value { sel.insert("text/\(value)", at: 0) }
            return [.object([("type", .string("waitForElement")), ("target", .string("main")),
                             ("selectors", .array((sel.isEmpty ? ["body"] : sel).map { .array([.string($0)]) }))])]
        case .scroll:
            return [.object([("type", .string("scroll")), ("target", .string("main")), ("x", .number(0)), ("y", .number(640))])]
        case .note, .doubleClick, .rightClick, .drag, .upload, .switchContext, .custom:
            return []
        }
    }

    private static func keyName(_ modifier: KeyModifier) -> String {
        switch modifier {
        case .ctrl: "Control"
        case .alt: "Alt"
        case .shift: "Shift"
        case .meta: "Meta"
        }
    }
}
