import Foundation
import WaymarkModel

/// UI.Vision RPA's desktop and visual commands (`XClick`, `XType`, `XMove`, `XRun`, `visualAssert`, `OCRExtract` …)
/// as steps of the shared Selenese command table.
///
/// These commands find their place on the screen by a reference image, by text read from the screen (OCR) or by
/// coordinates, not by a page element. A learner can follow text and coordinates, so those become sentences; an
/// image cannot be shown in words, so the step says plainly that the place is found by an image — a reference
/// image's file name (`save_button_dpi_96.png`) is never used as a label, and the step gets a warning so the writer
/// adds an instruction.
struct SeleneseDesktopCommand {
    let command: SeleneseCommand
    let context: String?
    /// Warnings for steps whose place is found by an image only.
    private(set) var diagnostics: [Diagnostic] = []

    init(command: SeleneseCommand, context: String?) {
        self.command = command
        self.context = context
    }

    private static let names: Set<String> = [
        "XClick", "XClickRelative", "XClickText", "XClickTextRelative", "XMove", "XMoveRelative", "XMoveText",
        "XMoveTextRelative", "XMouseWheel", "XType", "XRun", "XRunAndWait", "XDesktopAutomation", "visualAssert", "visualVerify",
        "visualSearch", "visualGetPixelColor", "OCRExtract", "OCRExtractRelative", "OCRExtractbyTextRelative",
        "OCRExtractScreenshot", "OCRSearch", "ocrExtract", "ocrSearch",
    ]

    /// Whether `name` is one of UI.Vision's desktop or visual commands.
    static func handles(_ name: String) -> Bool { names.contains(name) }

    /// Where the command points, as UI.Vision writes it.
    enum Place: Equatable {
        /// A reference image (`button.png`, `button.png@0.8`): nothing a person can read.
        case image
        /// Text read from the screen (`ocr=Save`, or the target of `XClickText`).
        case text(String)
        /// Screen coordinates (`120,340`).
        case point(Int, Int)
        /// A page element by a Selenium locator (`xpath=…`, `css=…`, `id=…`, `//…`): `XClick` clicks where it is.
        case element(String)
        case none
    }

    /// Locator prefixes `XClick` and `XMove` accept besides images, text and coordinates.
    static let locatorPrefixes = ["xpath=", "css=", "id=", "name=", "link=", "linktext=", "partiallinktext=", "identifier=",
                                  "//", "(/", "./"]

    static func place(of target: String, textCommand: Bool) -> Place {
        let t = target.trimming(.whitespaces)
        if t.isEmpty { return .none }
        let lower = t.lowercased()
        if lower.hasPrefix("ocr=") { return .text(String(t.dropFirst(4)).trimming(.whitespaces)) }
        if locatorPrefixes.contains(where: { lower.hasPrefix($0) }) { return .element(t) }
        let coordinates = t.split(separator: ",").map { $0.trimming(.whitespaces) }
        if coordinates.count == 2, let x = Int(coordinates[0]), let y = Int(coordinates[1]) { return .point(x, y) }
        let imageName = lower.split(separator: "@").first.map(String.init) ?? lower
        if [".png", ".jpg", ".jpeg", ".gif", ".bmp"].contains(where: { imageName.hasSuffix($0) }) { return .image }
        return textCommand ? .text(t) : .image
    }

    /// The screen, or the window the table is in, as the step's context.
    private var screen: String { context ?? "screen" }

    private mutating func imageOnly(_ what: String) {
        diagnostics.append(Diagnostic(
            .uivisionVisualCommand,
            "The command '\(command.name)' finds \(what) by comparing the screen with the image '\(command.target)'; the step says so, without naming the image.",
            hint: "Add an \"instruction\" to the step in the converted capture naming what a person clicks or checks there.",
            at: command.location))
    }

