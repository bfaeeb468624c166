import Foundation
import WaymarkLocators
import WaymarkModel

/// Turns a capture's recorded steps into the numbered, sectioned instructions a careful technical writer would write.
///
/// Recorders log low-level events; people think in actions. The phraser folds events a person sees as one action
/// (typing a word key by key, clicking a field and typing into it, right-clicking and choosing a menu item), starts
/// a new section when the page, window or application changes, keeps secrets out of every sentence, and never
/// prints a machine locator: when a control has no human label it is described in words and a warning says so.
/// Guides, job aids, quizzes and narration all read its result, so they all say the same thing.
///
/// It phrases a prepared capture: labels read from selectors and secrets marked and masked before it runs
/// (`CapturePreparation` in WaymarkActions, which every command uses).
public struct StepPhraser: Sendable {
    public init() {}

    public func phrase(_ capture: Capture) -> PhrasedGuide {
        var run = PhrasingRun(capture: capture)
        return run.phrase()
    }
}

/// Where steps happen; a change of place starts a new guide section.
struct Place: Hashable {
    enum Kind: String { case page, homePage, window, dialog, tab, frame, application, pane, screen }
    var name: String
    var kind: Kind

    var title: Instruction {
        switch kind {
        case .page: Instruction([.text("On the "), .label(name), .text(" page")])
        case .homePage: Instruction([.text("On the "), .label(name), .text(" home page")])
        case .window: Instruction([.text("In the "), .label(name), .text(" window")])
        case .dialog: Instruction([.text("In the "), .label(name), .text(" dialog")])
        case .tab: Instruction([.text("In the "), .label(name), .text(" tab")])
        case .frame: Instruction([.text("In the "), .label(name), .text(" frame")])
        case .pane: Instruction([.text("In the "), .label(name), .text(" pane")])
        case .application: Instruction([.text("In "), .label(name)])
        // Desktop automation (UI.Vision's XClick, XType …) works on the whole screen, not on a page.
        case .screen: Instruction([.text("On the screen")])
        }
    }

    func sameName(as other: Place?) -> Bool {
        guard let other else { return false }
        return name.lowercased() == other.name.lowercased()
    }
}

/// One human step while folding: the recorded events it stands for and what it means.
struct DraftStep {
    var indices: [Int]
    var action: Action
    var target: Target?
    var value: String?
    var sensitive: Bool
    var key: String?
    var modifiers: [KeyModifier]
    var url: String?
    var destination: Target?
    var screenshot: Screenshot?
    var notes: [String] = []
    var writerInstruction: String?
    var customType: String?
    /// Keys pressed right after typing ("type `jec` and press **Tab**").
    var followUpKeys: [String]?
    /// The menu item chosen after a right-click.
    var menuChoice: Target?
    /// Whether the typed value was built from single keystrokes (so further keystrokes append).
    var builtFromKeystrokes = false
    var place: Place?

    init(index: Int, step: Step) {
        indices = [index]
        action = step.action
        target = step.target
        value = step.value
        sensitive = step.sensitive
        key = step.key
        modifiers = step.modifiers
        url = step.url
        destination = step.destination
        screenshot = step.screenshot
        writerInstruction = step.instruction.flatMap { $0.trimming(.whitespacesAndNewlines).isEmpty ? nil : $0 }
        customType = step.customType
        if let note = step.note?.trimming(.whitespacesAndNewlines), !note.isEmpty { notes = [note] }
    }

    var isFoldable: Bool { writerInstruction == nil }
}

/// The state of phrasing one capture.
struct PhrasingRun {
    let capture: Capture
    var diagnostics: [Diagnostic] = []
    /// Every sensitive value in the capture: no sentence may contain any of them, wherever it appears.
    let secrets: [String]
    let isWeb: Bool

    /// `capture` must be prepared (`Redactor.prepare`, which `CapturePreparation` applies for every command): the
    /// redaction policy — which values are secret, what is masked — lives in `Redactor` alone.
    init(capture: Capture) {
        self.capture = capture
        self.secrets = Redactor.secrets(of: capture)
        self.isWeb = capture.steps.contains { $0.url?.lowercased().hasPrefix("http") == true }
            || capture.source.format == .chromeRecorder || capture.source.format == .seleniumIDE
    }

    /// Whether text must not be printed because it is or contains a secret.
    func isSecret(_ text: String?) -> Bool {
        guard let text else { return false }
        return Redactor.reveals(text, secrets: secrets)
    }

