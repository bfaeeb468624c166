import ArgumentParser
import Foundation
import WaymarkImport
import WaymarkModel
import WaymarkStaleness

/// `waymark diff OLD NEW`: what changed between two recordings of the same process, step by step.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the step-level differences between two recordings of a process.",
        discussion: """
            OLD and NEW may be in any supported format (even different ones). Steps are matched by their \
            fingerprints (what a learner sees, not timestamps or selectors); unmatched steps that look alike are \
            shown as changed, with the fields that differ. Files holding several captures are paired by id.

            Exit status: 0 when the recordings teach the same steps, 1 when they differ, 2 on invalid input.
            """)

    @Argument(help: "The older recording.")
    public var old: String

    @Argument(help: "The newer recording.")
    public var new: String

    @Option(help: "Report format: text or json.")
    public var report: DiffReportFormat = .text

    public init() {}

    public enum DiffReportFormat: String, ExpressibleByArgument, Sendable {
        case text, json
    }

    public func run() throws {
        let oldCaptures = try load(old)
        let newCaptures = try load(new)
        var pairs: [(Capture?, Capture?)] = []
        if oldCaptures.count == 1, newCaptures.count == 1 {
            pairs = [(oldCaptures[0], newCaptures[0])]
        } else {
            let newByID = Dictionary(newCaptures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let oldIDs = Set(oldCaptures.map(\.id))
            pairs = oldCaptures.map { ($0, newByID[$0.id]) } + newCaptures.filter { !oldIDs.contains($0.id) }.map { (nil, $0) }
        }
        var differs = false
        var text = ""
        var json: [JSONNode] = []
        for (o, n) in pairs {
            let diff = StepDiff.between(o?.steps.map(StepSummary.init) ?? [], n?.steps.map(StepSummary.init) ?? [])
            let oldFP = o.map(Fingerprint.capture)
            let newFP = n.map(Fingerprint.capture)
            let same = oldFP != nil && oldFP == newFP
            if !same { differs = true }
            let id = n?.id ?? o?.id ?? ""
            let title = Fingerprint.normalizedText(n?.title ?? o?.title ?? "")
            text += "\(id) (\(title))\n"
            if o == nil { text += "  only in \(new)\n" }
            if n == nil { text += "  only in \(old)\n" }
            if let o, let n, o.title != n.title, Fingerprint.normalizedText(o.title) != Fingerprint.normalizedText(n.title) {
                text += "  title changed: '\(Fingerprint.normalizedText(o.title))' → '\(Fingerprint.normalizedText(n.title))'\n"
            }
            for line in diff.lines { text += "  \(line)\n" }
            if same {
                text += "  same steps (\(diff.newCount))\n"
            } else if diff.isEmpty, o != nil, n != nil {
                text += "  same steps; the description (purpose, audience, objectives or prerequisites) changed\n"
            }
            text += "  \(diff.changed) changed, \(diff.added) added, \(diff.removed) removed (\(diff.oldCount) → \(diff.newCount) steps)\n"
            json.append(.object(compacting: [
                ("id", .string(id)),
                ("identical", .bool(same)),
                ("old", oldFP.map { .object([("fingerprint", .string($0)), ("steps", .number(diff.oldCount))]) }),
                ("new", newFP.map { .object([("fingerprint", .string($0)), ("steps", .number(diff.newCount))]) }),
                ("changes", .array(diff.changes.map(Self.json))),
            ]))
        }
        switch report {
        case .text: DiagnosticConsole.printOut(String(text.dropLast()))
        case .json:
            FileHandle.standardOutput.write(Data(JSONWriter.write(.object([
                ("version", .number(1)), ("old", .string(old)), ("new", .string(new)), ("captures", .array(json)),
            ])).utf8))
        }
        if differs { throw ExitStatus.findings }
    }

    static func json(_ change: StepChange) -> JSONNode {
        switch change {
        case .added(let index, let step):
            return .object([("kind", .string("added")), ("newStep", .number(index + 1)), ("new", step.json),
                            ("description", .string(change.description))])
        case .removed(let index, let step):
            return .object([("kind", .string("removed")), ("oldStep", .number(index + 1)), ("old", step.json),
                            ("description", .string(change.description))])
        case .changed(let oldIndex, let newIndex, let old, let new, let fields):
            return .object([
                ("kind", .string("changed")), ("oldStep", .number(oldIndex + 1)), ("newStep", .number(newIndex + 1)),
                ("old", old.json), ("new", new.json), ("description", .string(change.description)),
                ("fields", .array(fields.map { f in
                    .object(compacting: [("field", .string(f.field)), ("old", f.old.map(JSONNode.string)),
                                         ("new", f.new.map(JSONNode.string))])
                })),
            ])
        }
    }

    func load(_ path: String) throws -> [Capture] {
        let input: CaptureInput
        do {
            input = try CaptureInput.load(URL(fileURLWithPath: path), displayPath: path)
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        let result = CaptureReader().read(input)
        DiagnosticConsole.report(result.diagnostics.map { $0.inFile(path) })
        if result.hasErrors || result.captures.isEmpty {
            if result.captures.isEmpty, !result.hasErrors {
                DiagnosticConsole.report([.error("input.no-captures", "The file holds no capture.", at: SourceLocation(file: path))])
            }
            throw ExitStatus.invalidInput
        }
        // Prepared as the build prepares them: no secret or control character reaches the diff.
        let redactor = Redactor(patterns: try CaptureLoading.redactPatterns())
        return result.captures.map(redactor.prepare)
    }
}
