import Foundation
import WaymarkLocators
import WaymarkModel

/// The one Selenese command table: turns the commands of one test into steps, whatever file they came from.
///
/// Selenium IDE projects (`.side`), Selenium IDE 1–2 / Katalon Recorder HTML test cases and UI.Vision RPA macros
/// all speak the same command language, so each reader only turns its file into `SeleneseCommand` values and this
/// table maps every command: a fix to `clickAndWait` reaches all three formats.
///
/// Every known command maps to an action or to a readable note step; scripts are never printed as instructions.
/// Rules worth knowing:
/// - `setWindowSize` becomes a prerequisite; `setSpeed` and `debugger` only affect playback and are skipped with a
///   note diagnostic, as are commented-out (`//…`) and empty commands.
/// - `…AndWait` (Selenium IDE 1–2, Katalon, UI.Vision) is the command itself followed by a page load: the step says so
///   in its note.
/// - `mouseDown(At)` [`mouseMoveAt` …] `mouseUp(At)` in a row fold into one click (same element) or one drag.
/// - `sendKeys` splits into typed text and key presses (`${KEY_ENTER}` → press Enter).
/// - `selectFrame`/`selectWindow` become switch steps, and later steps carry the frame/window as `Target.context`.
/// - `store` values are remembered so `${name}` in later values reads as the stored text.
/// - `run` brings the other test's steps in at that point (with this test's stored values); a test not in the
///   project, or a `run` cycle, becomes a note step naming it, with a warning.
/// - UI.Vision's desktop and visual commands (`XClick`, `visualAssert`, `OCRExtract` …) become steps whose sentence
///   says what to do in words, or a clear note; a reference image's file name is never a label.
/// - Unknown (plugin or legacy) commands become `custom` steps with a warning.
struct SeleneseCommandTable {
    let baseURL: String?
    /// Test names by id, and the set of names, to name the test a `run` command runs.
    let testNames: [String: String]
    let byName: Set<String>
    /// Commands of every test by name, so `run` can bring another test's steps into this one.
    let commandsByName: [String: [SeleneseCommand]]
    /// Names of the tests being run right now (this test first), to stop `run` cycles.
    private var running: [String] = []

    var steps: [Step] = []
    var prerequisites: [String] = []
    /// Problems found while mapping (unknown commands, skipped commands, unclosed blocks), in command order.
    var diagnostics: [Diagnostic] = []
    private var frames: [String] = []
    private var window: String?
    private var blocks: [String] = []
    private var variables: [String: String] = [:]
    /// Variables holding secrets (stored under a password-like name): values using them are sensitive.
    private var secretVariables: Set<String> = []
    private var newWindowHandles: Set<String> = []
    private var savedWindowHandles: Set<String> = []
    private var pendingMouseDown: (step: Step, locator: String)?
    /// `label` names seen so far: a jump to one of them goes back, to any other goes ahead.
    private var seenLabels: Set<String> = []
    /// Selenium 1 (Selenese HTML): a locator without a strategy (`j_username`, `Sign_in`) is an `identifier=` —
    /// the element's id, else its name — so it is read and kept as one, never shown as a label or taken for CSS.
    var bareWordsAreIdentifiers = false

    /// A locator with no strategy prefix and nothing CSS or XPath would need: letters, digits, `_`, `-`, `:`.
    static func isBareWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, CharacterSet.letters.contains(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" || $0 == ":" }
            && !text.contains("=")
    }

    init(baseURL: String?, testNames: [String: String] = [:], byName: Set<String> = [],
         commandsByName: [String: [SeleneseCommand]] = [:], testName: String? = nil) {
        self.baseURL = baseURL
        self.testNames = testNames
        self.byName = byName
        self.commandsByName = commandsByName
        self.running = testName.map { [$0] } ?? []
    }

    var context: String? {
        var parts: [String] = []
        if !frames.isEmpty { parts.append(frames.reversed().joined(separator: " inside the ")) }
        if let window { parts.append(window) }
        return parts.isEmpty ? nil : parts.joined(separator: " of the ")
    }

    // MARK: Reading one command

    mutating func convert(_ command: SeleneseCommand) {
        var c = command
        c.name = c.name.trimming(.whitespaces)
        if c.name.isEmpty {
            diagnostics.append(Diagnostic(.seleniumEmptyCommand, "An empty command is skipped.", at: c.location))
            return
        }
        if c.name.hasPrefix("//") {
            diagnostics.append(Diagnostic(
                .seleniumCommentedOut, "The commented-out command '\(c.name)' is skipped.", at: c.location))
            return
        }
        if pendingMouseDown != nil, !["mouseMoveAt", "mouseUp", "mouseUpAt"].contains(c.name) {
            flushMouseDown()
        }
        // `clickAndWait`, `selectAndWait`, `typeAndWait` …: the command, then the page loads.
        if c.name.hasSuffix("AndWait"), c.name.count > 7, !c.name.hasPrefix("waitFor"), !SeleneseDesktopCommand.handles(c.name) {
            c.name = String(c.name.dropLast(7))
            let before = steps.count
            map(c)
            flushMouseDown()
            if steps.count > before {
                let last = steps.count - 1
                steps[last].note = [steps[last].note, "Wait for the page to load."].compactMap { $0 }.joined(separator: " ")
            }
            return
        }
        map(c)
    }

    typealias Command = SeleneseCommand

