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
///
/// Version 2 (docs/fingerprints.md) is compact: short digests (`LockDigest`), outputs named relative to their
/// capture's folder, the template hash, settings hash and generator version once at the top (an entry repeats one
/// only when it differs), and each capture's step summaries in `out/<id>/.waymark-steps.json` (`StepSummaryFile`)
/// with only that file's digest here. Version 1 locks are read as before and rewritten as version 2 by the next build.
public struct LockFile: Sendable, Hashable {
    /// The lock format this Waymark writes; it reads this one and every older one.
    public static let formatVersion = 2
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

    /// The path of every file the lock vouches for: outputs (per-capture and shared) and step summary files.
    public var outputPaths: Set<String> {
        var paths = Set(sharedOutputs.keys)
        paths.reserveCapacity(captures.count * 16)
        for entry in captures.values {
            paths.formUnion(entry.outputs.keys)
            if entry.stepsDigest != nil { paths.insert(StepSummaryFile.relativePath(captureID: entry.id)) }
        }
        return paths
    }

    // MARK: Writing

    /// One tab per level: a lock of thousands of captures is mostly indentation at two spaces a level, and tabs
    /// halve it while keeping one key per line for review.
    public static let indentation = "\t"

    /// The values entries share most often (ties: the smallest): written once at the top of the lock.
    struct SharedValues: Hashable {
        var generator: String?
        var template: String?
        var settings: String?
    }

