import Dispatch
import Foundation
import WaymarkModel
import WaymarkJSON
import WaymarkSupport

/// `out/waymark.lock`: what the last build produced, so `check` can tell what changed since.
///
/// JSON with sorted keys (written by `JSONWriter`), no timestamps of the build itself, paths relative to the lock's
/// folder with `/` separators — the same build gives the same bytes on every machine. `version` is the format
/// version: a lock from a newer Waymark is refused with a diagnostic instead of being misread.
public struct LockFile: Sendable, Hashable {
    /// The lock format this Waymark reads and writes.
    public static let formatVersion = 1
    /// The file name inside the output folder.
    public static let fileName = "waymark.lock"

    public var version: Int
    /// One entry per capture, by capture id.
    public var captures: [String: LockEntry]
    /// Outputs shared by every capture (dashboard, stylesheet), relative path → SHA-256.
    public var sharedOutputs: [String: String]
    /// The template override folder the build used, relative to the lock's folder; nil for the built-in templates.
    /// `check` re-hashes this folder when no other is given, so a changed template is noticed.
    public var templates: String?

    public init(
        version: Int = LockFile.formatVersion, captures: [String: LockEntry] = [:],
        sharedOutputs: [String: String] = [:], templates: String? = nil
    ) {
        self.version = version
        self.captures = captures
        self.sharedOutputs = sharedOutputs
        self.templates = templates
    }

    /// Every output the lock knows, relative path → hash (per-capture and shared).
    public var allOutputs: [String: String] {
        var all = sharedOutputs
        for entry in captures.values { all.merge(entry.outputs) { a, _ in a } }
        return all
    }

    /// The path of every output the lock knows (per-capture and shared).
    public var outputPaths: Set<String> {
        var paths = Set(sharedOutputs.keys)
        paths.reserveCapacity(captures.count * 16)
        for entry in captures.values { paths.formUnion(entry.outputs.keys) }
        return paths
    }

    // MARK: Writing

    /// The lock as canonical JSON text.
    ///
    /// Byte-identical to `JSONWriter.write(json)`, but written one capture at a time: the tree of a 10,000-capture
    /// lock was most of a large build's peak memory.
    public func serialized() -> String {
        var out = "{\n  \"captures\": "
        if captures.isEmpty {
            out += "{}"
        } else {
            out += "{"
            for (index, id) in captures.keys.sorted(by: JSONWriter.keyPrecedes).enumerated() {
                out += index == 0 ? "\n    " : ",\n    "
                out += JSONWriter.quoted(id) + ": "
                JSONWriter.append(captures[id]!.json, to: &out, indent: 2)
            }
            out += "\n  }"
        }
        var rest: [(String, JSONNode)] = [("outputs", .object(sharedOutputs.map { ($0.key, .string($0.value)) }))]
        if let templates { rest.append(("templates", .string(templates))) }
        rest.append(("version", .number(version)))
        for (key, value) in rest {
            out += ",\n  " + JSONWriter.quoted(key) + ": "
            JSONWriter.append(value, to: &out, indent: 1)
        }
        return out + "\n}\n"
    }

    public var json: JSONNode {
        .object(compacting: [
            ("version", .number(version)),
            ("captures", .object(captures.map { ($0.key, $0.value.json) })),
            ("outputs", .object(sharedOutputs.map { ($0.key, .string($0.value)) })),
            ("templates", templates.map(JSONNode.string)),
        ])
    }

    // MARK: Reading

