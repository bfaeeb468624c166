import Foundation
import WaymarkLocators
import WaymarkModel
import WaymarkJSON

/// Reads Chrome DevTools Recorder / Puppeteer Replay recordings (`{title, steps: [...]}`) as exported from the
/// Recorder panel.
///
/// Decisions a user may ask about:
/// - `setViewport` and `emulateNetworkConditions` only configure the browser, so they become prerequisites.
/// - `keyDown`/`keyUp` pairs fold into one key press (with the modifiers held at the time), and runs of printable
///   keys fold into one "type" step.
/// - `change` on a `<select>` (a selector or role that names a select/combo box/list) becomes a select step.
/// - Per-step and flow `timeout` values tune replay speed, not what a learner does: they are deliberately ignored.
/// - A recording without `title` is still read (the title comes from the file name) with a warning; a file holding
///   one step object instead of a recording is an error, because there is no flow to teach.
/// - Unknown step types (Lighthouse user-flow `startTimespan`, `snapshot` …) become `custom` steps with a warning.
public struct ChromeRecorderImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .chromeRecorder }

    /// Step types of the Recorder schema (puppeteer/replay `StepType`).
    static let knownStepTypes: Set<String> = [
        "setViewport", "navigate", "click", "doubleClick", "change", "keyDown", "keyUp", "hover", "scroll",
        "waitForElement", "waitForExpression", "close", "customStep", "emulateNetworkConditions",
    ]

    public func recognizes(_ input: CaptureInput) -> Bool {
        let scan = JSONPrefixScan(input.prefix)
        guard scan.isObject, !scan.has("waymark"), !scan.has("tests") else { return false }
        if scan.has("steps") { return scan.valueStart("steps") == UInt8(ascii: "[") }
        // A lone step object: recognised so the user gets a clear diagnostic instead of "unknown format".
        if let type = scan.stringValues["type"], Self.knownStepTypes.contains(type) { return true }
        return false
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let bytes = Self.strippingSourceMap([UInt8](input.data))
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, file: input.path)
        } catch {
            return ImportResult(captures: [], diagnostics: [Diagnostic(error).inFile(input.path)])
        }
        var reader = ChromeRecorderFlowReader(file: input.path)
        let capture = reader.read(root, path: input.path)
        return ImportResult(captures: capture.map { [$0] } ?? [], diagnostics: reader.fields.diagnostics)
    }

    /// Drops a trailing `//# recorderSourceMap=…` line (the Recorder appends it to exports) before parsing.
    static func strippingSourceMap(_ bytes: [UInt8]) -> [UInt8] {
        let marker = Array("//# recorderSourceMap=".utf8)
        guard bytes.count >= marker.count else { return bytes }
        var start = bytes.count - marker.count
        // Search backwards for the marker at the start of a line.
        while start >= 0 {
            if bytes[start] == marker[0], Array(bytes[start..<(start + marker.count)]) == marker,
               start == 0 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D {
                // Only when nothing but the marker line follows.
                let rest = bytes[(start + marker.count)...]
                if let newline = rest.firstIndex(where: { $0 == 0x0A }) {
                    if bytes[newline...].allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }) {
                        return Array(bytes[..<start])
                    }
                    return bytes
                }
                return Array(bytes[..<start])
            }
            start -= 1
        }
        return bytes
    }
}

/// Converts one parsed Recorder flow into a capture. Internal: the importer is the public face.
struct ChromeRecorderFlowReader {
    var fields: ForeignJSONFields

    init(file: String) {
        fields = ForeignJSONFields(file: file, wrongTypeCode: .chromeFieldType, missingFieldCode: .chromeMissingField)
    }

