import Foundation
import WaymarkLocators
import WaymarkModel

/// Writes the one imperative sentence for a folded step, in the voice of a careful technical writer.
///
/// Names what the learner sees in bold, what they type as code, keys as `**Ctrl+S**`. Never prints a secret or a
/// machine locator; warns (with the capture's step number) whenever it had to guess a name.
struct SentenceBuilder {
    let run: PhrasingRun
    let draft: DraftStep
    let number: Int
    var diagnostics: [Diagnostic] = []

    init(run: PhrasingRun, draft: DraftStep, number: Int) {
        self.run = run
        self.draft = draft
        self.number = number
    }

    /// The capture's own 1-based step number of the main event, as the writer sees it in the capture file.
    var captureStep: Int { (draft.indices.last ?? 0) + 1 }

    mutating func instruction() -> Instruction {
        if let writer = draft.writerInstruction {
            if run.isSecret(writer) {
                diagnostics.append(run.warning(
                    .phraseInstructionSensitive,
                    "The instruction of step \(captureStep) contains a sensitive value; a generated sentence is used instead.",
                    hint: "Reword the step's instruction without the secret.", step: nil))
            } else if LocatorText.containsLocator(in: writer) {
                diagnostics.append(run.warning(
                    .phraseInstructionSelector,
                    "The instruction of step \(captureStep) quotes a machine locator; a generated sentence is used instead.",
                    hint: "Write the instruction with the words the learner sees on screen, not selectors.", step: nil))
            } else {
                return WriterText.parse(writer)
            }
        }
        return generated()
    }

    // MARK: - Names

    /// The bold name of a target, or a plain description when no label exists.
    mutating func name(_ target: Target?, fallbackRole: String, field: String = "target") -> [Instruction.Segment] {
        let described = TargetDescriber.describe(target)
        if let name = described.name, !run.isSecret(name) {
            if described.origin == .selectorWords {
                diagnostics.append(run.warning(
                    .phraseLabelFromSelector,
                    "Step \(captureStep) has no label for its \(field); the guide calls it \"\(name)\", made from its selector.",
                    hint: "Add a `label` to the step's \(field) in the capture with the text the learner sees on screen.",
                    step: nil))
            }
            return [.label(name)]
        }
        let role = described.role ?? fallbackRole
        diagnostics.append(run.warning(
            .phraseNoLabel,
            "Step \(captureStep) has no readable name for its \(field); the guide says \"the \(role)\".",
            hint: "Add a `label` to the step's \(field) in the capture with the text the learner sees on screen.",
            step: nil))
        let highlighted = draft.screenshot?.highlight != nil ? "highlighted " : ""
        return [.text("the \(highlighted)\(role)")]
    }

    func hasName(_ target: Target?) -> Bool {
        guard let target else { return false }
        return target.label != nil || !target.selectors.isEmpty || target.role != nil
    }

    func roleOf(_ target: Target?) -> String? { TargetDescriber.describe(target).role }

    /// A value the learner types or sees, unless it is secret.
    func visible(_ value: String?) -> String? {
        guard let value, !value.isEmpty, !draft.sensitive, !run.isSecret(value) else { return nil }
        return value
    }

    // MARK: - Sentences