    /// Parses lock bytes; every problem is a diagnostic naming `file`, line and column.
    public static func parse(_ data: Data, file: String) throws(DiagnosticError) -> LockFile {
        let root: JSONNode
        do {
            root = try JSONParser.parse(data, file: file)
        } catch {
            throw DiagnosticError(Diagnostic(
                .lockSyntax, error.message,
                hint: "The lock is written by `waymark build`; delete it and build again to recreate it.",
                at: SourceLocation(file: error.file, line: error.line, column: error.column)))
        }
        func fail(_ message: String, _ node: JSONNode?) -> DiagnosticError {
            DiagnosticError(Diagnostic(
                .lockInvalid, message,
                hint: "The lock is written by `waymark build`; delete it and build again to recreate it.",
                at: SourceLocation(file: file, line: node.map(\.line), column: node.map(\.column))))
        }
        guard root.objectValue != nil else { throw fail("The lock must be a JSON object.", root) }
        guard let version = root["version"]?.intValue else {
            throw fail("The lock has no integer 'version' field.", root["version"] ?? root)
        }
        if version > formatVersion {
            throw DiagnosticError(Diagnostic(
                .lockVersionNewer,
                "This lock was written by a newer Waymark (lock version \(version)); this Waymark \(WaymarkVersion.current) reads lock version \(formatVersion).",
                hint: "Upgrade waymark to the version your build uses, or run `waymark build` with this version to rewrite the lock.",
                at: SourceLocation(file: file, line: root["version"]?.line, column: root["version"]?.column)))
        }
        guard version >= 1 else { throw fail("Unknown lock version \(version).", root["version"]) }
        var lock = LockFile(version: version)
        if let captures = root["captures"] {
            guard let members = captures.objectValue else { throw fail("'captures' must be an object.", captures) }
            // Entries are independent: decode them in parallel (a lock of 10,000 captures holds 400,000 steps),
            // then insert in document order and report the first problem in document order, as a serial loop would.
            let decoded = ParallelDecoding.map(members) { member in
                Result { () throws(DiagnosticError) in try LockEntry(json: member.value, id: member.key, file: file) }
            }
            lock.captures.reserveCapacity(members.count)
            for (member, result) in zip(members, decoded) {
                lock.captures[member.key] = try result.get()
            }
        }
        if let outputs = root["outputs"] {
            lock.sharedOutputs = try hashMap(outputs, name: "outputs", file: file)
        }
        lock.templates = root["templates"]?.stringValue
        return lock
    }

    /// Reads `out/waymark.lock`; nil when there is none (never built).
    public static func read(outputFolder: URL, displayPath: String? = nil) throws(DiagnosticError) -> LockFile? {
        let url = outputFolder.appendingPathComponent(fileName)
        let shown = displayPath ?? url.path
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError(Diagnostic(.lockUnreadable, "Cannot read the lock: \(error.localizedDescription)",
                                         hint: "Check the file's permissions.", at: SourceLocation(file: shown)))
        }
        return try parse(data, file: shown)
    }

    static func hashMap(_ node: JSONNode, name: String, file: String) throws(DiagnosticError) -> [String: String] {
        guard let members = node.objectValue else {
            throw DiagnosticError(Diagnostic(.lockInvalid, "'\(name)' must be an object of path → hash.",
                                         hint: "Delete the lock and build again to recreate it.",
                                         at: SourceLocation(file: file, line: node.line, column: node.column)))
        }
        var out: [String: String] = [:]
        for member in members {
            guard let hash = member.value.stringValue else {
                throw DiagnosticError(Diagnostic(.lockInvalid, "The hash of '\(member.key)' must be a string.",
                                             hint: "Delete the lock and build again to recreate it.",
                                             at: SourceLocation(file: file, line: member.value.line, column: member.value.column)))
            }
            out[member.key] = hash
        }
        return out
    }

    /// `path` relative to `base` (both absolute file URLs), with `/` separators and `..` where needed.
    public static func relativePath(of path: URL, from base: URL) -> String {
        relativePath(of: path, fromResolved: resolvedComponents(of: base))
    }

    /// The path components of `base` as `relativePath(of:from:)` compares them (standardized, symlinks resolved):
    /// work it out once when many paths are made relative to the same folder.
    public static func resolvedComponents(of base: URL) -> [String] {
        base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    }

    /// `relativePath(of:from:)` with the base's components from `resolvedComponents(of:)`.
    public static func relativePath(of path: URL, fromResolved from: [String]) -> String {
        let target = path.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = Array(target[common...])
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}

