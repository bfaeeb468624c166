import Foundation
import WaymarkModel
import WaymarkJSON

/// Reads Selenium IDE project files (`.side`, versions 1.0–3.0): one capture per test.
///
/// Tests come out in suite order (each suite's tests in the suite's order), then the tests that belong to no suite
/// in file order; a test listed by several suites comes out once. Capture ids are made from the file name and
/// the test name (`shop.side` + "Checkout" → `shop-checkout`), with `-2`, `-3` … added when two tests share a name. Relative `open` targets are joined with the
/// project's base `url`.
public struct SeleniumSideImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .seleniumIDE }

    public func recognizes(_ input: CaptureInput) -> Bool {
        let scan = JSONPrefixScan(input.prefix)
        guard scan.isObject, !scan.has("waymark"), !scan.has("steps") else { return false }
        guard scan.has("tests"), scan.valueStart("tests") == UInt8(ascii: "[") else { return false }
        return scan.has("version") || scan.has("suites") || scan.has("url") || scan.has("name") || scan.has("urls")
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let root: JSONNode
        do {
            root = try JSONParser.parse([UInt8](input.data), file: input.path)
        } catch {
            return ImportResult(captures: [], diagnostics: [Diagnostic(error).inFile(input.path)])
        }
        var reader = SeleniumProjectReader(file: input.path)
        let captures = reader.read(root)
        return ImportResult(captures: captures, diagnostics: reader.fields.diagnostics)
    }
}

/// Reads one parsed `.side` project. Internal: the importer is the public face.
struct SeleniumProjectReader {
    var fields: ForeignJSONFields
    let file: String

    init(file: String) {
        self.file = file
        fields = ForeignJSONFields(file: file, wrongTypeCode: .seleniumFieldType, missingFieldCode: .seleniumMissingField)
    }

    struct TestEntry {
        var id: String?
        var name: String
        var node: JSONNode
        var commands: [SeleneseCommand]
    }