    mutating func phrase() -> PhrasedGuide {
        let drafts = fold()
        var sections: [GuideSection] = []
        var number = 0
        for draft in drafts {
            number += 1
            var sentence = SentenceBuilder(run: self, draft: draft, number: number)
            let instruction = sentence.instruction()
            diagnostics.append(contentsOf: sentence.diagnostics)
            let notes = draft.notes.compactMap { note -> String? in
                if isSecret(note) {
                    diagnostics.append(warning(
                        .phraseNoteSensitive, "A note of step \(draft.indices[0] + 1) contains a sensitive value and was left out.",
                        hint: "Reword the note without the secret.", step: draft.indices[0]))
                    return nil
                }
                if LocatorText.containsLocator(in: note) {
                    diagnostics.append(warning(
                        .phraseNoteSelector, "A note of step \(draft.indices[0] + 1) quotes a machine locator and was left out.",
                        hint: "Reword the note with the words the learner sees on screen.", step: draft.indices[0]))
                    return nil
                }
                return note
            }
            let step = PhrasedStep(
                number: number, sourceIndices: draft.indices, instruction: instruction, notes: notes,
                screenshot: draft.screenshot, action: draft.action)
            let title = draft.place?.title
            if let last = sections.last, last.title == title || (title == nil && draft.place == nil) {
                sections[sections.count - 1].steps.append(step)
            } else {
                sections.append(GuideSection(title: title, steps: [step]))
            }
        }
        return PhrasedGuide(capture: capture, sections: sections, diagnostics: diagnostics)
    }

    func warning(_ code: DiagnosticCode, _ message: String, hint: String?, step index: Int?) -> Diagnostic {
        Diagnostic(code, message, hint: hint, at: SourceLocation(file: capture.source.path.isEmpty ? nil : capture.source.path))
    }

    // MARK: - Folding

    /// Folds recorded events into human steps and assigns each its place.
    mutating func fold() -> [DraftStep] {
        var drafts: [DraftStep] = []
        var leadingNotes: [(Int, String)] = []
        var place: Place?
        for (index, step) in capture.steps.enumerated() {
            if step.action == .note && step.instruction == nil {
                let text = (step.note ?? step.value ?? "").trimming(.whitespacesAndNewlines)
                guard !text.isEmpty else {
                    if !drafts.isEmpty { drafts[drafts.count - 1].indices.append(index) }
                    continue
                }
                if drafts.isEmpty {
                    leadingNotes.append((index, text))
                } else {
                    drafts[drafts.count - 1].notes.append(text)
                    drafts[drafts.count - 1].indices.append(index)
                }
                continue
            }
            var draft = DraftStep(index: index, step: step)
            // Keystrokes of single characters are typing.
            if draft.action == .press, draft.isFoldable, KeyNames.isTypedCharacter(key: step.key, modifiers: step.modifiers) {
                draft.action = .type
                draft.value = step.key
                draft.key = nil
                draft.modifiers = []
                draft.builtFromKeystrokes = true
            }
            // A modifier pressed alone is part of the next key, not a step.
            if draft.action == .press, let key = step.key, KeyNames.isModifierOnly(key), step.modifiers.isEmpty || step.modifiers.count == 1 {
                if !drafts.isEmpty { drafts[drafts.count - 1].indices.append(index) }
                continue
            }
            place = nextPlace(for: step, at: index, current: place)
            draft.place = place
            if var last = drafts.last, last.isFoldable, draft.isFoldable, last.place == draft.place || draft.action == .navigate,
               Self.fold(&last, with: draft) {
                drafts[drafts.count - 1] = last
                continue
            }
            drafts.append(draft)
        }
        if !leadingNotes.isEmpty {
            if drafts.isEmpty {
                // A capture of notes only: each note is read as a step.
                for (index, text) in leadingNotes {
                    var draft = DraftStep(index: index, step: Step(action: .note))
                    draft.writerInstruction = text
                    drafts.append(draft)
                }
            } else {
                drafts[0].notes.insert(contentsOf: leadingNotes.map(\.1), at: 0)
                drafts[0].indices.insert(contentsOf: leadingNotes.map(\.0), at: 0)
            }
        }
        return drafts
    }