    /// The steps for the command (one, or several for a key sequence).
    mutating func steps(substitute: (String) -> String, element: (String) -> Target) -> [Step] {
        let name = command.name
        let textCommand = name.contains("Text") || name.lowercased().hasPrefix("ocrsearch")
        let place = Self.place(of: substitute(command.target), textCommand: textCommand)
        let value = command.value.trimming(.whitespaces)
        switch name {
        case "XClick", "XClickRelative", "XClickText", "XClickTextRelative":
            let action: Action = value.contains("#doubleclick") ? .doubleClick : value.contains("#right") ? .rightClick : .click
            // `#tripleclick` selects a line or paragraph: three clicks, said as such.
            let triple = value.contains("#tripleclick") ? "Click three times in quick succession (it selects the whole line)." : nil
            switch place {
            case .element(let locator):
                return [Step(action: action, target: element(locator), note: triple)]
            case .text(let text):
                return [Step(action: action, target: Target(label: text, context: screen), note: triple)]
            case .point(let x, let y):
                return [Step(action: action, target: Target(context: screen),
                             instruction: "\(verb(action)) the point \(x), \(y) on the screen (pixels from the top-left corner).")]
            case .image, .none:
                imageOnly("the place to click")
                return [Step(action: action, target: Target(context: screen),
                             note: ["The recorder finds this place by an image of it; compare with the recording to see what it is.", triple]
                                .compactMap { $0 }.joined(separator: " "),
                             instruction: "\(verb(action)) the place on the screen that the recording marks with a reference image.")]
            }
        case "XMove", "XMoveRelative", "XMoveText", "XMoveTextRelative":
            let hold = value.contains("#down") ? "Press and hold the mouse button, then move" : value.contains("#up") ? "Move" : "Move"
            let release = value.contains("#up") ? ", then release the mouse button" : ""
            switch place {
            case .element(let locator):
                return [Step(action: .hover, target: element(locator))]
            case .text(let text):
                return [Step(action: .hover, target: Target(label: text, context: screen),
                             instruction: value.contains("#") ? "\(hold) the mouse pointer to “\(text)”\(release)." : nil)]
            case .point(let x, let y):
                return [Step(action: .hover, target: Target(context: screen),
                             instruction: "\(hold) the mouse pointer to the point \(x), \(y) on the screen\(release).")]
            case .image, .none:
                imageOnly("where to move the mouse pointer")
                return [Step(action: .hover, target: Target(context: screen),
                             instruction: "\(hold) the mouse pointer to the place on the screen that the recording marks with a reference image\(release).")]
            }
        case "XMouseWheel":
            // The target is how far the wheel turns; which way is down depends on the system, so it is not guessed.
            return [Step(action: .scroll, target: Target(context: screen),
                         instruction: "Scroll with the mouse wheel, as far as the recording does.")]
        case "XType":
            return Self.keySteps(substitute(command.target), context: screen)
        case "XRun", "XRunAndWait":
            let program = command.target.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? command.target
            return [Step(action: .custom, value: program,
                         instruction: program.isEmpty ? "Start the program the recording names." : "Start the program “\(program)”.",
                         customType: name)]
        case "XDesktopAutomation":
            let desktop = ["true", "on", "yes"].contains(command.target.lowercased())
            return [Step(action: .note, note: desktop
                         ? "The following steps work on the whole screen, not only inside the browser."
                         : "The following steps work inside the browser again.")]
        case "visualAssert", "visualVerify":
            imageOnly("what to check")
            var step = Step(action: .assert, target: Target(context: screen),
                            instruction: "Check that the screen shows what the recording's reference image shows.")
            if name == "visualVerify" { step.note = "If this differs, note it and carry on." }
            return [step]
        case "OCRSearch", "ocrSearch":
            if case .text(let text) = place {
                return [Step(action: .assert, target: Target(context: screen), value: text,
                             instruction: "Check that the screen shows “\(text)”.")]
            }
            return [Step(action: .note, note: "The recording reads text from the screen; there is nothing to do by hand.")]
        case "visualSearch", "visualGetPixelColor":
            let saved = value.isEmpty ? "" : " (saved as \(value))"
            return [Step(action: .note, note: "The recording looks at the screen to decide what comes next\(saved); there is nothing to do by hand.")]
        default: // OCRExtract …
            let saved = value.isEmpty ? "" : " (saved as \(value))"
            return [Step(action: .note, note: "Note the text shown in the marked area of the screen\(saved).")]
        }
    }

    private func verb(_ action: Action) -> String {
        switch action {
        case .doubleClick: "Double-click"
        case .rightClick: "Right-click"
        default: "Click"
        }
    }

    /// `XType` text: plain text is typed; `${KEY_CTRL+KEY_S}` is a key press with modifiers.
    static func keySteps(_ text: String, context: String) -> [Step] {
        var steps: [Step] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${KEY_"), let close = rest[start.upperBound...].firstIndex(of: "}") {
            let before = String(rest[..<start.lowerBound])
            if !before.isEmpty { steps.append(Step(action: .type, target: Target(context: context), value: before)) }
            let combo = String(rest[rest.index(start.lowerBound, offsetBy: 2)..<close])
            var modifiers: [KeyModifier] = []
            var key: String?
            for part in combo.split(separator: "+") {
                let name = part.hasPrefix("KEY_") ? String(part.dropFirst(4)) : String(part)
                switch name.uppercased() {
                case "CTRL", "CONTROL": modifiers.append(.ctrl)
                case "ALT": modifiers.append(.alt)
                case "SHIFT": modifiers.append(.shift)
                case "WIN", "META", "CMD", "COMMAND": modifiers.append(.meta)
                default:
                    let upper = name.uppercased()
                    key = SeleneseCommandTable.keyNames[upper] ?? (upper.count == 1 ? upper : name.capitalized)
                }
            }
            if let key {
                steps.append(Step(action: .press, target: Target(context: context), key: key, modifiers: modifiers))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { steps.append(Step(action: .type, target: Target(context: context), value: String(rest))) }
        return steps
    }
}
