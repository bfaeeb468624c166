import Foundation
import WaymarkModel

/// The state `check` found a material in. Raw values are the names used by `--fail-on`, reports and docs.
public enum FindingKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The source changed since the build: what a learner sees is different (with a step diff).
    case stale
    /// A generated output's bytes differ from the lock: someone edited it by hand.
    case edited
    /// A generated output recorded in the lock is gone.
    case missing
    /// The capture a material was built from (or cites) is gone.
    case orphaned
    /// A capture with no guide and no lock entry.
    case untracked
    /// The review date passed, or the recording is older than `max_age`.
    case overdue
    /// The templates or the generator version changed since the build.
    case outdatedTemplate = "outdated-template"

    /// What `--fail-on` defaults to.
    public static let defaultFailOn: Set<FindingKind> = [.stale, .edited, .missing, .orphaned]

    /// The check this kind belongs to (one JUnit test case per material × check).
    public var check: String {
        switch self {
        case .stale, .orphaned: "source"
        case .edited, .missing: "outputs"
        case .untracked: "tracked"
        case .overdue: "review"
        case .outdatedTemplate: "template"
        }
    }

    /// Every check, in report order.
    public static let checks = ["source", "outputs", "review", "template", "tracked"]

    /// A short title for annotations and rule names.
    public var title: String {
        switch self {
        case .stale: "Material is stale"
        case .edited: "Generated file edited by hand"
        case .missing: "Generated file missing"
        case .orphaned: "Source capture is gone"
        case .untracked: "Capture has no materials"
        case .overdue: "Review is overdue"
        case .outdatedTemplate: "Built with outdated templates"
        }
    }

    /// What to do about it, one sentence.
    public var help: String {
        switch self {
        case .stale: "The recorded process changed; run `waymark build` and review the changed steps in the material."
        case .edited: "Move the wording into the capture (a step's `instruction`) and rebuild, or run `waymark build --force` to discard the edit."
        case .missing: "Run `waymark build` to regenerate it."
        case .orphaned: "Restore the capture, or delete the material that was built from it (or remove its citation)."
        case .untracked: "Run `waymark build` to generate its materials."
        case .overdue: "Walk through the process, re-record it if it changed, and move the review date forward."
        case .outdatedTemplate: "Run `waymark build` to render the materials with the current templates."
        }
    }

    /// Stable rule id for SARIF and Code Quality: `waymark/stale`.
    public var ruleID: String { "waymark/\(rawValue)" }

    private var order: Int { FindingKind.allCases.firstIndex(of: self)! }
    public static func < (lhs: FindingKind, rhs: FindingKind) -> Bool { lhs.order < rhs.order }

    /// Parses a `--fail-on` list such as `stale,edited` (also `all` and `none`). Unknown names are a diagnostic.
    public static func parseList(_ text: String) -> Result<Set<FindingKind>, DiagnosticError> {
        var out: Set<FindingKind> = []
        for raw in text.split(separator: ",") {
            let name = raw.trimming(.whitespaces).lowercased()
            if name.isEmpty || name == "none" { continue }
            if name == "all" { out.formUnion(allCases); continue }
            guard let kind = FindingKind(rawValue: name) else {
                return .failure(DiagnosticError(Diagnostic(
                    .checkFailOn, "Unknown status '\(name)' in --fail-on.",
                    hint: "Use a comma-separated list of: " + allCases.map(\.rawValue).joined(separator: ", ") + " (or all, none).")))
            }
            out.insert(kind)
        }
        return .success(out)
    }
}

/// One problem `check` found with one material.
public struct Finding: Sendable, Hashable {
    public var kind: FindingKind
    /// The capture id the material belongs to (or cites).
    public var captureID: String
    /// The material, for grouping: the capture id for generated materials, the file path for hand-written ones.
    public var material: String
    public var owner: String?
    /// The file to point at, relative to where `check` runs; the line where known (citations, stale steps).
    public var file: String
    public var line: Int?
    /// One sentence, naming the capture and what happened.
    public var message: String
    /// Extra lines: the step diff for stale materials.
    public var details: [String]

    public init(
        kind: FindingKind, captureID: String, material: String? = nil, owner: String?, file: String, line: Int? = nil,
        message: String, details: [String] = []
    ) {
        self.kind = kind
        self.captureID = captureID
        self.material = material ?? captureID
        self.owner = owner
        self.file = file
        self.line = line
        self.message = message
        self.details = details
    }

    /// The message followed by the details, one per line.
    public var fullMessage: String {
        ([message] + details.map { "  " + $0 }).joined(separator: "\n")
    }

    /// A stable identity for CI tools that track findings across runs (SARIF partialFingerprints, Code Quality).
    /// Built from the kind, material and file, not the message or line, so a finding keeps its identity while the
    /// details change.
    public var identity: String {
        Fingerprint.hex(of: [kind.rawValue, material, captureID, file].joined(separator: "\u{1F}"))
    }
}