    /// Folds `next` into `last` when a person would see both as one action. Returns false to keep them apart.
    static func fold(_ last: inout DraftStep, with next: DraftStep) -> Bool {
        switch (last.action, next.action) {
        case (.type, .type) where last.followUpKeys == nil && last.notes.isEmpty && sameField(last.target, next.target):
            // A note between two typings (an "Otherwise" of a condition, a writer's remark) keeps them apart.
            let old = last.value ?? ""
            let new = next.value ?? ""
            if next.builtFromKeystrokes && last.builtFromKeystrokes {
                last.value = old + new
            } else if next.builtFromKeystrokes {
                last.value = old + new
                last.builtFromKeystrokes = true
            } else {
                // A recorder's change event carries the field's whole value: it replaces what was typed.
                last.value = new
                last.builtFromKeystrokes = false
            }
            if last.target == nil { last.target = next.target }
            last.sensitive = last.sensitive || next.sensitive
        case (.click, .type) where sameTarget(last.target, next.target) || typesIntoFocus(after: last.target, next.target):
            last.action = .type
            last.value = next.value
            last.sensitive = next.sensitive
            last.builtFromKeystrokes = next.builtFromKeystrokes
        case (.type, .press) where last.followUpKeys == nil && next.modifiers.isEmpty
            && ["Enter", "Tab"].contains(next.key.flatMap(KeyNames.keyName) ?? "")
            && (next.target == nil || sameTarget(last.target, next.target)):
            last.followUpKeys = [KeyNames.keyName(next.key ?? "") ?? "Enter"]
        case (.rightClick, .click) where last.menuChoice == nil && isMenuItem(next.target):
            last.menuChoice = next.target
        case (.hover, .click) where sameTarget(last.target, next.target):
            last.action = .click
        case (.navigate, .navigate) where last.url == next.url:
            break
        case (.click, .click) where sameTarget(last.target, next.target) && last.screenshot == nil && next.screenshot == nil
            && last.notes.isEmpty:
            // A recorder that logs one click twice (mousedown + click): one step.
            break
        default:
            return false
        }
        last.indices.append(contentsOf: next.indices)
        if let shot = next.screenshot { last.screenshot = shot }
        last.notes.append(contentsOf: next.notes)
        return true
    }

    static func sameTarget(_ a: Target?, _ b: Target?) -> Bool {
        guard let a, let b else { return false }
        if let la = a.label.flatMap(TargetDescriber.cleanLabel), let lb = b.label.flatMap(TargetDescriber.cleanLabel) {
            // Words made from ids are a guess (`entry.933434489` and `entry.1382578664` are both "Entry"): when
            // every recorded locator differs, they are two fields.
            if la == lb, a.labelSource == .identifier || b.labelSource == .identifier,
               !a.selectors.isEmpty, !b.selectors.isEmpty, Set(a.selectors).isDisjoint(with: b.selectors) {
                return false
            }
            return la == lb
        }
        if !a.selectors.isEmpty, !b.selectors.isEmpty { return !Set(a.selectors).isDisjoint(with: b.selectors) }
        return false
    }

    /// Typing continues in the same field when the targets match or the keystroke names no field at all.
    static func sameField(_ a: Target?, _ b: Target?) -> Bool {
        if b == nil || (b?.label == nil && b?.selectors.isEmpty == true) { return true }
        return sameTarget(a, b)
    }

    /// Keystrokes recorded without a target go to whatever has focus: after a click on a field (or on something
    /// that is not clearly a button or link) that is the clicked control.
    static func typesIntoFocus(after clicked: Target?, _ typed: Target?) -> Bool {
        guard clicked != nil, typed == nil || (typed?.label == nil && typed?.selectors.isEmpty == true) else { return false }
        let role = TargetDescriber.describe(clicked).role ?? ""
        return !["button", "link", "menu item", "tab", "check box", "option"].contains(role)
    }

    static func isMenuItem(_ target: Target?) -> Bool {
        guard let target else { return false }
        let role = (target.role ?? "").lowercased()
        return role.contains("menu") || role == "option"
            || target.selectors.contains { $0.contains("menuitem") || $0.lowercased().contains("context-menu") }
    }

    // MARK: - Places