    mutating func generated() -> Instruction {
        var s: [Instruction.Segment] = []
        switch draft.action {
        case .navigate:
            if let url = draft.url?.trimming(.whitespacesAndNewlines), !url.isEmpty {
                if run.isSecret(url) {
                    s = [.text("Go to the address you were given for this step.")]
                } else {
                    s = [.text("Go to "), .link(url: url, spoken: spokenAddress(url)), .text(".")]
                }
            } else if hasName(draft.target) {
                s = [.text("Go to ")] + name(draft.target, fallbackRole: "page") + [.text(".")]
            } else {
                s = [.text("Open the page.")]
            }
        case .click:
            s = [.text("Click ")] + name(draft.target, fallbackRole: "item") + [.text(".")]
        case .doubleClick:
            s = [.text("Double-click ")] + name(draft.target, fallbackRole: "item") + [.text(".")]
        case .rightClick:
            s = [.text("Right-click ")] + name(draft.target, fallbackRole: "item")
            if let choice = draft.menuChoice {
                s += [.text(" and choose ")] + name(choice, fallbackRole: "menu item", field: "menu item")
            }
            s.append(.text("."))
        case .hover:
            s = [.text("Hover over ")] + name(draft.target, fallbackRole: "item") + [.text(".")]
        case .type:
            s = typeSentence()
        case .press:
            let keys = KeyNames.combination(key: draft.key, modifiers: draft.modifiers)
            if keys.isEmpty {
                diagnostics.append(run.warning(
                    .phraseNoKey, "Step \(captureStep) presses a key but the capture does not say which.",
                    hint: "Set `key` on the step.", step: nil))
                s = [.text("Press the key shown in the recording.")]
            } else if hasName(draft.target) && TargetDescriber.describe(draft.target).name != nil {
                s = [.text("In ")] + name(draft.target, fallbackRole: "field") + [.text(", press "), .keys(keys), .text(".")]
            } else if let purpose = KeyNames.purpose(of: keys) {
                s = [.text("Press "), .keys(keys), .text(" to \(purpose).")]
            } else {
                s = [.text("Press "), .keys(keys), .text(".")]
            }
        case .select:
            if let value = visible(draft.value) {
                s = [.text("Select "), .label(value.collapsingWhitespace), .text(" from ")]
                    + name(draft.target, fallbackRole: "list") + [.text(".")]
            } else if draft.sensitive || run.isSecret(draft.value) {
                s = [.text("In ")] + name(draft.target, fallbackRole: "list") + [.text(", select your choice.")]
            } else {
                s = [.text("Select an option from ")] + name(draft.target, fallbackRole: "list") + [.text(".")]
            }
        case .check, .uncheck:
            let verb = draft.action == .check ? "Select" : "Clear"
            let role = roleOf(draft.target)
            if role == "option" {
                s = [.text("\(verb) ")] + name(draft.target, fallbackRole: "option") + [.text(".")]
            } else {
                let named = name(draft.target, fallbackRole: "check box")
                if case .label = named.first {
                    s = [.text("\(verb) the ")] + named + [.text(" check box.")]
                } else {
                    s = [.text("\(verb) ")] + named + [.text(".")]
                }
            }
        case .scroll:
            s = scrollSentence()
        case .drag:
            s = [.text("Drag ")] + name(draft.target, fallbackRole: "item")
            if let destination = draft.destination {
                s += [.text(" to ")] + name(destination, fallbackRole: "drop area", field: "destination")
            }
            s.append(.text("."))
        case .upload:
            let fileName = visible(draft.value).map(Self.fileName(of:))
            if hasName(draft.target) {
                s = [.text("Click ")] + name(draft.target, fallbackRole: "file picker")
            } else {
                s = [.text("Open the file picker")]
            }
            if let fileName, !fileName.isEmpty {
                s += [.text(" and choose the file "), .literal(fileName), .text(".")]
            } else {
                s += [.text(" and choose the file to upload.")]
            }
        case .wait:
            s = waitSentence()
        case .assert:
            s = assertSentence()
        case .switchContext:
            s = switchSentence()
        case .note:
            s = [.text("Read the note below.")]
        case .custom:
            let kind = draft.customType.flatMap { IdentifierWords.words(from: $0) }
            diagnostics.append(run.warning(
                .phraseCustomStep,
                "Step \(captureStep) is a custom step (\(draft.customType ?? "unknown type")) that Waymark cannot phrase exactly.",
                hint: "Give the step an `instruction` in the capture with the sentence learners should read.", step: nil))
            if let kind {
                s = [.text("Complete the "), .label(kind), .text(" step")]
            } else {
                s = [.text("Complete the recorded step")]
            }
            if TargetDescriber.describe(draft.target).name != nil {
                s += [.text(" on ")] + name(draft.target, fallbackRole: "item")
            }
            s.append(.text("."))
        }
        return Instruction(s)
    }

    mutating func typeSentence() -> [Instruction.Segment] {
        let described = TargetDescriber.describe(draft.target)
        let hasField = described.name != nil || draft.target != nil
        let value = draft.value ?? ""
        var s: [Instruction.Segment]
        if draft.sensitive || run.isSecret(value) {
            let what = described.name.map { secretNoun(for: $0) } ?? "the required value"
            s = [.text("Enter \(what)")]
            if hasField { s += [.text(" in ")] + name(draft.target, fallbackRole: "field") }
        } else if draft.value == nil {
            // The recorder did not capture the text (Steps Recorder never does).
            s = hasField ? [.text("Type the text in ")] + name(draft.target, fallbackRole: "field") : [.text("Type the text")]
        } else if value.isEmpty {
            s = hasField ? [.text("Clear ")] + name(draft.target, fallbackRole: "field") : [.text("Clear the field")]
        } else if hasField {
            s = [.text("In ")] + name(draft.target, fallbackRole: "field") + [.text(", type "), .literal(value)]
        } else {
            s = [.text("Type "), .literal(value)]
        }
        if let keys = draft.followUpKeys {
            s += [.text(" and press "), .keys(keys)]
        }
        s.append(.text("."))
        return s
    }