/// What the lock records about one capture.
public struct LockEntry: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The capture file, relative to the lock's folder.
    public var source: String
    public var sourceFormat: String
    /// SHA-256 of the capture file's bytes: when it still matches, `check` does not re-parse the file.
    public var sourceHash: String
    /// `Fingerprint.capture` of the capture as built.
    public var fingerprint: String
    public var steps: [StepSummary]
    /// Outputs of this capture, path relative to the lock's folder → SHA-256 of the bytes written.
    public var outputs: [String: String]
    /// Hash of the templates the outputs were rendered with.
    public var templateHash: String
    public var generatorVersion: String
    public var owner: String?
    public var reviewBy: CalendarDate?
    public var recordedAt: String?
    /// What the dashboard shows for this capture, so an unchanged capture need not be read again to list it.
    public var dashboard: LockDashboardRow?
    /// Hash of the build settings that shape the outputs (words per minute, pause, quiz, redaction, owners …):
    /// a capture built with other settings is rebuilt even when its source did not change.
    public var settingsHash: String?

    public init(
        id: String, title: String, source: String, sourceFormat: String, sourceHash: String, fingerprint: String,
        steps: [StepSummary], outputs: [String: String], templateHash: String,
        generatorVersion: String = WaymarkVersion.current, owner: String? = nil, reviewBy: CalendarDate? = nil,
        recordedAt: String? = nil, dashboard: LockDashboardRow? = nil, settingsHash: String? = nil
    ) {
        self.dashboard = dashboard
        self.settingsHash = settingsHash
        self.id = id
        self.title = title
        self.source = source
        self.sourceFormat = sourceFormat
        self.sourceHash = sourceHash
        self.fingerprint = fingerprint
        self.steps = steps
        self.outputs = outputs
        self.templateHash = templateHash
        self.generatorVersion = generatorVersion
        self.owner = owner
        self.reviewBy = reviewBy
        self.recordedAt = recordedAt
    }

    /// The entry for a capture just built from `sourceBytes` at `sourcePath` (relative to the lock's folder).
    public init(
        capture: Capture, sourcePath: String, sourceBytes: Data, outputs: [String: String], templateHash: String,
        generatorVersion: String = WaymarkVersion.current, dashboard: LockDashboardRow? = nil, settingsHash: String? = nil
    ) {
        self.init(
            capture: capture, sourcePath: sourcePath, sourceHash: Fingerprint.hex(of: sourceBytes), outputs: outputs,
            templateHash: templateHash, generatorVersion: generatorVersion, dashboard: dashboard,
            settingsHash: settingsHash)
    }

    /// The same, from the SHA-256 of the source bytes when the caller has hashed them already.
    public init(
        capture: Capture, sourcePath: String, sourceHash: String, outputs: [String: String], templateHash: String,
        generatorVersion: String = WaymarkVersion.current, dashboard: LockDashboardRow? = nil, settingsHash: String? = nil,
        fingerprints: (capture: String, steps: [String])? = nil
    ) {
        // The build passes the fingerprints it computed for the front matter; they are the same functions.
        let known = fingerprints.flatMap { $0.steps.count == capture.steps.count && !$0.capture.isEmpty ? $0 : nil }
        let stepFingerprints = known?.steps ?? capture.steps.map(Fingerprint.step)
        self.init(
            id: capture.id, title: Fingerprint.normalizedText(capture.title), source: sourcePath,
            sourceFormat: capture.source.format.rawValue, sourceHash: sourceHash,
            fingerprint: known?.capture ?? Fingerprint.capture(capture, stepFingerprints: stepFingerprints),
            steps: zip(capture.steps, stepFingerprints).map { StepSummary($0, fingerprint: $1) }, outputs: outputs,
            templateHash: templateHash, generatorVersion: generatorVersion, owner: capture.owner,
            reviewBy: capture.reviewBy, recordedAt: capture.recordedAt, dashboard: dashboard, settingsHash: settingsHash)
    }

    public var json: JSONNode {
        .object(compacting: [
            ("title", .string(title)),
            ("source", .string(source)),
            ("sourceFormat", .string(sourceFormat)),
            ("sourceHash", .string(sourceHash)),
            ("fingerprint", .string(fingerprint)),
            ("steps", .array(steps.map(\.json))),
            ("outputs", .object(outputs.map { ($0.key, .string($0.value)) })),
            ("templateHash", .string(templateHash)),
            ("generatorVersion", .string(generatorVersion)),
            ("owner", owner.map(JSONNode.string)),
            ("reviewBy", reviewBy.map { .string($0.description) }),
            ("recordedAt", recordedAt.map(JSONNode.string)),
            ("dashboard", dashboard?.json),
            ("settingsHash", settingsHash.map(JSONNode.string)),
        ])
    }

    init(json node: JSONNode, id: String, file: String) throws(DiagnosticError) {
        func fail(_ message: String, _ at: JSONNode?) -> DiagnosticError {
            DiagnosticError(Diagnostic(
                .lockInvalid, "Capture '\(id)' in the lock: \(message)",
                hint: "The lock is written by `waymark build`; delete it and build again to recreate it.",
                at: SourceLocation(file: file, line: (at ?? node).line, column: (at ?? node).column)))
        }
        func string(_ key: String) throws(DiagnosticError) -> String {
            guard let value = node[key]?.stringValue else { throw fail("'\(key)' is missing or not a string.", node[key]) }
            return value
        }
        guard node.objectValue != nil else { throw fail("the entry must be an object.", node) }
        var steps: [StepSummary] = []
        for item in node["steps"]?.arrayValue ?? [] {
            guard let step = StepSummary(json: item) else { throw fail("a step lacks 'fingerprint' or 'action'.", item) }
            steps.append(step)
        }
        var reviewBy: CalendarDate?
        if let text = node["reviewBy"]?.stringValue {
            guard let date = CalendarDate(text) else { throw fail("'reviewBy' is not a YYYY-MM-DD date.", node["reviewBy"]) }
            reviewBy = date
        }
        self.init(
            id: id, title: node["title"]?.stringValue ?? id, source: try string("source"),
            sourceFormat: node["sourceFormat"]?.stringValue ?? "", sourceHash: try string("sourceHash"),
            fingerprint: try string("fingerprint"), steps: steps,
            outputs: try node["outputs"].map { n throws(DiagnosticError) in try LockFile.hashMap(n, name: "outputs", file: file) } ?? [:],
            templateHash: node["templateHash"]?.stringValue ?? "",
            generatorVersion: node["generatorVersion"]?.stringValue ?? "",
            owner: node["owner"]?.stringValue, reviewBy: reviewBy, recordedAt: node["recordedAt"]?.stringValue,
            dashboard: node["dashboard"].flatMap(LockDashboardRow.init(json:)),
            settingsHash: node["settingsHash"]?.stringValue)
    }
}