    mutating func read(_ root: JSONNode, path: String) -> Capture? {
        guard root.objectValue != nil else {
            fields.diagnostics.append(Diagnostic(
                .chromeNotARecording, "A Recorder export is a JSON object; this file holds \(root.kindDescription).",
                hint: "Export the recording again from the Recorder panel (Export → JSON).", at: fields.location(root)))
            return nil
        }
        if root["steps"] == nil {
            if let type = root["type"]?.stringValue {
                fields.diagnostics.append(Diagnostic(
                    .chromeLoneStep,
                    "This file holds a single Recorder step ('\(type)'), not a recording with a title and steps.",
                    hint: "Export the whole recording from the Recorder panel, or wrap the step as {\"title\": …, \"steps\": [ … ]}.",
                    at: fields.location(root)))
            } else {
                fields.missing("steps", in: root, what: "The recording")
            }
            return nil
        }
        guard let steps = fields.array(root, "steps") else { return nil }

        var title = fields.string(root, "title").flatMap(\.collapsingWhitespaceOrNil)
        if title == nil {
            let fallback = Self.titleFromPath(path)
            fields.diagnostics.append(Diagnostic(
                .chromeMissingTitle, "The recording has no title; using '\(fallback)' from the file name.",
                hint: "Add a \"title\" to the recording so the guide has a proper name.", at: fields.location(root)))
            title = fallback
        }
        // The flow-level `timeout` tunes replay only; read it so a wrong type is still reported.
        _ = fields.number(root, "timeout")
        _ = fields.string(root, "selectorAttribute")

        var capture = Capture(
            id: Slug.make(title!), title: title!,
            source: CaptureSource(format: .chromeRecorder, path: path),
            origin: CaptureSource(format: .chromeRecorder, path: path))
        var converted: [Step] = []
        var pendingKeys = KeyFolder()
        var location = BrowsingLocation()
        for node in steps {
            guard node.objectValue != nil else {
                fields.wrongType(node, field: "steps[]", expected: "an object")
                continue
            }
            guard let type = fields.string(node, "type") else {
                if node["type"] == nil { fields.missing("type", in: node, what: "A step") }
                continue
            }
            _ = fields.number(node, "timeout")
            if type == "keyDown" || type == "keyUp" {
                guard let key = fields.string(node, "key") else {
                    if node["key"] == nil { fields.missing("key", in: node, what: "A \(type) step") }
                    continue
                }
                let context = self.context(node)
                if type == "keyDown" {
                    pendingKeys.down(key, context: context)
                } else if !pendingKeys.up(key) {
                    fields.diagnostics.append(Diagnostic(
                        .chromeUnpairedKeyUp, "A keyUp of '\(key)' has no keyDown before it; it is skipped.",
                        at: fields.location(node)))
                }
                continue
            }
            converted.append(contentsOf: pendingKeys.flush())
            if let step = convert(node, type: type, capture: &capture) {
                converted.append(contentsOf: location.moves(to: BrowsingLocation(node)))
                converted.append(step)
            }
        }
        converted.append(contentsOf: pendingKeys.flush())
        if converted.isEmpty {
            fields.diagnostics.append(Diagnostic(
                .chromeNoSteps, "The recording has no steps a person performs; the guide will be empty.",
                hint: "Record the flow again in the Recorder panel.", at: fields.location(root)))
        }
        capture.steps = converted
        // The host of the first web page (browser-internal pages such as chrome://new-tab-page say nothing).
        capture.application = converted.lazy.filter { $0.action == .navigate }.compactMap { step -> String? in
            guard let url = step.url.flatMap(URL.init(string:)), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https" else { return nil }
            return url.host
        }.first
        return capture
    }

    static func titleFromPath(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        while let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name.replacingOccurrences(of: "_", with: " ").collapsingWhitespaceOrNil ?? "Recording"
    }