    func nextPlace(for step: Step, at index: Int, current: Place?) -> Place? {
        switch step.action {
        case .navigate:
            // The page's own name, as the next steps' context gives it, beats a name made from the address.
            let following = capture.steps[(index + 1)...].prefix { $0.action != .navigate && $0.action != .switchContext }
            let nextContext = following.first { $0.action != .note }?.target?.context
            if let url = step.url, let page = pagePlace(url: url, title: step.target?.context ?? nextContext) { return page }
            return current
        case .switchContext:
            let rawName = step.target?.label ?? step.value ?? step.target?.context
            guard let rawName, let cleaned = TargetDescriber.cleanLabel(rawName), !isGenericContext(cleaned) else {
                return current
            }
            let kind = kind(ofRole: step.target?.role) ?? .window
            return place(named: cleaned, defaultKind: kind)
        default:
            guard let context = step.target?.context, let cleaned = TargetDescriber.cleanLabel(context),
                  !isGenericContext(cleaned) else { return current }
            if let current, current.name.lowercased() == cleaned.lowercased() { return current }
            return place(named: cleaned, defaultKind: isWeb ? .page : .window)
        }
    }

    /// Contexts that name no place a learner recognises: frame keywords, and bare host names (`coffee-cart.netlify.app`),
    /// for which the page address gives a better name.
    func isGenericContext(_ name: String) -> Bool {
        if ["main", "top", "default", "parent", "relative=top", "relative=parent", "index=0", "_top", "_self", "window"]
            .contains(name.lowercased()) { return true }
        let hostLike = name.contains(".") && !name.hasPrefix(".") && !name.hasSuffix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") }
        return hostLike
    }

    /// "Print window" → window named "Print"; "Expensa" → the default kind.
    func place(named rawName: String, defaultKind: Place.Kind) -> Place {
        // "the new window" → "new window"; the title adds its own article.
        var name = rawName
        if name.lowercased().hasPrefix("the "), name.count > 4 { name = String(name.dropFirst(4)) }
        let lowered = name.lowercased()
        if lowered == "screen" { return Place(name: "screen", kind: .screen) }
        // "frame 3", "window 2": the kind word is part of the name, so the title is just "In frame 3".
        for word in ["frame", "window", "tab", "dialog", "page"] where lowered.hasPrefix(word + " ") {
            return Place(name: name, kind: .application)
        }
        let suffixes: [(String, Place.Kind)] = [
            (" window", .window), (" dialog", .dialog), (" dialog box", .dialog), (" page", .page), (" tab", .tab),
            (" frame", .frame), (" pane", .pane),
        ]
        for (suffix, kind) in suffixes where lowered.hasSuffix(suffix) && name.count > suffix.count {
            return Place(name: String(name.dropLast(suffix.count)), kind: kind)
        }
        return Place(name: name, kind: defaultKind)
    }

    func kind(ofRole role: String?) -> Place.Kind? {
        switch role?.lowercased() {
        case "window", "popup": .window
        case "dialog", "alertdialog", "modal": .dialog
        case "tab": .tab
        case "frame", "iframe": .frame
        case "application", "app": .application
        case "page": .page
        default: nil
        }
    }

    /// The page a web address shows, named after its last meaningful path segment or, for a site root, the site.
    func pagePlace(url: String, title: String?) -> Place? {
        if let title, let cleaned = TargetDescriber.cleanLabel(title), !isGenericContext(cleaned) {
            return place(named: cleaned, defaultKind: .page)
        }
        guard let components = URLComponents(string: url.trimming(.whitespaces)),
              ["http", "https"].contains(components.scheme?.lowercased() ?? "") else { return nil }
        let segments = components.path.split(separator: "/").map(String.init)
        for segment in segments.reversed() {
            var word = segment.removingPercentEncoding ?? segment
            if let dot = word.lastIndex(of: "."), ["html", "htm", "php", "aspx", "asp", "jsp", "do"].contains(word[word.index(after: dot)...].lowercased()) {
                word = String(word[..<dot])
            }
            if ["index", "default", "home"].contains(word.lowercased()) { continue }
            if let words = IdentifierWords.words(from: word) { return Place(name: words, kind: .page) }
        }
        if let application = capture.application.flatMap(TargetDescriber.cleanLabel), !isGenericContext(application) {
            return Place(name: application, kind: .homePage)
        }
        guard let host = components.host, !host.isEmpty else { return nil }
        let labels = host.split(separator: ".").filter { $0 != "www" }
        guard let first = labels.first, let words = IdentifierWords.words(from: String(first)) else { return nil }
        return Place(name: words, kind: .homePage)
    }
}