    var sharedValues: SharedValues {
        func mostCommon(_ values: [String?]) -> String? {
            var counts: [String: Int] = [:]
            for case let value? in values { counts[value, default: 0] += 1 }
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        let entries = Array(captures.values)
        return SharedValues(
            generator: mostCommon(entries.map(\.generatorVersion)),
            template: mostCommon(entries.map { LockDigest.short($0.templateHash) }),
            settings: mostCommon(entries.map(\.settingsHash)))
    }

    /// The lock as canonical JSON text (version 2). Step summaries still held inline are not part of it: `write(to:)`
    /// writes them to their files first.
    ///
    /// Byte-identical to `JSONWriter.write(json, inlineScalarArrays: true, indentation: LockFile.indentation)`, but
    /// written one capture at a time: the tree of a large lock would be most of a build's peak memory.
    public func serialized() -> String {
        let shared = sharedValues
        let tab = Self.indentation
        var out = "{\n\(tab)\"captures\": "
        if captures.isEmpty {
            out += "{}"
        } else {
            out += "{"
            for (index, id) in captures.keys.sorted(by: JSONWriter.keyPrecedes).enumerated() {
                out += (index == 0 ? "\n" : ",\n") + tab + tab
                out += JSONWriter.quoted(id) + ": "
                JSONWriter.append(
                    captures[id]!.json(shared: shared), to: &out, indent: 2, inlineScalarArrays: true, indentation: tab)
            }
            out += "\n\(tab)}"
        }
        for (key, value) in topLevel(shared) {
            out += ",\n\(tab)" + JSONWriter.quoted(key) + ": "
            JSONWriter.append(value, to: &out, indent: 1, inlineScalarArrays: true, indentation: tab)
        }
        return out + "\n}\n"
    }

    /// Everything but `captures`, in key order.
    private func topLevel(_ shared: SharedValues) -> [(String, JSONNode)] {
        var rest: [(String, JSONNode)] = []
        if let generator = shared.generator { rest.append(("generator", .string(generator))) }
        rest.append(("outputs", .object(sharedOutputs.map { ($0.key, .string(LockDigest.output($0.value))) })))
        if let settings = shared.settings { rest.append(("settings", .string(settings))) }
        if let template = shared.template { rest.append(("template", .string(template))) }
        if let templates { rest.append(("templates", .string(templates))) }
        rest.append(("version", .number(Self.formatVersion)))
        return rest
    }

    /// Writes the lock into `outputFolder` (atomically, `fsync`ed), after giving every entry that still carries its
    /// step summaries inline (just built in code, or kept from a version 1 lock) its `StepSummaryFile`. Returns the
    /// lock as written.
    @discardableResult
    public func write(to outputFolder: URL) throws -> LockFile {
        var lock = recorded
        for (id, entry) in captures where entry.steps != nil && entry.stepsDigest == nil {
            let data = Data(StepSummaryFile.serialized(entry.steps ?? []).utf8)
            try AtomicFileWriter.write(data, to: outputFolder.appendingPathComponent(StepSummaryFile.relativePath(captureID: id)),
                                       durable: false)
            lock.captures[id]?.stepsDigest = LockDigest.output(Fingerprint.hex(of: data))
            lock.captures[id]?.steps = nil
        }
        try AtomicFileWriter.write(Data(lock.serialized().utf8), to: outputFolder.appendingPathComponent(Self.fileName))
        return lock
    }

    /// The lock as a version 2 file records it (digests shortened), so what was written compares equal to what is
    /// read back.
    public var recorded: LockFile {
        var lock = self
        lock.version = Self.formatVersion
        lock.sharedOutputs = sharedOutputs.mapValues(LockDigest.output)
        for (id, entry) in captures {
            var short = entry
            short.sourceHash = LockDigest.short(entry.sourceHash)
            short.fingerprint = LockDigest.short(entry.fingerprint)
            short.templateHash = LockDigest.short(entry.templateHash)
            short.stepsDigest = entry.stepsDigest.map(LockDigest.output)
            short.outputs = entry.outputs.mapValues(LockDigest.output)
            lock.captures[id] = short
        }
        return lock
    }

    public var json: JSONNode {
        let shared = sharedValues
        return .object([("captures", .object(captures.map { ($0.key, $0.value.json(shared: shared)) }))] + topLevel(shared))
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
        let shared = SharedValues(
            generator: root["generator"]?.stringValue, template: root["template"]?.stringValue,
            settings: root["settings"]?.stringValue)
        if let captures = root["captures"] {
            guard let members = captures.objectValue else { throw fail("'captures' must be an object.", captures) }
            // Entries are independent: decode them in parallel, then insert in document order and report the first
            // problem in document order, as a serial loop would.
            let decoded = ParallelDecoding.map(members) { member in
                Result { () throws(DiagnosticError) in
                    try LockEntry(json: member.value, id: member.key, version: version, shared: shared, file: file)
                }
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
        relativePath(resolved: path.standardizedFileURL.resolvingSymlinksInPath().pathComponents, fromResolved: from)
    }

    /// The relative path between two lists of resolved components.
    static func relativePath(resolved target: [String], fromResolved from: [String]) -> String {
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
    /// SHA-256 of the capture file's bytes (its first 16 hex digits in a version 2 lock): when it still matches,
    /// `check` does not re-parse the file.
    public var sourceHash: String
    /// `Fingerprint.capture` of the capture as built (shortened in a version 2 lock).
    public var fingerprint: String
    /// The step summaries for the step diff: inline in a version 1 lock and for a capture just built; nil when
    /// they are in the capture's `StepSummaryFile` (whose digest is `stepsDigest`).
    public var steps: [StepSummary]?
    /// Digest of `out/<id>/.waymark-steps.json`, the step summaries of a version 2 entry.
    public var stepsDigest: String?
    /// Outputs of this capture, path relative to the lock's folder → digest of the bytes written.
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
        id: String, title: String, source: String, sourceHash: String, fingerprint: String,
        steps: [StepSummary]?, stepsDigest: String? = nil, outputs: [String: String], templateHash: String,
        generatorVersion: String = WaymarkVersion.current, owner: String? = nil, reviewBy: CalendarDate? = nil,
        recordedAt: String? = nil, dashboard: LockDashboardRow? = nil, settingsHash: String? = nil
    ) {
        self.dashboard = dashboard
        self.settingsHash = settingsHash
        self.id = id
        self.title = title
        self.source = source
        self.sourceHash = sourceHash
        self.fingerprint = fingerprint
        self.steps = steps
        self.stepsDigest = stepsDigest
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
            id: capture.id, title: Fingerprint.normalizedText(capture.title), source: sourcePath, sourceHash: sourceHash,
            fingerprint: known?.capture ?? Fingerprint.capture(capture, stepFingerprints: stepFingerprints),
            steps: zip(capture.steps, stepFingerprints).map { StepSummary($0, fingerprint: $1) }, outputs: outputs,
            templateHash: templateHash, generatorVersion: generatorVersion, owner: capture.owner,
            reviewBy: capture.reviewBy, recordedAt: capture.recordedAt, dashboard: dashboard, settingsHash: settingsHash)
    }

    /// The entry in a version 2 lock: short digests, outputs relative to the capture's folder, the step summaries'
    /// digest, and the generator, template and settings only where they differ from the lock's `shared` values.
    func json(shared: LockFile.SharedValues) -> JSONNode {
        let template = LockDigest.short(templateHash)
        return .object(compacting: [
            ("dashboard", dashboard?.compactJSON),
            ("fingerprint", .string(LockDigest.short(fingerprint))),
            ("generator", generatorVersion == shared.generator ? nil : .string(generatorVersion)),
            ("outputs", .object(outputs.map { (Self.outputKey($0.key, id: id), .string(LockDigest.output($0.value))) })),
            ("owner", owner.map(JSONNode.string)),
            ("recordedAt", recordedAt.map(JSONNode.string)),
            ("reviewBy", reviewBy.map { .string($0.description) }),
            ("settings", settingsHash == shared.settings ? nil : settingsHash.map(JSONNode.string)),
            ("source", .string(source)),
            ("sourceHash", .string(LockDigest.short(sourceHash))),
            ("steps", stepsDigest.map { .string(LockDigest.output($0)) }),
            ("template", template == shared.template ? nil : .string(template)),
            ("title", .string(title)),
        ])
    }

    /// An output's name in a version 2 entry: relative to the capture's folder, or `/`-prefixed (relative to the
    /// lock's folder) for the rare output outside it.
    static func outputKey(_ path: String, id: String) -> String {
        path.hasPrefix(id + "/") ? String(path.dropFirst(id.count + 1)) : "/" + path
    }

    static func outputPath(_ key: String, id: String) -> String {
        key.hasPrefix("/") ? String(key.dropFirst()) : id + "/" + key
    }

    /// An entry of a lock of `version` (1 or 2); `shared` holds a version 2 lock's top-level values.
    init(
        json node: JSONNode, id: String, version: Int, shared: LockFile.SharedValues = .init(), file: String
    ) throws(DiagnosticError) {
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
        var steps: [StepSummary]?
        var stepsDigest: String?
        if version == 1 {
            steps = []
            for item in node["steps"]?.arrayValue ?? [] {
                guard let step = StepSummary(json: item) else { throw fail("a step lacks 'fingerprint' or 'action'.", item) }
                steps!.append(step)
            }
        } else if let digest = node["steps"] {
            guard let text = digest.stringValue else { throw fail("'steps' must be the digest of the step summaries.", digest) }
            stepsDigest = text
        }
        var reviewBy: CalendarDate?
        if let text = node["reviewBy"]?.stringValue {
            guard let date = CalendarDate(text) else { throw fail("'reviewBy' is not a YYYY-MM-DD date.", node["reviewBy"]) }
            reviewBy = date
        }
        var outputs = try node["outputs"].map { n throws(DiagnosticError) in try LockFile.hashMap(n, name: "outputs", file: file) } ?? [:]
        if version >= 2 {
            outputs = Dictionary(outputs.map { (Self.outputPath($0.key, id: id), $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        let v1 = version == 1
        self.init(
            id: id, title: node["title"]?.stringValue ?? id, source: try string("source"),
            sourceHash: try string("sourceHash"), fingerprint: try string("fingerprint"), steps: steps,
            stepsDigest: stepsDigest, outputs: outputs,
            templateHash: node[v1 ? "templateHash" : "template"]?.stringValue ?? shared.template ?? "",
            generatorVersion: node[v1 ? "generatorVersion" : "generator"]?.stringValue ?? shared.generator ?? "",
            owner: node["owner"]?.stringValue, reviewBy: reviewBy, recordedAt: node["recordedAt"]?.stringValue,
            dashboard: node["dashboard"].flatMap(LockDashboardRow.init(json:)),
            settingsHash: node[v1 ? "settingsHash" : "settings"]?.stringValue ?? shared.settings)
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

    /// The row in a version 2 lock, on one line: `[application, guideSteps, readingMinutes, narrationSeconds]`.
    public var compactJSON: JSONNode {
        .array([application.map(JSONNode.string) ?? .null, .number(guideSteps), .number(readingMinutes), .number(narrationSeconds)])
    }

    /// Nil when the row is incomplete: the capture is then simply rebuilt. Reads both the version 1 object and the
    /// version 2 array.
    public init?(json node: JSONNode) {
        if let fields = node.arrayValue {
            guard fields.count == 4, let steps = fields[1].intValue, let reading = fields[2].intValue,
                  let narration = fields[3].intValue else { return nil }
            self.init(application: fields[0].stringValue, guideSteps: steps, readingMinutes: reading, narrationSeconds: narration)
            return
        }
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