    /// Ends the test: a pending mouse press becomes its step, and blocks left open are reported.
    mutating func finish(testName: String, at location: SourceLocation) {
        flushMouseDown()
        if !blocks.isEmpty {
            diagnostics.append(Diagnostic(
                .seleniumUnclosedBlock, "The test '\(testName)' opens \(blocks.count) control-flow block(s) without 'end'.",
                hint: "Add the missing 'end' commands in the recorder.", at: location))
        }
    }

    // MARK: Helpers

    /// The element a locator names, described for people, with every recorded locator kept (the used one first).
    func element(_ locator: String, _ alternatives: [String] = [], defaultRole: String? = nil) -> Target {
        var selectors: [String] = []
        for raw in [locator] + alternatives where !raw.isEmpty {
            let l = bareWordsAreIdentifiers && Self.isBareWord(raw) ? "identifier=" + raw : raw
            if !selectors.contains(l) { selectors.append(l) }
        }
        let words = Locator.bestWords(selectors)
        return Target(label: words.label, role: words.role ?? defaultRole, selectors: selectors, context: context,
                      labelSource: words.source)
    }

    /// "the “Email” text field", "“Submit”", "the link", "the element": for sentences of instruction steps.
    static func words(_ target: Target?) -> String {
        switch (target?.label, target?.role) {
        case let (label?, role?): "the “\(label)” \(role)"
        case let (label?, nil): "“\(label)”"
        case let (nil, role?): "the \(role)"
        default: "the element"
        }
    }

