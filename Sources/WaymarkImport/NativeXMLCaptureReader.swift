import Foundation
import WaymarkModel
internal import WaymarkXML

/// Walks a parsed XML capture, collecting diagnostics with line numbers.
struct NativeXMLCaptureReader {
    let file: String
    let format: CaptureFormat
    var diagnostics: [Diagnostic] = []

    func location(_ element: XMLElement) -> SourceLocation {
        SourceLocation(file: file, line: element.line > 0 ? element.line : nil)
    }

    // MARK: Generic access

    /// Warns about attributes and child elements this element should not have.
    mutating func checkNames(
        _ element: XMLElement, attributes: Set<String>, elements: Set<String>, repeatable: Bool = false, context: String
    ) {
        for attribute in element.attributes where !attributes.contains(attribute.name) {
            diagnostics.append(NativeFormat.unknownFieldWarning(
                "\(attribute.name)=\"…\"", at: location(element), context: context))
        }
        var seen = Set<String>()
        for child in element.elements {
            if !elements.contains(child.name) {
                diagnostics.append(NativeFormat.unknownFieldWarning("<\(child.name)>", at: location(child), context: context))
            } else if !repeatable, !seen.insert(child.name).inserted {
                diagnostics.append(Diagnostic(
                    .captureDuplicateField,
                    "\(context): the element <\(child.name)> appears twice; the first one is used.",
                    hint: "Remove the second <\(child.name)>.", at: location(child)))
            }
        }
        checkOnlyElements(element, context: context)
    }

