import Foundation
import WaymarkModel
import WaymarkJSON

/// Reads UI.Vision RPA macros: `{"Name", "CreationDate", "Commands": [{"Command", "Target", "Value", "Targets",
/// "Description"}]}`, one capture per file.
///
/// UI.Vision speaks Selenese, so every command goes through the one command table shared with Selenium IDE and
/// Selenese HTML; its own additions (`if_v2`, `label`/`gotoLabel`, `csvRead` …) and its desktop and visual
/// commands (`XClick`, `XType`, `visualAssert`, `OCRExtract` …) are in that table too. `Targets` alternatives are
/// kept as selectors; `Description` becomes the step's note. Files saved with a UTF-8 byte order mark, as UI.Vision
/// and Windows editors often do, are read like any other; a folder export is a folder of such files.
///
/// Id: the slug of the macro's `Name` (the file name when there is none), like other recordings with a title.
public struct UIVisionImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .uiVision }

    public func recognizes(_ input: CaptureInput) -> Bool {
        let scan = JSONPrefixScan(input.prefix)
        guard scan.isObject, !scan.has("waymark"), !scan.has("steps"), !scan.has("tests") else { return false }
        return scan.has("Commands") && scan.valueStart("Commands") == UInt8(ascii: "[")
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let root: JSONNode
        do {
            root = try JSONParser.parse(input.data, file: input.path)
        } catch {
            return ImportResult(captures: [], diagnostics: [Diagnostic(error).inFile(input.path)])
        }
        var fields = ForeignJSONFields(file: input.path, wrongTypeCode: .uivisionFieldType,
                                       missingFieldCode: .uivisionMissingField)
        guard root.objectValue != nil, root["Commands"] != nil else {
            return .failure(Diagnostic(
                .uivisionNotAMacro, root.objectValue == nil
                    ? "A UI.Vision macro is a JSON object; this file holds \(root.kindDescription)."
                    : "The JSON object has no \"Commands\" array, so it is not a UI.Vision macro.",
                at: fields.location(root)))
        }
        let stem = SeleniumProjectReader.fileStem(input.path)
        let name = fields.string(root, "Name").flatMap(\.collapsingWhitespaceOrNil)
        if root["Name"] == nil { fields.missing("Name", in: root, what: "The macro") }
        let title = name ?? stem
        let created = fields.string(root, "CreationDate")
        let commandNodes = fields.array(root, "Commands") ?? []
        var commands: [SeleneseCommand] = []
        commands.reserveCapacity(commandNodes.count)
        for node in commandNodes {
            guard node.objectValue != nil else {
                fields.wrongType(node, field: "Commands[]", expected: "an object")
                continue
            }
            let command = fields.string(node, "Command") ?? ""
            if node["Command"] == nil { fields.missing("Command", in: node, what: "A command") }
            var alternatives: [String] = []
            for entry in fields.array(node, "Targets") ?? [] {
                if let locator = entry.stringValue { alternatives.append(locator) } else {
                    fields.wrongType(entry, field: "Targets[]", expected: "a string")
                }
            }
            commands.append(SeleneseCommand(
                name: command,
                target: fields.string(node, "Target") ?? "",
                value: fields.string(node, "Value") ?? "",
                alternatives: alternatives,
                comment: fields.string(node, "Description").flatMap(\.collapsingWhitespaceOrNil),
                location: fields.location(node)))
        }
        var table = SeleneseCommandTable(baseURL: nil, testName: title)
        for command in commands { table.convert(command) }
        table.finish(testName: title, at: fields.location(root))
        var diagnostics = fields.diagnostics + table.diagnostics
        if table.steps.isEmpty {
            diagnostics.append(Diagnostic(
                .seleniumEmptyTest, "The macro '\(title)' has no commands a person performs; its guide will be empty.",
                hint: "Record the macro again in UI.Vision.", at: fields.location(root)))
        }
        var id = Slug.make(title)
        if id.isEmpty { id = Slug.make(stem) }
        if id.count > 100 { id = String(id.prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
        var capture = Capture(
            id: id, title: title, prerequisites: table.prerequisites,
            source: CaptureSource(format: .uiVision, path: input.path),
            origin: CaptureSource(format: .uiVision, path: input.path),
            steps: table.steps)
        if let created, CalendarDate(created) != nil { capture.recordedAt = created }
        capture.application = table.steps.first { $0.action == .navigate }?.url.flatMap { URL(string: $0)?.host }
        return ImportResult(captures: [capture], diagnostics: diagnostics)
    }
}
