import Foundation
import WaymarkModel
import WaymarkJSON

/// Walks a parsed JSON capture, collecting diagnostics with positions.
struct NativeJSONCaptureReader {
    let file: String
    let format: CaptureFormat
    var diagnostics: [Diagnostic] = []

    func location(_ node: JSONNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line > 0 ? node.line : nil, column: node.column > 0 ? node.column : nil)
    }

    func location(_ member: JSONMember) -> SourceLocation {
        SourceLocation(file: file, line: member.line > 0 ? member.line : nil, column: member.column > 0 ? member.column : nil)
    }

    // MARK: Generic field access

    /// The members of an object, warning about unknown and duplicate keys. Nil (with an error) when not an object.
    mutating func members(_ node: JSONNode, known: Set<String>, context: String) -> [String: JSONMember]? {
        guard let list = node.objectValue else {
            diagnostics.append(Diagnostic(
                .captureType, "\(context) must be an object, but is \(node.kindDescription).",
                hint: "Write it as { … } with named fields.", at: location(node)))
            return nil
        }
        var out: [String: JSONMember] = [:]
        for member in list {
            if out[member.key] != nil {
                diagnostics.append(Diagnostic(
                    .captureDuplicateField, "\(context): the field '\(member.key)' appears twice; the first one is used.",
                    hint: "Remove the second '\(member.key)'.", at: location(member)))
                continue
            }
            if !known.contains(member.key) {
                diagnostics.append(NativeFormat.unknownFieldWarning(member.key, at: location(member), context: context))
            }
            out[member.key] = member
        }
        return out
    }

    mutating func missing(_ key: String, in node: JSONNode, context: String) {
        diagnostics.append(Diagnostic(
            .captureMissingField, "\(context): the required field '\(key)' is missing.",
            hint: "Add \"\(key)\" to this object (see `waymark schema json`).", at: location(node)))
    }

    mutating func wrongType(_ key: String, _ node: JSONNode, expected: String, context: String) {
        diagnostics.append(Diagnostic(
            .captureType, "\(context): '\(key)' must be \(expected), but is \(node.kindDescription).",
            hint: "Change '\(key)' to \(expected).", at: location(node)))
    }

    mutating func string(_ fields: [String: JSONMember], _ key: String, context: String) -> String? {
        guard let node = fields[key]?.value else { return nil }
        guard let value = node.stringValue else {
            wrongType(key, node, expected: "a string", context: context)
            return nil
        }
        return value
    }

    mutating func int(_ fields: [String: JSONMember], _ key: String, context: String) -> Int? {
        guard let node = fields[key]?.value else { return nil }
        guard case .number(let text) = node.kind, let value = Int(text) else {
            wrongType(key, node, expected: "a whole number", context: context)
            return nil
        }
        return value
    }

    mutating func bool(_ fields: [String: JSONMember], _ key: String, context: String) -> Bool? {
        guard let node = fields[key]?.value else { return nil }
        guard let value = node.boolValue else {
            wrongType(key, node, expected: "true or false", context: context)
            return nil
        }
        return value
    }

    mutating func strings(_ fields: [String: JSONMember], _ key: String, context: String) -> [String] {
        guard let node = fields[key]?.value else { return [] }
        guard let items = node.arrayValue else {
            wrongType(key, node, expected: "an array of strings", context: context)
            return []
        }
        var out: [String] = []
        for (index, item) in items.enumerated() {
            if let s = item.stringValue {
                out.append(s)
            } else {
                wrongType("\(key)[\(index)]", item, expected: "a string", context: context)
            }
        }
        return out
    }

    // MARK: Capture

    mutating func readCapture(_ node: JSONNode, context: String) -> Capture? {
        guard let fields = peekFields(node) else {
            diagnostics.append(Diagnostic(
                .captureNotACapture, "\(context) is \(node.kindDescription), not a capture object.",
                hint: "A Waymark JSON capture is an object with \"waymark\": 1, \"id\", \"title\" and \"steps\".",
                at: location(node)))
            return nil
        }
        // The version decides how to read everything else, so a wrong version stops here.
        guard let versionMember = fields["waymark"] else {
            diagnostics.append(Diagnostic(
                .captureVersion, "\(context) has no \"waymark\" version field, so it is not a Waymark capture.",
                hint: "Add \"waymark\": 1, or pass --format with the recorder that wrote the file.", at: location(node)))
            return nil
        }
        let versionNode = versionMember.value
        guard case .number(let versionText) = versionNode.kind, let version = Int(versionText) else {
            diagnostics.append(Diagnostic(
                .captureVersion,
                "\(context): \"waymark\" must be the format version number \(NativeFormat.version), but is \(versionNode.kindDescription).",
                hint: "Write \"waymark\": \(NativeFormat.version).", at: location(versionNode)))
            return nil
        }
        if version > NativeFormat.version {
            diagnostics.append(NativeFormat.unsupportedVersion(versionText, at: location(versionNode)))
            return nil
        }
        if version < 1 {
            diagnostics.append(Diagnostic(
                .captureVersion, "\(context): the format version \(versionText) does not exist.",
                hint: "Write \"waymark\": \(NativeFormat.version).", at: location(versionNode)))
            return nil
        }
        guard let members = members(node, known: NativeFormat.captureFields, context: context) else { return nil }

        let id = string(members, "id", context: context)
        if id == nil, members["id"] == nil { missing("id", in: node, context: context) }
        if let id, let problem = NativeFormat.checkID(id, at: location(members["id"]!.value)) { diagnostics.append(problem) }
        let title = string(members, "title", context: context)
        if title == nil, members["title"] == nil { missing("title", in: node, context: context) }

        var reviewBy: CalendarDate?
        if let text = string(members, "reviewBy", context: context) {
            reviewBy = NativeFormat.parseDate(
                text, field: "reviewBy", at: location(members["reviewBy"]!.value), into: &diagnostics)
        }
        var masteryScore: Int?
        if let value = int(members, "masteryScore", context: context) {
            masteryScore = NativeFormat.checkMasteryScore(
                value, at: location(members["masteryScore"]!.value), into: &diagnostics)
        }
        var origin: CaptureSource?
        if let originNode = members["origin"]?.value {
            origin = readOrigin(originNode, context: "\(context) origin")
        }

        var steps: [Step] = []
        if let stepsNode = members["steps"]?.value {
            if let items = stepsNode.arrayValue {
                for (index, item) in items.enumerated() {
                    if let step = readStep(item, context: "Step \(index + 1)") { steps.append(step) }
                }
                if items.isEmpty {
                    diagnostics.append(Diagnostic(
                        .captureNoSteps, "\(context) has no steps.",
                        hint: "Record the process again; a guide without steps teaches nothing.", at: location(stepsNode)))
                }
            } else {
                wrongType("steps", stepsNode, expected: "an array of steps", context: context)
            }
        } else {
            missing("steps", in: node, context: context)
        }

        return Capture(
            id: id ?? "",
            title: title ?? "",
            application: string(members, "application", context: context),
            owner: string(members, "owner", context: context),
            audience: string(members, "audience", context: context),
            purpose: string(members, "purpose", context: context),
            objectives: strings(members, "objectives", context: context),
            prerequisites: strings(members, "prerequisites", context: context),
            reviewBy: reviewBy,
            recordedAt: string(members, "recordedAt", context: context),
            recordedBy: string(members, "recordedBy", context: context),
            language: string(members, "language", context: context),
            source: CaptureSource(format: format, path: file),
            origin: origin,
            steps: steps,
            masteryScore: masteryScore)
    }

    /// Members of an object without diagnostics (for reading the version before anything else).
    private func peekFields(_ node: JSONNode) -> [String: JSONMember]? {
        guard let list = node.objectValue else { return nil }
        var out: [String: JSONMember] = [:]
        for member in list where out[member.key] == nil { out[member.key] = member }
        return out
    }

    mutating func readOrigin(_ node: JSONNode, context: String) -> CaptureSource? {
        guard let fields = members(node, known: NativeFormat.originFields, context: context) else { return nil }
        let formatName = string(fields, "format", context: context)
        let path = string(fields, "path", context: context)
        if formatName == nil, fields["format"] == nil { missing("format", in: node, context: context) }
        if path == nil, fields["path"] == nil { missing("path", in: node, context: context) }
        guard let formatName, let path else { return nil }
        guard let format = CaptureFormat(rawValue: formatName) else {
            diagnostics.append(Diagnostic(
                .captureOrigin, "\(context): unknown format '\(formatName)'.",
                hint: "Use one of: " + CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                at: location(fields["format"]!.value)))
            return nil
        }
        return CaptureSource(format: format, path: path)
    }

    // MARK: Step

    mutating func readStep(_ node: JSONNode, context: String) -> Step? {
        guard let fields = members(node, known: NativeFormat.stepFields, context: context) else { return nil }
        var action = Action.custom
        var customType = string(fields, "customType", context: context)
        if let actionNode = fields["action"]?.value {
            if let name = actionNode.stringValue {
                if let known = Action(rawValue: name) {
                    action = known
                } else {
                    diagnostics.append(NativeFormat.unknownActionWarning(name, at: location(actionNode), context: context))
                    if customType == nil { customType = name }
                }
            } else {
                wrongType("action", actionNode, expected: "a string", context: context)
                return nil
            }
        } else {
            missing("action", in: node, context: context)
            return nil
        }

        var modifiers: [KeyModifier] = []
        if let modifiersNode = fields["modifiers"]?.value {
            if let items = modifiersNode.arrayValue {
                for item in items {
                    guard let name = item.stringValue else {
                        wrongType("modifiers", item, expected: "a modifier name", context: context)
                        continue
                    }
                    if let modifier = KeyModifier(rawValue: name) {
                        modifiers.append(modifier)
                    } else {
                        diagnostics.append(Diagnostic(
                            .captureUnknownModifier, "\(context): unknown key modifier '\(name)' is dropped.",
                            hint: "Use ctrl, alt, shift or meta.", at: location(item)))
                    }
                }
            } else {
                wrongType("modifiers", modifiersNode, expected: "an array of modifier names", context: context)
            }
        }

        var screenshot: Screenshot?
        if let shotNode = fields["screenshot"]?.value {
            screenshot = readScreenshot(shotNode, context: context)
        }
        let step = Step(
            action: action,
            target: fields["target"].flatMap { readTarget($0.value, context: "\(context) target") },
            value: string(fields, "value", context: context),
            sensitive: bool(fields, "sensitive", context: context) ?? false,
            key: string(fields, "key", context: context),
            modifiers: modifiers,
            url: string(fields, "url", context: context),
            destination: fields["destination"].flatMap { readTarget($0.value, context: "\(context) destination") },
            screenshot: screenshot,
            note: string(fields, "note", context: context),
            time: string(fields, "time", context: context),
            instruction: string(fields, "instruction", context: context),
            customType: customType,
            id: string(fields, "id", context: context))
        diagnostics += NativeFormat.checkStep(step, at: location(node), context: context)
        return step
    }

    mutating func readTarget(_ node: JSONNode, context: String) -> Target? {
        guard let fields = members(node, known: NativeFormat.targetFields, context: context) else { return nil }
        var source: LabelSource?
        if let text = string(fields, "labelSource", context: context) {
            source = NativeFormat.labelSource(text, at: location(fields["labelSource"]!.value), context: context, into: &diagnostics)
        }
        return Target(
            label: string(fields, "label", context: context),
            role: string(fields, "role", context: context),
            selectors: strings(fields, "selectors", context: context),
            context: string(fields, "context", context: context),
            labelSource: source)
    }

    mutating func readScreenshot(_ node: JSONNode, context: String) -> Screenshot? {
        let shotContext = "\(context) screenshot"
        guard let fields = members(node, known: NativeFormat.screenshotFields, context: shotContext) else { return nil }
        guard let pathNode = fields["path"]?.value else {
            missing("path", in: node, context: shotContext)
            return nil
        }
        guard let path = pathNode.stringValue else {
            wrongType("path", pathNode, expected: "a string", context: shotContext)
            return nil
        }
        if let problem = NativeFormat.checkScreenshotPath(path, at: location(pathNode), context: context) {
            diagnostics.append(problem)
        }
        var highlight: Rect?
        if let rectNode = fields["highlight"]?.value {
            highlight = readRect(rectNode, context: "\(context) highlight")
        }
        let shot = Screenshot(
            path: path, highlight: highlight,
            width: int(fields, "width", context: shotContext), height: int(fields, "height", context: shotContext))
        diagnostics += NativeFormat.checkScreenshot(shot, at: location(node), context: context)
        return shot
    }

    mutating func readRect(_ node: JSONNode, context: String) -> Rect? {
        guard let fields = members(node, known: NativeFormat.rectFields, context: context) else { return nil }
        var values: [Int] = []
        for key in ["x", "y", "width", "height"] {
            if fields[key] == nil {
                missing(key, in: node, context: context)
            } else if let v = int(fields, key, context: context) {
                values.append(v)
            }
        }
        guard values.count == 4 else { return nil }
        return Rect(x: values[0], y: values[1], width: values[2], height: values[3])
    }
}
