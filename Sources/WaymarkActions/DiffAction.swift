import Foundation
import WaymarkImport
import WaymarkJSON
import WaymarkModel
import WaymarkStaleness

/// `waymark diff OLD NEW`: what changed between two recordings of the same process, step by step.
public enum DiffAction {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// The report and whether the recordings teach different steps.
    public struct Outcome: Sendable {
        public var report: String
        public var differs: Bool
        /// Warnings from reading the two files.
        public var diagnostics: [Diagnostic]
    }

    /// Compares the captures of `old` and `new` (any supported formats), prepared as the build prepares them.
    /// Files holding several captures are paired by id. Throws when either file cannot be read or holds none.
    public static func run(old: String, new: String, format: Format, in project: Project) throws(DiagnosticError) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let oldCaptures = try load(old, project: project, diagnostics: &diagnostics)
        let newCaptures = try load(new, project: project, diagnostics: &diagnostics)
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
        let report = switch format {
        case .text: String(text.dropLast())
        case .json: JSONWriter.write(.object([
            ("version", .number(1)), ("old", .string(old)), ("new", .string(new)), ("captures", .array(json)),
        ]))
        }
        return Outcome(report: report, differs: differs, diagnostics: diagnostics)
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

    /// The captures of one file, prepared as the build prepares them: no secret or control character reaches the
    /// diff.
    static func load(_ path: String, project: Project, diagnostics: inout [Diagnostic]) throws(DiagnosticError) -> [Capture] {
        let input = try CaptureInput.load(project.url(path), displayPath: path)
        let result = CaptureReader().read(input)
        diagnostics += result.diagnostics.map { $0.inFile(path) }
        if result.hasErrors { throw DiagnosticError(diagnostics) }
        if result.captures.isEmpty {
            throw DiagnosticError(diagnostics + [Diagnostic(.inputNoCaptures, "The file holds no capture.", at: SourceLocation(file: path))])
        }
        return result.captures.map { project.preparation.prepare($0, displayPath: path) }
    }
}