    /// Replaces `${name}` with stored values where the test stored them with `store`.
    func substitute(_ text: String) -> String {
        guard text.contains("${") else { return text }
        var out = text
        for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
            out = out.replacingOccurrences(of: "${\(name)}", with: value)
        }
        return out
    }

    /// `open` targets joined with the project's base URL.
    func absoluteURL(_ target: String) -> String {
        let t = target.trimming(.whitespaces)
        if let url = URL(string: t), url.scheme != nil { return t }
        guard let baseURL, !baseURL.isEmpty else { return t }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        if t.isEmpty { return base + "/" }
        return t.hasPrefix("/") ? base + t : base + "/" + t
    }

    /// `label=Europe` → "Europe", `value=eu` → "eu", `index=2` → "option 3", `id=x` → "X".
    static func optionWords(_ option: String) -> String {
        if option.hasPrefix("label=") { return String(option.dropFirst(6)) }
        if option.hasPrefix("value=") { return String(option.dropFirst(6)) }
        if option.hasPrefix("index="), let i = Int(option.dropFirst(6)) { return "option \(i + 1)" }
        if option.hasPrefix("id=") { return IdentifierWords.words(from: String(option.dropFirst(3))) ?? String(option.dropFirst(3)) }
        return option
    }

    mutating func add(_ step: Step, _ command: Command) {
        var step = step
        step.id = command.id
        if let comment = command.comment {
            step.note = [step.note, comment].compactMap { $0 }.joined(separator: " ")
        }
        steps.append(step)
    }

    mutating func note(_ text: String, _ command: Command, value: String? = nil) {
        add(Step(action: .note, value: value, note: text), command)
    }

    mutating func flushMouseDown() {
        guard let pending = pendingMouseDown else { return }
        pendingMouseDown = nil
        steps.append(pending.step)
    }

    /// A `type` of a file path (`/home/ada/cv.pdf`, `C:\\Users\\ada\\cv.pdf`) into a file or upload field.
    static func isUpload(_ c: Command) -> Bool {
        let value = c.value
        let looksLikePath = value.hasPrefix("/") || Self.startsWithDriveLetter(value)
        guard looksLikePath, !(value as NSString).pathExtension.isEmpty else { return false }
        return ([c.target] + c.alternatives).contains { $0.lowercased().contains("file") || $0.lowercased().contains("upload") }
    }

    /// `C:\` or `c:/` at the start of `value` (a Windows path), read from the bytes.
    static func startsWithDriveLetter(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let letter = bytes[0] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") && bytes[1] == UInt8(ascii: ":")
            && (bytes[2] == UInt8(ascii: "\\") || bytes[2] == UInt8(ascii: "/"))
    }

    static func isSensitive(_ locator: String, _ alternatives: [String]) -> Bool {
        ([locator] + alternatives).contains { $0.lowercased().foundationContains("password") }
    }

    /// Whether a command's value is secret: a password field, or a value made from a stored secret.
    func isSensitive(_ c: Command) -> Bool {
        Self.isSensitive(c.target, c.alternatives) || secretVariables.contains { c.value.foundationContains("${\($0)}") }
    }

    static let keyNames: [String: String] = [
        "ENTER": "Enter", "RETURN": "Enter", "TAB": "Tab", "BACKSPACE": "Backspace", "BKSP": "Backspace",
        "DELETE": "Delete", "DEL": "Delete", "ESCAPE": "Escape", "ESC": "Escape", "SPACE": "Space",
        "UP": "ArrowUp", "DOWN": "ArrowDown", "LEFT": "ArrowLeft", "RIGHT": "ArrowRight",
        "HOME": "Home", "END": "End", "PAGE_UP": "PageUp", "PAGE_DOWN": "PageDown", "INSERT": "Insert",
        "SHIFT": "Shift", "CONTROL": "Control", "CTRL": "Control", "ALT": "Alt", "META": "Meta", "COMMAND": "Meta",
        "F1": "F1", "F2": "F2", "F3": "F3", "F4": "F4", "F5": "F5", "F6": "F6", "F7": "F7", "F8": "F8", "F9": "F9",
        "F10": "F10", "F11": "F11", "F12": "F12", "SEMICOLON": ";", "EQUALS": "=", "MULTIPLY": "*", "ADD": "+",
        "SEPARATOR": ",", "SUBTRACT": "-", "DECIMAL": ".", "DIVIDE": "/",
    ]

    /// Splits a sendKeys value into typed text and `${KEY_…}` presses.
    static func keySequence(_ value: String) -> [(text: String?, key: String?)] {
        var parts: [(String?, String?)] = []
        var rest = Substring(value)
        while let start = rest.range(of: "${KEY_") {
            let before = rest[..<start.lowerBound]
            if !before.isEmpty { parts.append((String(before), nil)) }
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                parts.append((String(rest[start.lowerBound...]), nil))
                rest = ""
                break
            }
            let name = String(rest[start.upperBound..<close])
            let key = name.hasPrefix("NUMPAD") ? String(name.dropFirst(6)) : (keyNames[name] ?? name.capitalized)
            parts.append((nil, key))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append((String(rest), nil)) }
        return parts
    }

    static func seconds(_ milliseconds: String) -> String {
        guard let ms = Double(milliseconds) else { return milliseconds }
        let s = ms / 1000
        if s == s.rounded() { return "\(Int(s)) second" + (Int(s) == 1 ? "" : "s") }
        return String(format: "%.1f seconds", s)
    }

    // MARK: The command list

    mutating func map(_ c: Command) {
        let name = c.name
        switch name {
        // Navigation and windows
        case "open":
            add(Step(action: .navigate, target: context.map { Target(context: $0) }, url: absoluteURL(substitute(c.target))), c)
        case "setWindowSize":
            let parts = c.target.lowercased().split(separator: "x")
            let text = parts.count == 2 && Int(parts[0]) != nil && Int(parts[1]) != nil
                ? "Use a browser window of \(parts[0]) × \(parts[1]) pixels." : "Resize the browser window as recorded."
            if !prerequisites.contains(text) { prerequisites.append(text) }
        case "selectFrame":
            // Values the phraser reads: "main" returns to the page, a frame name switches into it.
            let t = c.target
            var label: String?
            let value: String
            if t == "relative=top" {
                frames.removeAll(); value = "main"
            } else if t == "relative=parent" {
                if !frames.isEmpty { frames.removeLast() }
                value = frames.last ?? "main"
            } else if t.hasPrefix("index="), let i = Int(t.dropFirst(6)) {
                value = FrameName.ordinal(index: i)
                frames.append(value)
            } else {
                label = Locator.parse(t).words.label
                value = label.map { "\($0) frame" } ?? "frame"
                frames.append(value)
            }
            add(Step(action: .switchContext, target: Target(label: label, role: "frame", selectors: t.isEmpty ? [] : [t]), value: value), c)
        case "selectWindow":
            let handle = c.target.hasPrefix("handle=") ? String(c.target.dropFirst(7)) : c.target
            let variable = handle.hasPrefix("${") && handle.hasSuffix("}") ? String(handle.dropFirst(2).dropLast()) : handle
            frames.removeAll()
            var value: String?
            if newWindowHandles.contains(variable) {
                window = "new window"; value = nil // phrased "Switch to the new window."
            } else if savedWindowHandles.contains(variable) {
                window = nil; value = "main"
            } else if let tab = Self.browserTab(c, context: context) {
                // UI.Vision's tab commands: open, close, close all others.
                if c.target.lowercased() == "tab=open" { window = "new tab" } else if c.target.lowercased() == "tab=close" { window = nil }
                add(tab, c)
                return
            } else if ["null", "win_ser_local"].contains(c.target.lowercased()) {
                window = nil; value = "main" // Selenium 1 and Katalon name the first window so
            } else if c.target.hasPrefix("win_ser_"), Int(c.target.dropFirst(8)) != nil {
                window = "new window"; value = nil // Katalon: the n-th window the test opened
            } else if let name = Self.windowName(c.target) {
                window = "\(name) window"; value = window
            } else {
                window = "other window"; value = window
            }
            add(Step(action: .switchContext, target: Target(role: "window", selectors: c.target.isEmpty ? [] : [c.target]), value: value), c)
        case "storeWindowHandle":
            savedWindowHandles.insert(c.target)
            note("Remember this window so you can come back to it.", c)
        case "close":
            add(Step(action: .custom, target: context.map { Target(context: $0) }, instruction: "Close the window.", customType: "close"), c)

        // Mouse
        case "click", "clickAt":
            var step = Step(action: .click, target: element(c.target, c.alternatives))
            if c.opensWindow {
                if let handle = c.windowHandleName { newWindowHandles.insert(handle) }
                step.note = "This opens a new window."
            }
            add(step, c)
        case "doubleClick", "doubleClickAt":
            add(Step(action: .doubleClick, target: element(c.target, c.alternatives)), c)
        case "mouseOver":
            add(Step(action: .hover, target: element(c.target, c.alternatives)), c)
        case "mouseOut":
            let t = element(c.target, c.alternatives)
            add(Step(action: .custom, target: t, instruction: "Move the mouse pointer away from \(Self.words(t)).", customType: name), c)
        case "mouseDown", "mouseDownAt":
            let t = element(c.target, c.alternatives)
            var step = Step(action: .custom, target: t, instruction: "Press and hold the mouse button on \(Self.words(t)).", customType: name)
            step.id = c.id
            step.note = c.comment
            pendingMouseDown = (step, c.target)
        case "mouseMoveAt":
            if pendingMouseDown == nil {
                let t = element(c.target, c.alternatives)
                add(Step(action: .hover, target: t), c)
            }
        case "mouseUp", "mouseUpAt":
            let t = element(c.target, c.alternatives)
            if let pending = pendingMouseDown {
                pendingMouseDown = nil
                var step: Step
                if pending.locator == c.target {
                    step = Step(action: .click, target: t)
                } else {
                    step = Step(action: .drag, target: pending.step.target, destination: t)
                }
                step.id = pending.step.id
                step.note = pending.step.note
                add(step, c)
            } else {
                add(Step(action: .custom, target: t, instruction: "Release the mouse button over \(Self.words(t)).", customType: name), c)
            }
        case "dragAndDropToObject":
            add(Step(action: .drag, target: element(c.target, c.alternatives), destination: element(c.value)), c)

        // Typing and choosing
        case "type" where Self.isUpload(c):
            // Selenium IDE uploads a file when `type` puts a file path into a file input.
            add(Step(action: .upload, target: element(c.target, c.alternatives, defaultRole: "file field"),
                     value: c.value.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? c.value), c)
        case "type", "editContent":
            var step = Step(action: .type, target: element(c.target, c.alternatives, defaultRole: "text field"), value: substitute(c.value))
            step.sensitive = isSensitive(c)
            add(step, c)
        case "sendKeys":
            let t = element(c.target, c.alternatives)
            for part in Self.keySequence(substitute(c.value)) {
                if let key = part.key {
                    add(Step(action: .press, target: t, key: key), c)
                } else if let text = part.text {
                    var step = Step(action: .type, target: t, value: text)
                    step.sensitive = isSensitive(c)
                    add(step, c)
                }
            }
        case "select":
            add(Step(action: .select, target: element(c.target, c.alternatives, defaultRole: "list"),
                     value: Self.optionWords(substitute(c.value))), c)
        case "addSelection":
            add(Step(action: .select, target: element(c.target, c.alternatives, defaultRole: "list"),
                     value: Self.optionWords(substitute(c.value)), note: "Keep the options already selected (hold Ctrl while clicking)."), c)
        case "removeSelection":
            let t = element(c.target, c.alternatives, defaultRole: "list")
            add(Step(action: .custom, target: t, value: Self.optionWords(substitute(c.value)),
                     instruction: "In \(Self.words(t)), clear the option “\(Self.optionWords(substitute(c.value)))” (hold Ctrl while clicking it).",
                     customType: name), c)
        case "check":
            add(Step(action: .check, target: element(c.target, c.alternatives, defaultRole: "checkbox")), c)
        case "uncheck":
            add(Step(action: .uncheck, target: element(c.target, c.alternatives, defaultRole: "checkbox")), c)
        case "submit":
            let t = element(c.target, c.alternatives, defaultRole: "form")
            add(Step(action: .custom, target: t, instruction: "Submit \(Self.words(t)).", customType: name), c)

        // Dialogs
        case "chooseOkOnNextConfirmation", "webdriverChooseOkOnVisibleConfirmation", "acceptConfirmation", "acceptAlert":
            add(Step(action: .click, target: Target(label: "OK", role: "button", context: "confirmation dialog")), c)
        case "chooseCancelOnNextConfirmation", "webdriverChooseCancelOnVisibleConfirmation", "dismissConfirmation",
             "chooseCancelOnNextPrompt", "webdriverChooseCancelOnVisiblePrompt", "dismissPrompt":
            let dialog = name.contains("Prompt") ? "prompt dialog" : "confirmation dialog"
            add(Step(action: .click, target: Target(label: "Cancel", role: "button", context: dialog)), c)
        case "answerOnNextPrompt", "webdriverAnswerOnVisiblePrompt", "answerPrompt":
            add(Step(action: .type, target: Target(role: "text field", context: "prompt dialog"), value: substitute(c.target),
                     note: "Then choose OK."), c)

        // Checks
        case _ where name.hasPrefix("assert") || name.hasPrefix("verify"):
            mapCheck(c, soft: name.hasPrefix("verify"))
        case _ where name.hasPrefix("waitFor"):
            mapWait(c)
        case "pause":
            // The value of a wait without a target is a number of seconds.
            let ms = Double(c.target.isEmpty ? c.value : c.target) ?? 0
            let seconds = ms / 1000
            let text = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            add(Step(action: .wait, target: context.map { Target(context: $0) }, value: text), c)

        // Variables and scripts
        case "store" where c.value.hasPrefix("!"):
            // UI.Vision's settings (`!errorIgnore`, `!TIMEOUT_WAIT`, `!csvReadLineNumber` …) steer playback.
            diagnostics.append(Diagnostic(
                .seleniumPlaybackOnly, "The command 'store' sets the playback setting '\(c.value)'; it is skipped.", at: c.location))
        case "store":
            variables[c.value] = c.target
            let secretWords = ["password", "passwd", "secret", "token", "pin", "credential"]
            if secretWords.contains(where: { c.value.lowercased().contains($0) }) {
                secretVariables.insert(c.value)
                // A stored secret is never printed: the note names it, the value stays out.
                var step = Step(action: .note, note: "Have the \(IdentifierWords.words(from: c.value)?.lowercased() ?? "secret value") ready.")
                step.sensitive = true
                add(step, c)
            } else {
                note("Remember “\(c.target)” as \(c.value).", c, value: c.target)
            }
        case "storeText", "storeValue", "storeAttribute", "storeElementCount", "storeXpathCount", "storeTitle", "storeJson":
            mapStore(c)
        case "echo":
            note(substitute(c.target), c)
        case "executeScript", "executeAsyncScript", "runScript", "executeScript_Sandbox", "executeScriptSandbox",
             "storeEval", "getEval", "storeExpression":
            let saved = c.value.isEmpty ? "" : " and saves its result as “\(c.value)”"
            note("A script runs on the page\(saved); there is nothing to do by hand.", c)
        case "run":
            // The other test's steps are part of this process: they come in here, with this test's stored values
            // (`${username}` reads as what this test stored). The other test is still its own capture too.
            let testName = testNames[c.target] ?? c.target
            if let commands = commandsByName[testName], !running.contains(testName), running.count < 8 {
                running.append(testName)
                for command in commands { convert(command) }
                flushMouseDown()
                running.removeLast()
            } else {
                note("Run the steps of the test “\(testName)”.", c, value: testName)
                if commandsByName[testName] != nil {
                    diagnostics.append(Diagnostic(
                        .seleniumRunCycle, "The test '\(testName)' runs itself through 'run' commands; it is named, not repeated.",
                        hint: "Break the cycle of 'run' commands in Selenium IDE.", at: c.location))
                } else if !byName.contains(c.target), testNames[c.target] == nil {
                    diagnostics.append(Diagnostic(
                        .seleniumUnknownTest, "The command 'run' names the test '\(c.target)', which is not in the project.",
                        hint: "Fix the test name in Selenium IDE.", at: c.location))
                }
            }

        // Control flow
        case "if", "if_v2":
            blocks.append("if")
            note("Do the following steps only when a condition holds.", c, value: c.target)
        case "elseIf", "elseif", "elseif_v2", "elseIf_v2":
            note("Otherwise, when another condition holds, do the following steps.", c, value: c.target)
        case "else", "else_v2":
            note("Otherwise, do the following steps.", c)
        case "while", "while_v2":
            blocks.append("while")
            note("Repeat the following steps while a condition holds.", c, value: c.target)
        case "do":
            blocks.append("do")
            note("Do the following steps at least once.", c)
        case "repeatIf", "repeatIf_v2":
            if blocks.last == "do" { blocks.removeLast() }
            note("Repeat the steps since “do” while a condition holds.", c, value: c.target)
        case "times":
            blocks.append("times")
            let count = Int(substitute(c.target)).map { "\($0) times" } ?? "several times"
            note("Repeat the following steps \(count).", c, value: c.target)
        case "loadVars":
            blocks.append("forEach")
            note("Repeat the following steps for each row of the data file “\(c.target)”.", c, value: c.target)
        case "forEach":
            blocks.append("forEach")
            note("Repeat the following steps for each item in “\(c.target)”.", c, value: c.target)
        case "end", "endIf", "endif", "endWhile", "end_v2", "endLoadVars":
            let kind = blocks.popLast()
            note(kind == "if" || kind == nil ? "End of the conditional steps." : "End of the repeated steps.", c)

        // Selenium IDE 1–2 and Katalon Recorder
        case "goBack":
            add(Step(action: .custom, target: context.map { Target(context: $0) }, instruction: "Go back to the previous page.", customType: name), c)
        case "refresh":
            add(Step(action: .custom, target: context.map { Target(context: $0) }, instruction: "Reload the page.", customType: name), c)
        case "typeKeys":
            var step = Step(action: .type, target: element(c.target, c.alternatives, defaultRole: "text field"), value: substitute(c.value))
            step.sensitive = isSensitive(c)
            add(step, c)
        case "focus", "fireEvent", "highlight", "captureEntirePageScreenshot", "captureScreenshot", "windowMaximize",
             "windowFocus", "setTimeout", "setMouseSpeed", "allowNativeXpath", "deleteAllVisibleCookies",
             "deleteAllCookies", "deleteCookie", "bringBrowserToForeground", "setProxy", "onDownload", "onError", "comment",
             "localStorageExport", "csvSave", "csvRead", "csvReadArray", "label", "throwError":
            mapRecorderOnly(c)

        // UI.Vision desktop and visual automation
        case _ where SeleneseDesktopCommand.handles(name):
            var desktop = SeleneseDesktopCommand(command: c, context: context)
            let values = self
            for step in desktop.steps(substitute: { values.substitute($0) }, element: { values.element($0, c.alternatives) }) {
                add(step, c)
            }
            diagnostics += desktop.diagnostics
        case "gotoLabel", "goto":
            note(jump(to: c.target), c, value: c.target)
        case "gotoIf", "gotoIf_v2":
            // Selenium IDE 1's flow-control plugin and UI.Vision: condition, then the label to jump to.
            let sentence = jump(to: c.value)
            note("When a condition holds, \(sentence.prefix(1).lowercased())\(sentence.dropFirst())", c, value: c.target)
        case "break":
            note("Stop repeating here and carry on after the repeated steps.", c)

        case "openWindow":
            // Selenium 1: the address, then the name the test gives the new window.
            add(Step(action: .navigate, target: context.map { Target(context: $0) }, url: absoluteURL(substitute(c.target)),
                     note: "Open it in a new window."), c)
        case _ where name.hasPrefix("store") && name.count > 5:
            mapStore(c)

        // Playback settings
        case "setSpeed", "debugger":
            diagnostics.append(Diagnostic(
                .seleniumPlaybackOnly, "The command '\(name)' only affects playback in Selenium IDE; it is skipped.",
                at: c.location))

        default:
            var step = Step(action: .custom, customType: name)
            if !c.target.isEmpty {
                let looksLocator = c.target.contains("=") || c.target.hasPrefix("//") || !c.alternatives.isEmpty
                if looksLocator { step.target = element(c.target, c.alternatives) } else { step.value = c.target }
            }
            if step.value == nil, !c.value.isEmpty { step.value = substitute(c.value) }
            add(step, c)
            diagnostics.append(Diagnostic(
                .seleniumUnknownCommand,
                "The command '\(name)' is not a Selenium IDE command Waymark knows (a plugin or legacy command); it is kept as a custom step.",
                hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.",
                at: c.location))
        }
    }

    /// Commands that steer the recorder's playback or its files rather than the page: a note says what happened
    /// where a person would notice (a screenshot, a data file, an error stop), the rest are skipped with a note
    /// diagnostic.
    mutating func mapRecorderOnly(_ c: Command) {
        switch c.name {
        case "captureEntirePageScreenshot", "captureScreenshot":
            note("Take a screenshot of the page if you need a record of it.", c)
        case "csvRead", "csvReadArray":
            note("The recording reads its data from the file “\(c.target)”; have that data ready.", c, value: c.target)
        case "csvSave", "localStorageExport":
            note("The recording saves its data to a file; there is nothing to do by hand.", c)
        case "throwError":
            note("Stop here: \(substitute(c.target))", c, value: c.target)
        case "comment":
            // UI.Vision comments a command out by turning it into `comment` with the target "click // xpath=…".
            if let marker = c.target.range(of: " // "), Self.isCommandName(c.target[..<marker.lowerBound]) {
                diagnostics.append(Diagnostic(
                    .seleniumCommentedOut, "The commented-out command '\(c.target[..<marker.lowerBound])' is skipped.",
                    at: c.location))
            } else if let text = c.target.collapsingWhitespaceOrNil {
                note(text, c)
            }
        case "label":
            seenLabels.insert(c.target)
            note("This point is marked “\(c.target)” so later steps can come back to it.", c, value: c.target)
        case "deleteAllVisibleCookies", "deleteAllCookies", "deleteCookie":
            note("Sign out and clear the site's cookies, so the steps start from a fresh session.", c)
        default:
            diagnostics.append(Diagnostic(
                .seleniumPlaybackOnly, "The command '\(c.name)' only affects playback in the recorder; it is skipped.",
                at: c.location))
        }
    }

    mutating func mapCheck(_ c: Command, soft: Bool) {
        let base = String(c.name.dropFirst(6)) // "assert" and "verify" are both six letters
        let value = substitute(c.value)
        var target: Target?
        var expected: String?
        // The expected text is a Selenese pattern: say what it asks for, never the pattern syntax.
        var instruction: String?
        func expect(_ pattern: String, of thing: @autoclosure () -> String, verb: String = "reads") -> String {
            guard let words = Self.patternWords(pattern) else {
                instruction = "Check that \(thing()) shows the text the recording expects."
                return pattern
            }
            if words.contains { instruction = "Check that \(thing()) contains “\(words.text)”." }
            else if verb != "reads" { instruction = "Check that \(thing()) \(verb) “\(words.text)”." }
            return words.text
        }
        switch base {
        case "Title":
            target = Target(role: "page title", context: context)
            expected = expect(substitute(c.target), of: "the page title")
        case "Alert", "Confirmation", "Prompt":
            let dialog = base == "Alert" ? "alert" : "\(base.lowercased()) dialog"
            target = Target(role: dialog, context: context)
            expected = expect(substitute(c.target), of: "the \(dialog)", verb: base == "Alert" ? "says" : "asks")
        case "Checked": target = element(c.target, c.alternatives, defaultRole: "checkbox"); expected = "checked"
        case "NotChecked": target = element(c.target, c.alternatives, defaultRole: "checkbox"); expected = "not checked"
        case "Editable": target = element(c.target, c.alternatives); expected = "editable"
        case "NotEditable": target = element(c.target, c.alternatives); expected = "not editable"
        case "ElementPresent": target = element(c.target, c.alternatives); expected = "present"
        case "ElementNotPresent": target = element(c.target, c.alternatives); expected = "not present"
        case "Text", "Value", "SelectedLabel", "SelectedValue":
            let t = element(c.target, c.alternatives)
            target = t; expected = expect(value, of: Self.words(t))
        case "NotText", "NotSelectedValue":
            target = element(c.target, c.alternatives); expected = "not “\(value)”"
        case "TextPresent", "TextNotPresent":
            // Selenium 1: the target is text anywhere on the page, not a locator.
            let text = Self.patternWords(substitute(c.target))?.text ?? substitute(c.target)
            var step = Step(action: .assert, target: Target(role: "page", context: context), value: text)
            step.instruction = base == "TextPresent" ? "Check that the page shows “\(text)”." : "Check that “\(text)” is not on the page."
            if soft { step.note = "If this differs, note it and carry on." }
            add(step, c)
            return
        case "Location":
            var step = Step(action: .assert, target: Target(role: "page", context: context), value: substitute(c.target))
            step.instruction = "Check that the browser shows the page “\(substitute(c.target))”."
            if soft { step.note = "If this differs, note it and carry on." }
            add(step, c)
            return
        case "AlertNotPresent", "ConfirmationNotPresent", "PromptNotPresent":
            let dialog = base.hasPrefix("Alert") ? "alert" : base.hasPrefix("Confirmation") ? "confirmation dialog" : "prompt dialog"
            var step = Step(action: .assert, target: Target(role: dialog, context: context),
                            instruction: "Check that no \(dialog) is open.")
            if soft { step.note = "If this differs, note it and carry on." }
            add(step, c)
            return
        case "AllButtons", "AllFields", "AllLinks":
            let kind = base.dropFirst(3).lowercased()
            var step = Step(action: .assert, target: Target(role: "page", context: context), value: c.target.isEmpty ? nil : c.target,
                            instruction: "Check that the page has the \(kind) the recording expects.")
            if soft { step.note = "If this differs, note it and carry on." }
            add(step, c)
            return
        case "Visible": target = element(c.target, c.alternatives); expected = "visible"
        case "NotVisible": target = element(c.target, c.alternatives); expected = "hidden"
        case "":
            // assert / verify on a variable.
            note("Check that \(c.target) is “\(value)”.", c, value: value)
            return
        default:
            target = c.target.isEmpty ? nil : element(c.target, c.alternatives); expected = value.isEmpty ? nil : value
        }
        var step = Step(action: .assert, target: target, value: expected, instruction: instruction)
        // States (checked, present, editable …) and negations are not text the element shows: say them outright.
        let state: String? = switch base {
        case "Checked": "is selected"
        case "NotChecked": "is not selected"
        case "Editable": "can be edited"
        case "NotEditable": "cannot be edited"
        case "ElementPresent": "is on the page"
        case "ElementNotPresent": "is not on the page"
        case "Visible": "is visible"
        case "NotVisible": "is hidden"
        case "NotText": "does not read “\(value)”"
        case "NotSelectedValue": "does not have “\(value)” selected"
        default: nil
        }
        if let state { step.instruction = "Check that \(Self.words(target)) \(state)." }
        if soft { step.note = "If this differs, note it and carry on." }
        add(step, c)
    }

    mutating func mapWait(_ c: Command) {
        let condition: String
        switch c.name {
        case "waitForElementPresent": condition = "until it is present"
        case "waitForElementNotPresent": condition = "until it is gone"
        case "waitForElementVisible": condition = "until it is visible"
        case "waitForElementNotVisible": condition = "until it is hidden"
        case "waitForElementEditable": condition = "until it can be edited"
        case "waitForElementNotEditable": condition = "until it can no longer be edited"
        case "waitForText":
            condition = "until it shows “\(Self.patternWords(substitute(c.value))?.text ?? substitute(c.value))”"
        case "waitForVisible": condition = "until it is visible"
        case "waitForNotVisible": condition = "until it is hidden"
        case "waitForPopUp":
            let name = Self.windowName(c.target)
            add(Step(action: .wait, target: context.map { Target(context: $0) }, value: "until the new window opens",
                     instruction: name.map { "Wait until the “\($0)” window opens." } ?? "Wait until the new window opens."), c)
            return
        case "waitForPageToLoad", "waitForFrameToLoad", "waitForCondition":
            // Selenium 1: wait for the page (or a frame, or a script's condition) — no element to name.
            add(Step(action: .wait, target: context.map { Target(context: $0) }), c)
            return
        case "waitForTextPresent":
            let text = Self.patternWords(substitute(c.target))?.text ?? substitute(c.target)
            add(Step(action: .wait, target: Target(role: "page", context: context), value: text,
                     instruction: "Wait until the page shows “\(text)”."), c)
            return
        case "waitForTextNotPresent":
            add(Step(action: .wait, target: Target(role: "page", context: context), value: substitute(c.target),
                     instruction: "Wait until “\(substitute(c.target))” is gone from the page."), c)
            return
        default:
            var step = Step(action: .custom, target: element(c.target, c.alternatives), customType: c.name)
            step.value = c.value.isEmpty ? nil : c.value
            add(step, c)
            diagnostics.append(Diagnostic(
                .seleniumUnknownCommand, "The command '\(c.name)' is not a Selenium IDE command Waymark knows; it is kept as a custom step.",
                hint: "Add an \"instruction\" to the step in the converted capture.", at: c.location))
            return
        }
        var step = Step(action: .wait, target: element(c.target, c.alternatives), value: condition)
        if !["waitForElementPresent", "waitForElementVisible", "waitForVisible"].contains(c.name) {
            // Only "until it appears" is the generated sentence; other conditions are said outright.
            step.instruction = "Wait \(condition.replacingOccurrences(of: "until it", with: "until \(Self.words(step.target))"))."
        }
        add(step, c)
    }

    mutating func mapStore(_ c: Command) {
        // Accessors without a locator (Selenium 1) store into the variable named by the target.
        let noLocator = ["storeTitle", "storeWindowHandle", "storeLocation", "storeBodyText", "storeConfirmation",
                         "storeAlert", "storePrompt", "storeAllButtons", "storeAllFields", "storeAllLinks",
                         "storeAllWindowNames", "storeAllWindowTitles", "storeAllWindowIds", "storeHtmlSource"]
        let variable = noLocator.contains(c.name) || c.value.isEmpty ? c.target : c.value
        let located = element(c.target, c.alternatives)
        let target = { Self.words(located) }
        let what: String
        switch c.name {
        case "storeText": what = "the text of \(target())"
        case "storeValue": what = "the value of \(target())"
        case "storeAttribute":
            let parts = c.target.split(separator: "@", omittingEmptySubsequences: false)
            let attribute = parts.count > 1 ? String(parts.last!) : "attribute"
            let locator = parts.count > 1 ? parts.dropLast().joined(separator: "@") : c.target
            what = "the \(attribute) of \(Self.words(element(locator)))"
        case "storeElementCount", "storeXpathCount", "storeCssCount":
            let t = element(c.target, c.alternatives)
            what = t.label == nil && t.role == nil ? "how many matching elements the page shows" : "how many of \(Self.words(t)) the page shows"
        case "storeTitle": what = "the page title"
        case "storeLocation": what = "the page address"
        case "storeBodyText", "storeHtmlSource": what = "the text of the page"
        case "storeElementPresent": what = "whether \(target()) is on the page"
        case "storeVisible": what = "whether \(target()) is visible"
        case "storeChecked": what = "whether \(target()) is selected"
        case "storeEditable": what = "whether \(target()) can be edited"
        case "storeTextPresent": what = "whether the page shows “\(substitute(c.target))”"
        case "storeSelectedLabel", "storeSelectedValue": what = "the option selected in \(target())"
        case "storeConfirmation": what = "the message of the confirmation dialog"
        case "storeAlert": what = "the message of the alert"
        case "storePrompt": what = "the question of the prompt dialog"
        case "storeAllButtons": what = "which buttons the page has"
        case "storeAllFields": what = "which fields the page has"
        case "storeAllLinks": what = "which links the page has"
        case "storeAllWindowNames", "storeAllWindowTitles", "storeAllWindowIds": what = "which windows are open"
        default: what = "the recorded data"
        }
        note("Note \(what) (saved as \(variable)).", c)
    }

    /// A word that can be a Selenese command name: letters, then letters, digits or `_` (`click`, `if_v2`).
    static func isCommandName(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// "Go back to the step marked “start” …" for a label already passed, "Skip ahead …" for one still to come.
    func jump(to label: String) -> String {
        seenLabels.contains(label)
            ? "Go back to the step marked “\(label)” and carry on from there."
            : "Skip ahead to the step marked “\(label)” and carry on from there."
    }

    /// The name a window locator gives a window: `title=Report*` → "Report", `name=help` → "help", a Selenium 1 bare
    /// window name (`data`) → itself; nil for handles, variables and empty targets.
    static func windowName(_ target: String) -> String? {
        var t = target.trimming(.whitespaces)
        for prefix in ["title=", "name="] where t.lowercased().hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)) }
        t = t.trimmingCharacters(in: CharacterSet(charactersIn: "*? "))
        guard !t.isEmpty, !t.contains("${"), !t.contains("="), !t.lowercased().hasPrefix("handle") else { return nil }
        return t
    }

    /// UI.Vision's tab commands in `selectWindow`: `tab=open` (the value is the address), `tab=close`,
    /// `tab=closeallother`; nil for any other window locator.
    static func browserTab(_ c: Command, context: String?) -> Step? {
        switch c.target.lowercased() {
        case "tab=open":
            let url = c.value.trimming(.whitespaces)
            if url.isEmpty {
                return Step(action: .custom, instruction: "Open a new browser tab.", customType: c.name)
            }
            return Step(action: .navigate, url: url, note: "Open it in a new browser tab.")
        case "tab=close":
            return Step(action: .custom, target: context.map { Target(context: $0) }, instruction: "Close this browser tab.",
                        customType: c.name)
        case "tab=closeallother":
            return Step(action: .custom, instruction: "Close every other browser tab.", customType: c.name)
        default:
            return nil
        }
    }

    /// What a Selenese text pattern asks for in words: `exact:Suche` is "Suche"; a glob (the default) or a simple
    /// regular expression that only says "contains" (`*Bilder*`, `glob:*required*`, `regex:.*required\.`) is the text
    /// it must contain. Nil when the pattern says more than words can (wildcards in the middle, character classes).
    static func patternWords(_ pattern: String) -> (text: String, contains: Bool)? {
        let lower = pattern.lowercased()
        if lower.hasPrefix("exact:") { return (String(pattern.dropFirst(6)), false) }
        for prefix in ["regexpi:", "regexp:", "regex:"] where lower.hasPrefix(prefix) {
            var body = Substring(pattern.dropFirst(prefix.count))
            var anchoredStart = false, anchoredEnd = false
            if body.hasPrefix("^") { body = body.dropFirst(); anchoredStart = true }
            if body.hasSuffix("$"), !body.hasSuffix("\\$") { body = body.dropLast(); anchoredEnd = true }
            if body.hasPrefix(".*") { body = body.dropFirst(2); anchoredStart = false }
            if body.hasSuffix(".*") { body = body.dropLast(2); anchoredEnd = false }
            var text = ""
            var escaped = false
            for ch in body {
                if escaped { text.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ".*+?[](){}|^$".contains(ch) { return nil }
                text.append(ch)
            }
            guard !text.isEmpty, !escaped else { return nil }
            return (text, !(anchoredStart && anchoredEnd))
        }
        var body = Substring(lower.hasPrefix("glob:") ? String(pattern.dropFirst(5)) : pattern)
        // `?` in a glob is any one character, but people write it as a question mark far more often: only `*` counts.
        guard body.contains("*") else { return (String(body), false) }
        var contains = false
        while body.hasPrefix("*") { body = body.dropFirst(); contains = true }
        while body.hasSuffix("*") { body = body.dropLast(); contains = true }
        guard !body.isEmpty, !body.contains("*") else { return nil }
        return (String(body), contains)
    }
}