    /// Frame path and non-main target as words: "second frame inside the first frame", "example.com pop-up window".
    mutating func context(_ node: JSONNode) -> String? {
        var parts: [String] = []
        if let frames = fields.array(node, "frame"), !frames.isEmpty {
            var names: [String] = []
            for f in frames {
                guard let i = f.intValue, i >= 0 else { fields.wrongType(f, field: "frame[]", expected: "a frame index"); continue }
                names.append(FrameName.ordinal(index: i))
            }
            if !names.isEmpty { parts.append(names.reversed().joined(separator: " inside the ")) }
        }
        if let target = fields.string(node, "target"), target != "main", !target.isEmpty {
            if let host = URL(string: target)?.host { parts.append("\(host) pop-up window") } else { parts.append("pop-up window") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " of the ")
    }

    /// The step's selectors as flat strings (a chain joined with ` >>> `) and the best human description.
    mutating func target(_ node: JSONNode, required: Bool, what: String) -> Target? {
        let context = self.context(node)
        guard let list = fields.array(node, "selectors") else {
            if required, node["selectors"] == nil { fields.missing("selectors", in: node, what: what) }
            return context.map { Target(context: $0) }
        }
        var flat: [String] = []
        var locators: [Locator] = []
        for selector in list {
            if let s = selector.stringValue {
                flat.append(s)
                locators.append(Locator.parse(chain: [s]))
            } else if let chain = selector.arrayValue {
                var parts: [String] = []
                for part in chain {
                    if let s = part.stringValue { parts.append(s) } else { fields.wrongType(part, field: "selectors[][]", expected: "a string") }
                }
                guard !parts.isEmpty else { continue }
                flat.append(parts.joined(separator: Locator.chainSeparator))
                locators.append(Locator.parse(chain: parts))
            } else {
                fields.wrongType(selector, field: "selectors[]", expected: "a string or an array of strings")
            }
        }
        let words = Locator.bestWords(locators)
        return Target(label: words.label, role: words.role, selectors: flat, context: context, labelSource: words.source)
    }

    /// URL and title of an asserted navigation event, if the step has one.
    mutating func navigation(_ node: JSONNode) -> (url: String?, title: String?)? {
        guard let events = fields.array(node, "assertedEvents") else { return nil }
        for event in events {
            guard event.objectValue != nil else { fields.wrongType(event, field: "assertedEvents[]", expected: "an object"); continue }
            if fields.string(event, "type") == "navigation" {
                let url = fields.string(event, "url").flatMap(\.collapsingWhitespaceOrNil)
                let title = fields.string(event, "title").flatMap(\.collapsingWhitespaceOrNil)
                return (url, title)
            }
        }
        return nil
    }

    mutating func convert(_ node: JSONNode, type: String, capture: inout Capture) -> Step? {
        switch type {
        case "setViewport":
            let width = fields.number(node, "width"), height = fields.number(node, "height")
            let mobile = fields.bool(node, "isMobile") ?? false
            let touch = fields.bool(node, "hasTouch") ?? false
            let landscape = fields.bool(node, "isLandscape") ?? false
            _ = fields.number(node, "deviceScaleFactor")
            var text = "Use a browser window"
            if let width, let height { text += " of \(Int(width)) × \(Int(height)) pixels" }
            var extras: [String] = []
            if mobile { extras.append("as a mobile device") }
            if touch { extras.append("with a touch screen") }
            if landscape { extras.append("in landscape orientation") }
            if !extras.isEmpty { text += ", " + extras.joined(separator: ", ") }
            addPrerequisite(text + ".", to: &capture)
            return nil
        case "emulateNetworkConditions":
            let download = fields.number(node, "download"), upload = fields.number(node, "upload")
            let latency = fields.number(node, "latency")
            addPrerequisite(Self.networkSentence(download: download, upload: upload, latency: latency), to: &capture)
            return nil
        case "navigate":
            guard let url = fields.string(node, "url") else {
                if node["url"] == nil { fields.missing("url", in: node, what: "A navigate step") }
                return nil
            }
            var step = Step(action: .navigate, url: url)
            if let nav = navigation(node), let title = nav.title {
                step.target = Target(label: title, role: "page", context: context(node))
            } else if let context = context(node) {
                step.target = Target(context: context)
            }
            return step
        case "click", "doubleClick":
            var step = Step(action: type == "click" ? .click : .doubleClick, target: target(node, required: true, what: "A \(type) step"))
            _ = fields.number(node, "offsetX"); _ = fields.number(node, "offsetY")
            var notes: [String] = []
            switch fields.string(node, "button") {
            case "secondary": step.action = .rightClick
            case "auxiliary", "middle": notes.append("Use the middle mouse button.")
            case "back": notes.append("Use the mouse's Back button.")
            case "forward": notes.append("Use the mouse's Forward button.")
            case "primary", nil: break
            case let other?: notes.append("Use the \(other) mouse button.")
            }
            switch fields.string(node, "deviceType") {
            case "touch": notes.append("On a touch screen, tap instead of clicking.")
            case "pen": notes.append("With a pen, tap instead of clicking.")
            default: break
            }
            if let duration = fields.number(node, "duration"), duration > 0 {
                notes.append("Hold the button down for \(Self.seconds(duration)).")
            }
            if let nav = navigation(node) {
                step.url = nav.url
                if let title = nav.title { notes.append("This opens the page “\(title)”.") }
            }
            step.note = notes.isEmpty ? nil : notes.joined(separator: " ")
            return step
        case "hover":
            return Step(action: .hover, target: target(node, required: true, what: "A hover step"))
        case "change":
            let value = fields.string(node, "value") ?? ""
            if node["value"] == nil { fields.missing("value", in: node, what: "A change step") }
            let t = target(node, required: true, what: "A change step")
            let selectors = t?.selectors ?? []
            let isSelect = t?.role == "combo box" || t?.role == "list"
                || selectors.contains { Self.namesSelect($0) }
            var step = Step(action: isSelect ? .select : .type, target: t, value: value)
            step.sensitive = selectors.contains { $0.lowercased().contains("password") }
                || (t?.label?.lowercased().contains("password") ?? false)
            return step
        case "scroll":
            let x = fields.number(node, "x") ?? 0, y = fields.number(node, "y") ?? 0
            let hasSelectors = node["selectors"] != nil
            let t = hasSelectors ? target(node, required: false, what: "A scroll step") : context(node).map { Target(context: $0) }
            return Step(action: .scroll, target: t, value: Self.scrollWords(x: x, y: y, element: hasSelectors))
        case "waitForElement":
            var step = Step(action: .wait, target: target(node, required: true, what: "A waitForElement step"))
            step.value = waitCondition(node)
            if step.value?.hasPrefix("until it appears") != true {
                // Only "until it appears" is the generated sentence; counts and states are said outright.
                let named = step.target?.label.map { "“\($0)”" } ?? "matching"
                step.instruction = "Wait " + (step.value ?? "")
                    .replacingOccurrences(of: "until no matching element is left",
                                          with: "until \(SeleneseCommandTable.words(step.target)) disappears")
                    .replacingOccurrences(of: "until it appears", with: "until \(SeleneseCommandTable.words(step.target)) appears")
                    .replacingOccurrences(of: "matching element", with: "\(named) element") + "."
            }
            return step
        case "waitForExpression":
            if node["expression"] == nil { fields.missing("expression", in: node, what: "A waitForExpression step") }
            _ = fields.string(node, "expression")
            // The expression is a script: never shown to learners as an instruction.
            return Step(action: .wait, target: context(node).map { Target(context: $0) },
                        value: "until the page has finished updating (a scripted check)")
        case "close":
            return Step(action: .custom, target: context(node).map { Target(context: $0) },
                        instruction: "Close the browser tab.", customType: "close")
        case "customStep":
            let name = fields.string(node, "name") ?? "customStep"
            var step = Step(action: .custom, target: context(node).map { Target(context: $0) }, customType: name)
            if let parameters = node["parameters"], let text = Self.parameterText(parameters) {
                step.note = "Parameters: \(text)."
            }
            fields.diagnostics.append(Diagnostic(
                .chromeCustomStep, "The custom step '\(name)' is specific to a Recorder extension; it is kept as a custom step.",
                hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.",
                at: fields.location(node)))
            return step
        default:
            var step = Step(action: .custom, customType: type)
            if let options = node["stepOptions"], let name = options["name"]?.stringValue {
                step.note = name
            }
            if node["selectors"] != nil { step.target = target(node, required: false, what: "A step") }
            fields.diagnostics.append(Diagnostic(
                .chromeUnknownStep, "The step type '\(type)' is not part of the Recorder format; it is kept as a custom step.",
                hint: "Lighthouse user-flow steps and extension steps cannot be phrased automatically; add an \"instruction\" or remove the step.",
                at: fields.location(node)))
            return step
        }
    }

    mutating func addPrerequisite(_ text: String, to capture: inout Capture) {
        if !capture.prerequisites.contains(text) { capture.prerequisites.append(text) }
    }

    /// The readable wait condition of a waitForElement step.
    mutating func waitCondition(_ node: JSONNode) -> String {
        var parts: [String] = []
        let op = fields.string(node, "operator") ?? ">="
        if let count = fields.number(node, "count") {
            let n = Int(count)
            let noun = n == 1 ? "matching element is" : "matching elements are"
            switch op {
            case "==": parts.append(n == 0 ? "until no matching element is left" : "until exactly \(n) \(noun) present")
            case "<=": parts.append("until at most \(n) \(noun) present")
            default: parts.append(n == 1 ? "until it appears" : "until at least \(n) \(noun) present")
            }
        } else {
            parts.append("until it appears")
        }
        if let visible = fields.bool(node, "visible") { parts.append(visible ? "visible" : "hidden") }
        for (key, noun) in [("attributes", "attribute"), ("properties", "property")] {
            guard let members = fields.object(node, key) else { continue }
            for member in members {
                // Attributes are strings in the DOM; properties may be any scalar (true, 3, "x").
                let text = key == "attributes" ? member.value.stringValue : ForeignJSONFields.scalarText(member.value)
                guard let text else {
                    fields.wrongType(member.value, field: "\(key).\(member.key)",
                                     expected: key == "attributes" ? "a string" : "a string, number or boolean")
                    continue
                }
                parts.append("with \(noun) \(member.key) “\(text)”")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// Whether a selector names a `<select>`: its tag, an ARIA combo box/list box, or an id/class saying so.
    static func namesSelect(_ selector: String) -> Bool {
        let element = Locator.parse(selector).element
        switch element {
        case .visibleText, .linkText, .partialLinkText, .script: return false
        case .accessibleName: return ["combo box", "list"].contains(element.words.role ?? "")
        default:
            if element.words.role == "combo box" { return true }
            let last = (selector.components(separatedBy: Locator.chainSeparator).last ?? selector).lowercased()
            return last.contains("#select") || last.contains("dropdown")
        }
    }

    static func scrollWords(x: Double, y: Double, element: Bool) -> String {
        var directions: [String] = []
        if y > 0 { directions.append("down") } else if y < 0 { directions.append("up") }
        if x > 0 { directions.append("right") } else if x < 0 { directions.append("left") }
        if directions.isEmpty { return element ? "into view" : "to the top" }
        return directions.joined(separator: " and ")
    }

    static func seconds(_ milliseconds: Double) -> String {
        let s = milliseconds / 1000
        if s == s.rounded() { return "\(Int(s)) second" + (Int(s) == 1 ? "" : "s") }
        return String(format: "%.1f seconds", s)
    }

    /// DevTools' network presets by name; other values in plain units.
    static func networkSentence(download: Double?, upload: Double?, latency: Double?) -> String {
        let d = download ?? -1, u = upload ?? -1, l = latency ?? 0
        if d == 0 && u == 0 { return "Switch the browser to offline mode." }
        if abs(l - 2000) < 1, abs(d - 51_200) < 100 { return "Throttle the network to Slow 3G." }
        if abs(l - 562.5) < 1, abs(d - 188_743.68) < 100 { return "Throttle the network to Fast 3G." }
        if d < 0 && u < 0 { return "Use the network without throttling." }
        var parts: [String] = []
        if d > 0 { parts.append("\(Self.rate(d)) download") }
        if u > 0 { parts.append("\(Self.rate(u)) upload") }
        if l > 0 { parts.append("\(Int(l.rounded())) ms latency") }
        return "Throttle the network to " + (parts.isEmpty ? "the recorded conditions" : parts.joined(separator: ", ")) + "."
    }

    static func rate(_ bytesPerSecond: Double) -> String {
        let kilobits = bytesPerSecond * 8 / 1000
        if kilobits >= 1000 { return String(format: "%.1f Mbit/s", kilobits / 1000) }
        return "\(Int(kilobits.rounded())) kbit/s"
    }

    /// `key = value` pairs of a custom step's simple parameters.
    static func parameterText(_ node: JSONNode) -> String? {
        guard let members = node.objectValue else { return ForeignJSONFields.scalarText(node) }
        let pairs = members.compactMap { m in ForeignJSONFields.scalarText(m.value).map { "\(m.key) = \($0)" } }
        return pairs.isEmpty ? nil : pairs.joined(separator: ", ")
    }
}

/// Folds keyDown/keyUp events into key presses and typed text.
///
/// Modifier keys (Control, Shift, Alt, Meta) held down apply to the next key; a modifier pressed and released on its
/// own is a press of that key. Consecutive printable keys without Control/Alt/Meta become one `type` step.
struct KeyFolder {
    private var held: [String] = []
    /// Modifiers pressed since they went down without any other key in between.
    private var lonely: Set<String> = []
    private var down: [String] = []
    private var events: [(key: String, modifiers: [KeyModifier], context: String?)] = []
    private var context: String?

    static func modifier(_ key: String) -> KeyModifier? {
        switch key {
        case "Control": .ctrl
        case "Shift": .shift
        case "Alt": .alt
        case "Meta": .meta
        default: nil
        }
    }

    mutating func down(_ key: String, context: String?) {
        self.context = context
        if Self.modifier(key) != nil {
            if !held.contains(key) { held.append(key) }
            lonely.insert(key)
            return
        }
        lonely.removeAll()
        down.append(key)
        events.append((key, held.compactMap(Self.modifier).sorted(), context))
    }

    /// Returns false when no matching keyDown was seen.
    mutating func up(_ key: String) -> Bool {
        if Self.modifier(key) != nil {
            guard let index = held.firstIndex(of: key) else { return false }
            held.remove(at: index)
            if lonely.remove(key) != nil {
                events.append((key, held.compactMap(Self.modifier).sorted(), context))
            }
            return true
        }
        guard let index = down.firstIndex(of: key) else { return false }
        down.remove(at: index)
        return true
    }

    /// Steps for the events so far: presses, with printable runs merged into typed text.
    mutating func flush() -> [Step] {
        var steps: [Step] = []
        var text = ""
        var textContext: String?
        func endText() {
            if !text.isEmpty {
                steps.append(Step(action: .type, target: textContext.map { Target(context: $0) }, value: text))
                text = ""
            }
        }
        for event in events {
            let printable = event.key.count == 1 && event.modifiers.allSatisfy { $0 == .shift }
            if printable {
                if text.isEmpty { textContext = event.context }
                text += event.key
                continue
            }
            endText()
            steps.append(Step(action: .press, target: event.context.map { Target(context: $0) }, key: event.key == " " ? "Space" : event.key, modifiers: event.modifiers))
        }
        endText()
        // A single printable key on its own is a key press, not typing.
        if steps.count == 1, steps[0].action == .type, let value = steps[0].value, value.count == 1, events.count == 1 {
            steps[0] = Step(action: .press, target: steps[0].target, key: value == " " ? "Space" : value, modifiers: events[0].modifiers)
        }
        events.removeAll()
        return steps
    }
}