/// The dashboard row of a capture as last built: enough to list an unchanged capture without importing it.
public struct LockDashboardRow: Sendable, Hashable {
    public var application: String?
    /// Numbered steps of the guide (after folding), not recorded events.
    public var guideSteps: Int
    public var readingMinutes: Int
    public var narrationSeconds: Int

    public init(application: String?, guideSteps: Int, readingMinutes: Int, narrationSeconds: Int) {
        self.application = application
        self.guideSteps = guideSteps
        self.readingMinutes = readingMinutes
        self.narrationSeconds = narrationSeconds
    }

    public var json: JSONNode {
        .object(compacting: [
            ("application", application.map(JSONNode.string)),
            ("guideSteps", .number(guideSteps)),
            ("readingMinutes", .number(readingMinutes)),
            ("narrationSeconds", .number(narrationSeconds)),
        ])
    }

    /// Nil when the row is incomplete: the capture is then simply rebuilt.
    public init?(json node: JSONNode) {
        guard let steps = node["guideSteps"]?.intValue, let reading = node["readingMinutes"]?.intValue,
              let narration = node["narrationSeconds"]?.intValue else { return nil }
        self.init(application: node["application"]?.stringValue, guideSteps: steps, readingMinutes: reading,
                  narrationSeconds: narration)
    }
}

/// Order-preserving parallel map for independent, CPU-bound decoding (serial for a few items).
enum ParallelDecoding {
    static func map<Element: Sendable, Output: Sendable>(
        _ items: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        Parallel.map(count: items.count, workers: items.count > 64 ? Parallel.cores : 1) { transform(items[$0]) }
    }
}
