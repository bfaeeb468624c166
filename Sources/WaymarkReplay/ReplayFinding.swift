import WaymarkModel

/// What replay found wrong with one step. Raw values are the names used by `--fail-on` and reports.
public enum ReplayFindingKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The step no longer works: its element is gone or ambiguous, a navigation failed, an assertion failed.
    case broken
    /// The step works but the learner sees something else: another label, role, or page.
    case drifted
    /// A sensitive step was not performed because no secret was given for it.
    case needsSecret = "needs-secret"
    /// The screenshot differs from the last refreshed one by more than `--max-variation`.
    case screenshotChanged = "screenshot-changed"

    /// What `--fail-on` defaults to: a guide that lies fails, pixel noise and missing secrets do not.
    public static let defaultFailOn: Set<ReplayFindingKind> = [.broken, .drifted]

    public var title: String {
        switch self {
        case .broken: "Step no longer works"
        case .drifted: "Step shows something else"
        case .needsSecret: "Step needs a secret"
        case .screenshotChanged: "Screenshot changed"
        }
    }

    public var help: String {
        switch self {
        case .broken: "The application changed under the guide; update the capture (label, selector or step) or record it again."
        case .drifted: "The guide names what the application no longer shows; run `waymark replay` to refresh it, or correct the written label."
        case .needsSecret: "Name the environment variable that holds the value under secrets: in waymark.yml, or pass --secret LABEL=ENVVAR, and set it."
        case .screenshotChanged: "Look at the new screenshot; refresh the capture with `waymark replay` when the change is real."
        }
    }

    /// Stable rule id for SARIF and Code Quality: `waymark-replay/broken`.
    public var ruleID: String { "waymark-replay/\(rawValue)" }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

    /// Parses a `--fail-on` list such as `broken,drifted` (also `all` and `none`).
    public static func parseList(_ text: String) -> Result<Set<ReplayFindingKind>, DiagnosticError> {
        var out: Set<ReplayFindingKind> = []
        for raw in text.split(separator: ",") {
            let name = raw.trimming(.whitespaces).lowercased()
            if name.isEmpty || name == "none" { continue }
            if name == "all" { out.formUnion(allCases); continue }
            guard let kind = ReplayFindingKind(rawValue: name) else {
                return .failure(DiagnosticError(Diagnostic(.replayFailOn, "Unknown status '\(name)' in --fail-on.")))
            }
            out.insert(kind)
        }
        return .success(out)
    }
}

/// One problem with one step of one capture, naming the capture's owner and the step.
public struct ReplayFinding: Sendable, Hashable {
    public var kind: ReplayFindingKind
    public var captureID: String
    public var owner: String?
    /// The capture file, as shown to the user.
    public var file: String
    /// 1-based step number.
    public var step: Int
    /// One sentence: "step 4: “Submit” → “Send”".
    public var message: String
    /// The label the capture recorded and the one the application shows, for drift.
    public var recorded: String?
    public var observed: String?

    public init(kind: ReplayFindingKind, captureID: String, owner: String?, file: String, step: Int, message: String,
                recorded: String? = nil, observed: String? = nil) {
        self.kind = kind
        self.captureID = captureID
        self.owner = owner
        self.file = file
        self.step = step
        self.message = message
        self.recorded = recorded
        self.observed = observed
    }

    /// Stable across runs: capture, step and kind (not the message, which names what the page shows today).
    public var identity: String { Fingerprint.hex(of: "\(captureID)\u{1F}\(step)\u{1F}\(kind.rawValue)") }
}
