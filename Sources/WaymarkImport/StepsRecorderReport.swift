import Foundation
import WaymarkModel
internal import WaymarkXML
import WaymarkSupport

/// Turns the XML report of Windows Steps Recorder into a capture.
///
/// - Target: the innermost `UIAStack/Level` with a `Name` gives the label and its `LocalizedControlType` the role
///   ("the **Send** button"); the outermost named window gives the context ("in **Inbox – Outlook**"); without a
///   UIA stack the same is read from the description (`… on "Send (button)" in "Inbox – Outlook"`).
/// - Keyboard input: Steps Recorder never records typed text (it writes `...`), only special keys. A lone key or
///   shortcut becomes a press step; anything else a type step whose note lists the special keys recorded.
/// - Screenshots: `ScreenshotFileName` names a JPEG part of the `.mht`; it is carried as embedded data at
///   `images/<name>` with its size read from the JPEG header. `ScreenCoordsXYWH` is the screen area the screenshot
///   shows (x, y, width, height in screen pixels; several monitors make one wide area). A screen point (sx, sy)
///   maps to image pixels as ((sx − x) · imageWidth / width, (sy − y) · imageHeight / height), which also handles
///   screenshots scaled down from the screen. The highlight is `HighlightXYWH` when present, else the target
///   element's `BoundingRectangle` when it is smaller than the screen, else for mouse actions a 48-pixel square
///   around `CursorCoordsXY`; always clipped to the image.
/// - `UserComment` elements and comment actions become note steps; `MissedActionCount` is reported as a warning.
struct StepsRecorderReportReader {
    let path: String
    /// The recording's file name (`Recording_20240327_2041.mht`), for the date.
    let recordingName: String
    let screenshot: (String) -> Data?
    /// Lines of the file before the report's first line, so diagnostics point into the file; nil when the report
    /// was decoded out of a zip or an encoded part, where no line of the file corresponds (lines are then left out).
    let lineOffset: Int?
    var diagnostics: [Diagnostic] = []

    init(path: String, recordingName: String, lineOffset: Int? = 0, screenshot: @escaping (String) -> Data?) {
        self.path = path
        self.recordingName = recordingName
        self.lineOffset = lineOffset
        self.screenshot = screenshot
    }

    func location(_ element: XMLElement?) -> SourceLocation {
        guard let lineOffset, let line = element?.line, line > 0 else { return SourceLocation(file: path) }
        return SourceLocation(file: path, line: line + lineOffset)
    }

    /// A diagnostic of the XML adapter, moved to the file's own lines (or stripped of them).
    func placed(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        if let line = copy.location?.line {
            copy.location = lineOffset.map { SourceLocation(file: path, line: line + $0, column: copy.location?.column) }
                ?? SourceLocation(file: path)
        }
        return copy
    }