    /// Warns about non-blank text directly inside a container element.
    mutating func checkOnlyElements(_ element: XMLElement, context: String) {
        for case .text(let text) in element.children
        where !text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            diagnostics.append(Diagnostic(
                .xmlUnexpectedText, "\(context): text outside any field is ignored.",
                hint: "Put the text inside the element it belongs to, such as <note>.", at: location(element)))
            break
        }
    }

    /// The text of a child element, warning when it holds elements instead of text.
    mutating func text(_ element: XMLElement, _ name: String, context: String) -> String? {
        guard let child = element.firstElement(named: name) else { return nil }
        if !child.elements.isEmpty {
            diagnostics.append(Diagnostic(
                .captureType, "\(context): <\(name)> must hold text, not elements.",
                hint: "Write the value as plain text inside <\(name)>…</\(name)>.", at: location(child)))
            return nil
        }
        return child.text
    }

    mutating func missing(_ name: String, in element: XMLElement, context: String) {
        diagnostics.append(Diagnostic(
            .captureMissingField, "\(context): the required \(name) is missing.",
            hint: "Add \(name) (see `waymark schema xsd`).", at: location(element)))
    }

    mutating func int(_ element: XMLElement, attribute name: String, context: String) -> Int? {
        guard let raw = element[attribute: name] else { return nil }
        let trimmed = raw.trimming(.whitespaces)
        guard let value = Int(trimmed) else {
            diagnostics.append(Diagnostic(
                .captureType, "\(context): \(name)=\"\(raw)\" is not a whole number.",
                hint: "Write \(name) as a whole number of pixels.", at: location(element)))
            return nil
        }
        return value
    }

    mutating func list(_ element: XMLElement, wrapper: String, item: String, context: String) -> [String] {
        guard let container = element.firstElement(named: wrapper) else { return [] }
        checkNames(container, attributes: [], elements: [item], repeatable: true, context: "\(context) <\(wrapper)>")
        var out: [String] = []
        for child in container.elements(named: item) {
            if !child.elements.isEmpty {
                diagnostics.append(Diagnostic(
                    .captureType, "\(context): <\(item)> must hold text, not elements.",
                    hint: "Write each entry as plain text.", at: location(child)))
                continue
            }
            out.append(child.text)
        }
        return out
    }

    // MARK: Capture

    static let captureElements: Set<String> = [
        "title", "application", "owner", "audience", "purpose", "objectives", "prerequisites", "reviewBy",
        "recordedAt", "recordedBy", "language", "masteryScore", "origin", "steps",
    ]
    static let stepElements: Set<String> = [
        "target", "value", "key", "url", "destination", "screenshot", "note", "time", "instruction", "customType",
    ]
    static let targetElements: Set<String> = ["label", "labelSource", "role", "selectors", "context"]

    mutating func readCapture(_ element: XMLElement, context: String) -> Capture? {
        guard let versionText = element[attribute: "version"] else {
            diagnostics.append(Diagnostic(
                .captureVersion, "\(context): <capture> has no version attribute.",
                hint: "Write <capture version=\"\(NativeFormat.version)\" id=\"…\">.", at: location(element)))
            return nil
        }
        guard let version = Int(versionText.trimming(.whitespaces)) else {
            diagnostics.append(Diagnostic(
                .captureVersion, "\(context): version=\"\(versionText)\" is not a format version number.",
                hint: "Write version=\"\(NativeFormat.version)\".", at: location(element)))
            return nil
        }
        if version > NativeFormat.version {
            diagnostics.append(NativeFormat.unsupportedVersion(String(version), at: location(element)))
            return nil
        }
        if version < 1 {
            diagnostics.append(Diagnostic(
                .captureVersion, "\(context): the format version \(version) does not exist.",
                hint: "Write version=\"\(NativeFormat.version)\".", at: location(element)))
            return nil
        }
        checkNames(element, attributes: ["version", "id"], elements: Self.captureElements, context: context)

        let id = element[attribute: "id"]
        if let id {
            if let problem = NativeFormat.checkID(id, at: location(element)) { diagnostics.append(problem) }
        } else {
            missing("attribute id", in: element, context: context)
        }
        let title = text(element, "title", context: context)
        if element.firstElement(named: "title") == nil { missing("element <title>", in: element, context: context) }

        var reviewBy: CalendarDate?
        if let raw = text(element, "reviewBy", context: context), let dateElement = element.firstElement(named: "reviewBy") {
            reviewBy = NativeFormat.parseDate(raw, field: "reviewBy", at: location(dateElement), into: &diagnostics)
        }
        var masteryScore: Int?
        if let raw = text(element, "masteryScore", context: context), let scoreElement = element.firstElement(named: "masteryScore") {
            if let value = Int(raw.trimming(.whitespacesAndNewlines)) {
                masteryScore = NativeFormat.checkMasteryScore(value, at: location(scoreElement), into: &diagnostics)
            } else {
                diagnostics.append(Diagnostic(
                    .captureType, "\(context): <masteryScore>\(raw)</masteryScore> is not a whole number.",
                    hint: "Write the pass mark as a whole percentage from 0 to 100, e.g. 80.", at: location(scoreElement)))
            }
        }
        var origin: CaptureSource?
        if let originElement = element.firstElement(named: "origin") {
            origin = readOrigin(originElement, context: "\(context) origin")
        }

        var steps: [Step] = []
        if let stepsElement = element.firstElement(named: "steps") {
            checkNames(stepsElement, attributes: [], elements: ["step"], repeatable: true, context: "<steps>")
            let stepElements = stepsElement.elements(named: "step")
            for (index, stepElement) in stepElements.enumerated() {
                if let step = readStep(stepElement, context: "Step \(index + 1)") { steps.append(step) }
            }
            if stepElements.isEmpty {
                diagnostics.append(Diagnostic(
                    .captureNoSteps, "\(context) has no steps.",
                    hint: "Record the process again; a guide without steps teaches nothing.", at: location(stepsElement)))
            }
        } else {
            missing("element <steps>", in: element, context: context)
        }

        return Capture(
            id: id ?? "",
            title: title ?? "",
            application: text(element, "application", context: context),
            owner: text(element, "owner", context: context),
            audience: text(element, "audience", context: context),
            purpose: text(element, "purpose", context: context),
            objectives: list(element, wrapper: "objectives", item: "objective", context: context),
            prerequisites: list(element, wrapper: "prerequisites", item: "prerequisite", context: context),
            reviewBy: reviewBy,
            recordedAt: text(element, "recordedAt", context: context),
            recordedBy: text(element, "recordedBy", context: context),
            language: text(element, "language", context: context),
            source: CaptureSource(format: format, path: file),
            origin: origin,
            steps: steps,
            masteryScore: masteryScore)
    }

    mutating func readOrigin(_ element: XMLElement, context: String) -> CaptureSource? {
        checkNames(element, attributes: ["format", "path"], elements: [], context: context)
        guard let formatName = element[attribute: "format"] else {
            missing("attribute format", in: element, context: context)
            return nil
        }
        guard let path = element[attribute: "path"] else {
            missing("attribute path", in: element, context: context)
            return nil
        }
        guard let format = CaptureFormat(rawValue: formatName) else {
            diagnostics.append(Diagnostic(
                .captureOrigin, "\(context): unknown format '\(formatName)'.",
                hint: "Use one of: " + CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                at: location(element)))
            return nil
        }
        return CaptureSource(format: format, path: path)
    }

    // MARK: Step

    mutating func readStep(_ element: XMLElement, context: String) -> Step? {
        checkNames(element, attributes: ["action", "sensitive", "modifiers", "id"], elements: Self.stepElements,
                   context: context)
        guard let actionName = element[attribute: "action"] else {
            missing("attribute action", in: element, context: context)
            return nil
        }
        var action = Action.custom
        var customType = text(element, "customType", context: context)
        if let known = Action(rawValue: actionName) {
            action = known
        } else {
            diagnostics.append(NativeFormat.unknownActionWarning(actionName, at: location(element), context: context))
            if customType == nil { customType = actionName }
        }

        var sensitive = false
        if let raw = element[attribute: "sensitive"] {
            switch raw.trimming(.whitespaces) {
            case "true", "1": sensitive = true
            case "false", "0": sensitive = false
            default:
                diagnostics.append(Diagnostic(
                    .captureType, "\(context): sensitive=\"\(raw)\" must be true or false.",
                    hint: "Write sensitive=\"true\" for secrets such as passwords.", at: location(element)))
            }
        }

        var modifiers: [KeyModifier] = []
        if let raw = element[attribute: "modifiers"] {
            for name in raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                if let modifier = KeyModifier(rawValue: String(name)) {
                    modifiers.append(modifier)
                } else {
                    diagnostics.append(Diagnostic(
                        .captureUnknownModifier, "\(context): unknown key modifier '\(name)' is dropped.",
                        hint: "Use ctrl, alt, shift or meta, separated by spaces.", at: location(element)))
                }
            }
        }

        let step = Step(
            action: action,
            target: element.firstElement(named: "target").flatMap { readTarget($0, context: "\(context) target") },
            value: text(element, "value", context: context),
            sensitive: sensitive,
            key: text(element, "key", context: context),
            modifiers: modifiers,
            url: text(element, "url", context: context),
            destination: element.firstElement(named: "destination").flatMap {
                readTarget($0, context: "\(context) destination")
            },
            screenshot: element.firstElement(named: "screenshot").flatMap { readScreenshot($0, context: context) },
            note: text(element, "note", context: context),
            time: text(element, "time", context: context),
            instruction: text(element, "instruction", context: context),
            customType: customType,
            id: element[attribute: "id"])
        diagnostics += NativeFormat.checkStep(step, at: location(element), context: context)
        return step
    }

    mutating func readTarget(_ element: XMLElement, context: String) -> Target? {
        checkNames(element, attributes: [], elements: Self.targetElements, context: context)
        var source: LabelSource?
        if let text = text(element, "labelSource", context: context), let child = element.firstElement(named: "labelSource") {
            source = NativeFormat.labelSource(text, at: location(child), context: context, into: &diagnostics)
        }
        return Target(
            label: text(element, "label", context: context),
            role: text(element, "role", context: context),
            selectors: list(element, wrapper: "selectors", item: "selector", context: context),
            context: text(element, "context", context: context),
            labelSource: source)
    }

    mutating func readScreenshot(_ element: XMLElement, context: String) -> Screenshot? {
        let shotContext = "\(context) screenshot"
        checkNames(element, attributes: ["path", "width", "height"], elements: ["highlight"], context: shotContext)
        guard let path = element[attribute: "path"] else {
            missing("attribute path", in: element, context: shotContext)
            return nil
        }
        if let problem = NativeFormat.checkScreenshotPath(path, at: location(element), context: context) {
            diagnostics.append(problem)
        }
        var highlight: Rect?
        if let rectElement = element.firstElement(named: "highlight") {
            highlight = readRect(rectElement, context: "\(context) highlight")
        }
        let shot = Screenshot(
            path: path, highlight: highlight,
            width: int(element, attribute: "width", context: shotContext),
            height: int(element, attribute: "height", context: shotContext))
        diagnostics += NativeFormat.checkScreenshot(shot, at: location(element), context: context)
        return shot
    }

    mutating func readRect(_ element: XMLElement, context: String) -> Rect? {
        checkNames(element, attributes: NativeFormat.rectFields, elements: [], context: context)
        var values: [Int] = []
        for name in ["x", "y", "width", "height"] {
            if element[attribute: name] == nil {
                missing("attribute \(name)", in: element, context: context)
            } else if let v = int(element, attribute: name, context: context) {
                values.append(v)
            }
        }
        guard values.count == 4 else { return nil }
        return Rect(x: values[0], y: values[1], width: values[2], height: values[3])
    }
}