    mutating func read(_ root: JSONNode) -> [Capture] {
        guard root.objectValue != nil else {
            fields.diagnostics.append(Diagnostic(
                .seleniumNotAProject, "A Selenium IDE project is a JSON object; this file holds \(root.kindDescription).",
                hint: "Save the project again from Selenium IDE (File → Save project).", at: fields.location(root)))
            return []
        }
        if let version = fields.string(root, "version") {
            let major = Int(version.split(separator: ".").first ?? "") ?? 0
            if !(1...3).contains(major) {
                fields.diagnostics.append(Diagnostic(
                    .seleniumVersion, "The project's version '\(version)' is not one Waymark knows (1.0–3.0); reading it as 3.0.",
                    hint: "Check the converted guide carefully.", at: fields.location(root["version"]!)))
            }
        } else if root["version"] == nil {
            fields.diagnostics.append(Diagnostic(
                .seleniumNoVersion, "The project has no 'version' field; reading it as version 1.0.", at: fields.location(root)))
        }
        _ = fields.string(root, "id")
        for url in fields.array(root, "urls") ?? [] where url.stringValue == nil {
            fields.wrongType(url, field: "urls[]", expected: "a string")
        }
        _ = fields.array(root, "plugins")
        _ = fields.object(root, "snapshot")
        let projectName = fields.string(root, "name").flatMap(\.collapsingWhitespaceOrNil)
        let baseURL = fields.string(root, "url")
        guard let testNodes = fields.array(root, "tests") else {
            if root["tests"] == nil { fields.missing("tests", in: root, what: "The project") }
            return []
        }

        var tests: [TestEntry] = []
        for node in testNodes {
            guard node.objectValue != nil else { fields.wrongType(node, field: "tests[]", expected: "an object"); continue }
            let id = fields.string(node, "id")
            let name = fields.string(node, "name").flatMap(\.collapsingWhitespaceOrNil) ?? "Untitled test"
            if node["name"] == nil { fields.missing("name", in: node, what: "A test") }
            let commands = (fields.array(node, "commands") ?? []).compactMap { command(from: $0) }
            if node["commands"] == nil { fields.missing("commands", in: node, what: "The test '\(name)'") }
            tests.append(TestEntry(id: id, name: name, node: node, commands: commands))
        }

        // Suite order first, then tests in no suite, in file order.
        var order: [Int] = []
        var taken = Set<Int>()
        for suite in fields.array(root, "suites") ?? [] {
            guard suite.objectValue != nil else { fields.wrongType(suite, field: "suites[]", expected: "an object"); continue }
            _ = fields.string(suite, "id"); _ = fields.string(suite, "name"); _ = fields.number(suite, "timeout")
            _ = fields.bool(suite, "persistSession"); _ = fields.bool(suite, "parallel")
            for ref in fields.array(suite, "tests") ?? [] {
                guard let testID = ref.stringValue else { fields.wrongType(ref, field: "suites[].tests[]", expected: "a test id"); continue }
                guard let index = tests.firstIndex(where: { $0.id == testID }) else {
                    fields.diagnostics.append(Diagnostic(
                        .seleniumUnknownTest, "A suite lists the test id '\(testID)', which is not in the project.",
                        hint: "Remove the id from the suite or add the test back.", at: fields.location(ref)))
                    continue
                }
                if taken.insert(index).inserted { order.append(index) }
            }
        }
        for index in tests.indices where !taken.contains(index) { order.append(index) }

        let fileStem = Self.fileStem(file).nilIfEmpty
        let testNames = Dictionary(tests.compactMap { t in t.id.map { ($0, t.name) } }, uniquingKeysWith: { a, _ in a })
        let commandsByName = Dictionary(tests.map { ($0.name, $0.commands) }, uniquingKeysWith: { first, _ in first })
        var usedIDs = Set<String>()
        var captures: [Capture] = []
        for index in order {
            let test = tests[index]
            // The file name, not the project name, prefixes the id: ids must be unique across a whole captures
            // folder, and project names are not (Selenium IDE names every new project the same way).
            var base = Slug.make([fileStem ?? projectName, test.name].compactMap { $0 }.joined(separator: " "))
            if base.count > 100 { base = String(base.prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
            var id = base
            var n = 2
            while !usedIDs.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            var converter = SeleneseCommandTable(baseURL: baseURL, testNames: testNames, byName: Set(tests.map(\.name)),
                                                 commandsByName: commandsByName, testName: test.name)
            for command in test.commands {
                converter.convert(command)
            }
            converter.finish(testName: test.name, at: fields.location(test.node))
            fields.diagnostics += converter.diagnostics
            if converter.steps.isEmpty {
                fields.diagnostics.append(Diagnostic(
                    .seleniumEmptyTest, "The test '\(test.name)' has no commands a person performs; its guide will be empty.",
                    hint: "Record the test again in Selenium IDE, or remove it from the project.", at: fields.location(test.node)))
            }
            var capture = Capture(
                id: id, title: test.name,
                prerequisites: converter.prerequisites,
                source: CaptureSource(format: .seleniumIDE, path: file),
                origin: CaptureSource(format: .seleniumIDE, path: file),
                steps: converter.steps)
            capture.application = baseURL.flatMap { URL(string: $0)?.host }
                ?? converter.steps.first { $0.action == .navigate }?.url.flatMap { URL(string: $0)?.host }
            captures.append(capture)
        }
        return captures
    }
}

extension SeleniumProjectReader {
    /// One command object of a test as a `SeleneseCommand`, its fields type-checked; nil when it is not an object.
    mutating func command(from node: JSONNode) -> SeleneseCommand? {
        guard node.objectValue != nil else {
            fields.wrongType(node, field: "commands[]", expected: "an object")
            return nil
        }
        let name = fields.string(node, "command") ?? ""
        let target = fields.string(node, "target") ?? ""
        let value = fields.string(node, "value") ?? ""
        let comment = fields.string(node, "comment").flatMap(\.collapsingWhitespaceOrNil)
        let id = fields.string(node, "id")
        // Recorder bookkeeping fields: not shown, but type-checked so a damaged file is reported.
        let opensWindow = fields.bool(node, "opensWindow") ?? false
        let handle = fields.string(node, "windowHandleName"); _ = fields.number(node, "windowTimeout")
        _ = fields.bool(node, "insertBeforeLastCommand"); _ = fields.string(node, "frameLocation"); _ = fields.bool(node, "isBreakpoint")
        var alternatives: [String] = []
        for entry in fields.array(node, "targets") ?? [] {
            if let pair = entry.arrayValue, let locator = pair.first?.stringValue, pair.allSatisfy({ $0.stringValue != nil }) {
                alternatives.append(locator)
            } else if let locator = entry.stringValue {
                alternatives.append(locator)
            } else {
                fields.wrongType(entry, field: "targets[]", expected: "a [locator, kind] pair")
            }
        }
        return SeleneseCommand(name: name, target: target, value: value, alternatives: alternatives, comment: comment,
                               id: id, location: fields.location(node), opensWindow: opensWindow, windowHandleName: handle)
    }

    /// The file name without its last extension: `projects/shop.side` → `shop`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