    mutating func read(xml: Data) -> ImportResult {
        let root: XMLElement
        switch XMLDocumentParser.parse(xml, file: path) {
        case .failure(let error): return ImportResult(captures: [], diagnostics: diagnostics + error.diagnostics.map(placed))
        case .success(let element): root = element
        }
        guard root.name == "Report" else {
            diagnostics.append(Diagnostic(
                .psrNotAReport, "The XML root is <\(root.name)>, not a Steps Recorder <Report>.",
                hint: "Pass the .zip that Steps Recorder saved.", at: location(root)))
            return ImportResult(captures: [], diagnostics: diagnostics)
        }
        guard let data = root.firstElement(named: "UserActionData") else {
            diagnostics.append(Diagnostic(
                .psrNoSteps, "The report has no <UserActionData>: no steps were recorded.",
                hint: "Record the steps again with Steps Recorder.", at: location(root)))
            return ImportResult(captures: [], diagnostics: diagnostics)
        }
        let sessions = data.elements(named: "RecordSession")
        var steps: [Step] = []
        var programs: [String] = []
        var startTime: String?
        for session in sessions {
            if startTime == nil { startTime = session[attribute: "StartTime"] }
            if let missed = session[attribute: "MissedActionCount"].flatMap({ Int($0.trimming(.whitespaces)) }), missed > 0 {
                diagnostics.append(Diagnostic(
                    .psrMissedActions,
                    "Steps Recorder missed \(missed) action\(missed == 1 ? "" : "s") during this recording; the guide may lack steps.",
                    hint: "Check the guide against the process, and add the missing steps to the converted capture.",
                    at: location(session)))
            }
            for child in session.elements {
                switch child.name {
                case "EachAction":
                    if let program = child[attribute: "FileDescription"].flatMap(\.collapsingWhitespaceOrNil) { programs.append(program) }
                    steps.append(contentsOf: convert(child))
                case "UserComment":
                    if let text = child.text.collapsingWhitespaceOrNil {
                        steps.append(Step(action: .note, note: text, time: child[attribute: "Time"]))
                    }
                default:
                    break
                }
            }
        }
        let named = steps.count { _ in true } > 0 && sessions.contains { s in s.elements(named: "EachAction").contains { $0.childText("ScreenshotFileName") != nil } }
        if named, !steps.contains(where: { $0.screenshot != nil }) {
            diagnostics.append(Diagnostic(
                .psrNoScreenshots, "This report carries no screenshot images; the guide will have no pictures.",
                hint: "Import the .zip or .mht that Steps Recorder saved to get the screenshots.", at: location(root)))
        }
        if steps.isEmpty {
            diagnostics.append(Diagnostic(
                .psrNoSteps, "The report holds no recorded actions.",
                hint: "Record the steps again with Steps Recorder.", at: location(data)))
        }
        let program = Self.mostCommon(programs)
        let date = Self.recordingDate(recordingName) ?? Self.recordingDate(path)
        var title = (program ?? "Steps Recorder") + " recording"
        if let date { title += " \(date.day)" }
        var capture = Capture(
            // Steps Recorder has no title of its own: the id comes from the file name it saved
            // (`Recording_20240327_2041.zip` → `recording-20240327-2041`), unique per recording.
            id: Slug.make(SeleniumProjectReader.fileStem(path), fallback: Slug.make(title)), title: title, application: program,
            source: CaptureSource(format: .stepsRecorder, path: path),
            origin: CaptureSource(format: .stepsRecorder, path: path),
            steps: steps)
        if let date {
            capture.recordedAt = startTime.flatMap { Self.isoTime(date.day, $0) } ?? date.day + "T" + date.time
        } else {
            capture.recordedAt = startTime
        }
        return ImportResult(captures: [capture], diagnostics: diagnostics)
    }

    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return values.first { counts[$0] == counts.values.max() }
    }

    /// Steps Recorder's default file name, compiled once.
    private static let recordingName =
        try? NSRegularExpression(pattern: "Recording_(\\d{4})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})")

    /// `Recording_20240327_2041` → ("2024-03-27", "20:41").
    static func recordingDate(_ name: String) -> (day: String, time: String)? {
        guard let regex = recordingName,
              let m = regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) else { return nil }
        func g(_ i: Int) -> String { Range(m.range(at: i), in: name).map { String(name[$0]) } ?? "" }
        guard let month = Int(g(2)), (1...12).contains(month), let day = Int(g(3)), (1...31).contains(day) else { return nil }
        return ("\(g(1))-\(g(2))-\(g(3))", "\(g(4)):\(g(5))")
    }

    /// `2024-03-27` + `8:33:04 PM` → `2024-03-27T20:33:04`.
    static func isoTime(_ day: String, _ clock: String) -> String? {
        let parts = clock.trimming(.whitespaces).split(separator: " ")
        let hms = parts.first?.split(separator: ":").compactMap { Int($0) } ?? []
        guard hms.count == 3, (0...23).contains(hms[0]), (0...59).contains(hms[1]), (0...60).contains(hms[2]) else { return nil }
        var hour = hms[0]
        if parts.count > 1 {
            let suffix = parts[1].uppercased()
            if suffix == "PM", hour < 12 { hour += 12 }
            if suffix == "AM", hour == 12 { hour = 0 }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(hour)):\(two(hms[1])):\(two(hms[2]))"
    }

    // MARK: One action

    static func rect(_ text: String?) -> Rect? {
        guard let text else { return nil }
        let n = text.split(separator: ",").compactMap { Int($0.trimming(.whitespaces)) }
        guard n.count == 4, n[2] >= 0, n[3] >= 0 else { return nil }
        return Rect(x: n[0], y: n[1], width: n[2], height: n[3])
    }

    static func roleWords(_ localized: String) -> String {
        switch localized.lowercased() {
        case "edit": "text field"
        case "hyperlink": "link"
        case "check box": "checkbox"
        case "tab item": "tab"
        case "menu item": "menu item"
        case "list item": "list item"
        case "combo box": "combo box"
        case "split button": "button"
        case "document": "document"
        default: localized.lowercased()
        }
    }

    /// `Send (button)` → ("Send", "button").
    static func splitNameAndRole(_ text: String) -> (String?, String?) {
        guard text.hasSuffix(")"), let open = text.range(of: " (", options: .backwards) else { return (text.collapsingWhitespaceOrNil, nil) }
        let name = String(text[..<open.lowerBound])
        let role = String(text[open.upperBound..<text.index(before: text.endIndex)])
        return (name.collapsingWhitespaceOrNil, role.collapsingWhitespaceOrNil.map(roleWords))
    }

    /// The element (`on "…"`) and the window (`in "…"`) named in a description.
    static func describedElement(_ description: String) -> (element: String?, window: String?) {
        var element: String?
        var window: String?
        if let inRange = description.range(of: " in \"", options: .backwards), description.hasSuffix("\"") || description.contains("\" [") {
            let tail = description[inRange.upperBound...]
            if let close = tail.firstIndex(of: "\"") { window = String(tail[..<close]) }
        }
        if let onRange = description.range(of: " on \"") {
            let tail = description[onRange.upperBound...]
            if let close = tail.range(of: "\" in \"")?.lowerBound ?? tail.lastIndex(of: "\"") { element = String(tail[..<close]) }
        }
        return (element, window)
    }

    mutating func convert(_ action: XMLElement) -> [Step] {
        let description = action.childText("Description").flatMap(\.collapsingWhitespaceOrNil) ?? ""
        let kind = (action.childText("Action") ?? "").trimming(.whitespacesAndNewlines)
        let lower = kind.lowercased()
        let number = action[attribute: "ActionNumber"]
        let time = action[attribute: "Time"]
        let program = action[attribute: "FileDescription"].flatMap(\.collapsingWhitespaceOrNil)

        if lower.contains("comment") {
            let text = description.replacingOccurrences(of: "User Comment: ", with: "")
            return [Step(action: .note, note: text.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).collapsingWhitespaceOrNil ?? description,
                         time: time, id: number)]
        }

        // Target from the UIA stack (innermost named level), else from the description.
        let levels = action.firstElement(named: "UIAStack")?.elements(named: "Level") ?? []
        let described = Self.describedElement(description)
        var label: String?
        var role: String?
        var bounds: Rect?
        if let level = levels.first(where: { $0[attribute: "Name"].flatMap(\.collapsingWhitespaceOrNil) != nil }) {
            label = level[attribute: "Name"].flatMap(\.collapsingWhitespaceOrNil)
            role = level[attribute: "LocalizedControlType"].flatMap(\.collapsingWhitespaceOrNil).map(Self.roleWords)
            bounds = Self.rect(level[attribute: "BoundingRectangle"])
        } else if let element = described.element {
            (label, role) = Self.splitNameAndRole(element)
        }
        let window = levels.last(where: { $0[attribute: "LocalizedControlType"] == "window" && $0[attribute: "Name"] != nil })?[attribute: "Name"]
            ?? described.window
        let context = window.flatMap(\.collapsingWhitespaceOrNil) ?? program
        var selectors: [String] = []
        for level in levels {
            var parts: [String] = []
            if let c = level[attribute: "ClassName"] { parts.append("class=\(c)") }
            if let n = level[attribute: "Name"] { parts.append("name=\(n)") }
            if let t = level[attribute: "ControlType"] { parts.append("controlType=\(t)") }
            if !parts.isEmpty { selectors.append("uia:" + parts.joined(separator: ";")) }
        }
        let target = Target(label: label, role: role, selectors: selectors, context: context)
        let isMouse = lower.contains("mouse") || lower.contains("click") || lower.contains("drag") || lower.contains("wheel")

        var step: Step
        if lower.contains("double click") {
            step = Step(action: .doubleClick, target: target)
        } else if lower.contains("right click") {
            step = Step(action: .rightClick, target: target)
        } else if lower.contains("click") {
            step = Step(action: .click, target: target)
        } else if lower.contains("drag") {
            step = Step(action: .drag, target: target)
        } else if lower.contains("wheel") || lower.contains("scroll") {
            let direction = description.lowercased().contains("up") ? "up" : "down"
            step = Step(action: .scroll, target: target, value: direction)
        } else if lower.contains("keyboard") {
            step = keyboardStep(description, target: target)
        } else {
            step = Step(action: .custom, target: target, customType: kind.isEmpty ? "unknown" : kind)
            step.note = description.isEmpty ? nil : description
            diagnostics.append(Diagnostic(
                .psrUnknownAction, "The action '\(kind)' is not one Waymark knows; it is kept as a custom step.",
                hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.",
                at: location(action)))
        }
        step.time = time
        step.id = number
        if let comment = action.firstElement(named: "UserComment").flatMap({ $0.text.collapsingWhitespaceOrNil }) {
            step.note = [step.note, comment].compactMap { $0 }.joined(separator: " ")
        }
        if let file = action.childText("ScreenshotFileName").flatMap(\.collapsingWhitespaceOrNil) {
            step.screenshot = screenshotFor(file, action: action, bounds: bounds, isMouse: isMouse)
        }
        return [step]
    }

    /// Keys named in the last `[...]` of a keyboard description.
    mutating func keyboardStep(_ description: String, target: Target) -> Step {
        var tokens: [String] = []
        if let open = description.range(of: "[", options: .backwards), let close = description.range(of: "]", options: .backwards),
           open.upperBound <= close.lowerBound {
            tokens = description[open.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
        }
        let typed = tokens.contains { $0.hasPrefix("...") }
        let keys = tokens.filter { !$0.hasPrefix("...") }
        if !typed, keys.count == 1 {
            var parts = keys[0].split(separator: "+").map(String.init)
            let key = parts.removeLast()
            let modifiers = parts.compactMap { p -> KeyModifier? in
                switch p.lowercased() {
                case "ctrl", "control": .ctrl
                case "alt": .alt
                case "shift": .shift
                case "win", "windows", "meta": .meta
                default: nil
                }
            }.sorted()
            return Step(action: .press, target: target, key: key, modifiers: modifiers)
        }
        var note = "Steps Recorder does not record the text typed."
        if !keys.isEmpty { note += " Keys pressed: " + keys.joined(separator: ", ") + "." }
        // Without the text, the generated "type" sentence has nothing to say; this one tells the learner what to do.
        var place = "."
        switch (target.label, target.role) {
        case let (label?, role?): place = " in the “\(label)” \(role)."
        case let (label?, nil): place = " in “\(label)”."
        default: break
        }
        return Step(action: .type, target: target, note: note, instruction: "Type the text for this step" + place)
    }

    func screenshotFor(_ file: String, action: XMLElement, bounds: Rect?, isMouse: Bool) -> Screenshot? {
        let safeName = file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? file
        guard !safeName.isEmpty, safeName != "..", safeName != "." else { return nil }
        var shot = Screenshot(path: "images/" + safeName.lowercased())
        // Without the image bytes (a bare XML report) there is no picture to show: no screenshot at all.
        guard let data = screenshot(safeName) else { return nil }
        shot.embeddedData = data
        guard let size = ImageSize.read(data) else { return shot }
        shot.width = size.width
        shot.height = size.height
        guard let screen = Self.rect(action.childText("ScreenCoordsXYWH")), screen.width > 0, screen.height > 0 else { return shot }
        var area: Rect?
        if let highlight = Self.rect(action.childText("HighlightXYWH")), highlight.width > 0, highlight.height > 0 {
            area = highlight
        } else if let bounds, bounds.width > 0, bounds.height > 0,
                  bounds.width * bounds.height * 10 < screen.width * screen.height * 9 {
            area = bounds
        } else if isMouse, let cursor = action.childText("CursorCoordsXY") {
            let xy = cursor.split(separator: ",").compactMap { Int($0.trimming(.whitespaces)) }
            if xy.count == 2 { area = Rect(x: xy[0] - 24, y: xy[1] - 24, width: 48, height: 48) }
        }
        if let area { shot.highlight = Self.map(area, screen: screen, imageWidth: size.width, imageHeight: size.height) }
        return shot
    }

    /// Screen rectangle → image pixels, clipped to the image; nil when nothing of it is on the image.
    static func map(_ r: Rect, screen: Rect, imageWidth: Int, imageHeight: Int) -> Rect? {
        func mx(_ x: Int) -> Int { Int((Double(x - screen.x) * Double(imageWidth) / Double(screen.width)).rounded()) }
        func my(_ y: Int) -> Int { Int((Double(y - screen.y) * Double(imageHeight) / Double(screen.height)).rounded()) }
        let x0 = max(0, min(imageWidth, mx(r.x))), x1 = max(0, min(imageWidth, mx(r.x + r.width)))
        let y0 = max(0, min(imageHeight, my(r.y))), y1 = max(0, min(imageHeight, my(r.y + r.height)))
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