    /// "your password", "your PIN" (the learner's own secrets); otherwise "the card number", "the bank account (IBAN)"
    /// — a named secret that may belong to someone else — or "the required value" when the label says nothing.
    func secretNoun(for label: String) -> String {
        let lowered = label.lowercased()
        if lowered.contains("password") || lowered.contains("passwort") || lowered.contains("passphrase") {
            return "your password"
        }
        if lowered == "pin" || lowered.hasPrefix("pin ") || lowered.hasSuffix(" pin") || lowered.contains("passcode") {
            return "your PIN"
        }
        let named = ["card", "account", "number", "code", "token", "key", "secret", "ssn", "iban", "email", "name",
                     "phone", "user", "login", "social", "tax", "birth", "salary"]
        guard label.count <= 40, named.contains(where: { lowered.contains($0) }) else { return "the required value" }
        // Lowercase ordinary words, keep acronyms (IBAN, SSN) as written.
        let words = label.split(separator: " ").map { word -> String in
            word.filter(\.isUppercase).count >= 2 ? String(word) : word.lowercased()
        }
        return "the " + words.joined(separator: " ")
    }

    mutating func scrollSentence() -> [Instruction.Segment] {
        if TargetDescriber.describe(draft.target).name != nil {
            return [.text("Scroll to ")] + name(draft.target, fallbackRole: "item") + [.text(".")]
        }
        let direction = (draft.value ?? "").lowercased().trimming(.whitespaces)
        switch direction {
        case "up", "down", "left", "right": return [.text("Scroll \(direction).")]
        case "top", "to top": return [.text("Scroll to the top of the page.")]
        case "bottom", "to bottom", "end": return [.text("Scroll to the bottom of the page.")]
        default: return [.text("Scroll down the page.")]
        }
    }

    mutating func waitSentence() -> [Instruction.Segment] {
        if TargetDescriber.describe(draft.target).name != nil {
            return [.text("Wait until ")] + name(draft.target, fallbackRole: "item") + [.text(" appears.")]
        }
        if let value = draft.value?.trimming(.whitespaces), let seconds = Double(value), seconds > 0 {
            let whole = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
            return [.text("Wait \(whole) second\(seconds == 1 ? "" : "s").")]
        }
        return [.text("Wait until the page has finished loading.")]
    }

    mutating func assertSentence() -> [Instruction.Segment] {
        let hasLabel = TargetDescriber.describe(draft.target).name != nil
        let value = visible(draft.value).map(\.collapsingWhitespace)
        switch (hasLabel, value) {
        case (true, let value?):
            return [.text("Check that ")] + name(draft.target, fallbackRole: "item") + [.text(" reads "), .label(value), .text(".")]
        case (true, nil):
            return [.text("Check that ")] + name(draft.target, fallbackRole: "item") + [.text(" is shown.")]
        case (false, let value?):
            return [.text("Check that the page shows "), .label(value), .text(".")]
        case (false, nil):
            if draft.target != nil {
                return [.text("Check that ")] + name(draft.target, fallbackRole: "item") + [.text(" is shown.")]
            }
            return [.text("Check that the result matches the recording.")]
        }
    }

    mutating func switchSentence() -> [Instruction.Segment] {
        let raw = draft.target?.label ?? draft.value ?? draft.target?.context
        let kindWord: String
        switch run.kind(ofRole: draft.target?.role) {
        case .tab: kindWord = "tab"
        case .frame: kindWord = "frame"
        case .dialog: kindWord = "dialog"
        case .application: kindWord = "application"
        case .page, .homePage: kindWord = "page"
        default: kindWord = "window"
        }
        guard let raw, let cleaned = TargetDescriber.cleanLabel(raw), !run.isSecret(cleaned) else {
            return [.text("Switch to the new \(kindWord).")]
        }
        if ["top", "relative=top", "relative=parent", "parent", "main", "default", "_top"].contains(cleaned.lowercased()) {
            return [.text("Return to the main page.")]
        }
        let place = run.place(named: cleaned, defaultKind: run.kind(ofRole: draft.target?.role) ?? .window)
        if place.kind == .application {
            return [.text("Switch to "), .label(place.name), .text(".")]
        }
        let word: String
        switch place.kind {
        case .tab: word = "tab"
        case .frame: word = "frame"
        case .dialog: word = "dialog"
        case .page, .homePage: word = "page"
        case .pane: word = "pane"
        default: word = "window"
        }
        return [.text("Switch to the "), .label(place.name), .text(" \(word).")]
    }

    /// How an address is said aloud: its host without `www.`.
    func spokenAddress(_ url: String) -> String {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return url }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// `C:\fakepath\receipt.pdf` → `receipt.pdf`.
    static func fileName(of path: String) -> String {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return parts.last.map(String.init) ?? path
    }
}
