import WaymarkModel

/// Everything a `waymark replay` run found, for the report writers: one entry per capture, the findings, and which
/// kinds fail the run.
public struct ReplayReport: Sendable {
    public var captures: [ReplayedCaptureSummary]
    public var findings: [ReplayFinding]
    public var failOn: Set<ReplayFindingKind>

    public init(captures: [ReplayedCaptureSummary], findings: [ReplayFinding], failOn: Set<ReplayFindingKind> = ReplayFindingKind.defaultFailOn) {
        self.captures = captures
        self.findings = findings
        self.failOn = failOn
    }

    public func isFailing(_ finding: ReplayFinding) -> Bool { failOn.contains(finding.kind) }

    /// Whether the run exits 1.
    public var fails: Bool { findings.contains(where: isFailing) }

    /// "2 captures replayed, 14 steps: 1 broken, 1 drifted."
    public var summaryLine: String {
        let steps = captures.reduce(0) { $0 + $1.stepsReplayed }
        var line = "\(captures.count) capture\(captures.count == 1 ? "" : "s") replayed, \(steps) step\(steps == 1 ? "" : "s")"
        let counts = ReplayFindingKind.allCases.compactMap { kind -> String? in
            let n = findings.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(kind.rawValue)"
        }
        line += counts.isEmpty ? ": nothing changed." : ": " + counts.joined(separator: ", ") + "."
        return line
    }
}

/// One capture of a replay run, as reports list it.
public struct ReplayedCaptureSummary: Sendable, Hashable {
    public var captureID: String
    public var title: String
    public var owner: String?
    public var file: String
    public var steps: Int
    public var stepsReplayed: Int
    /// 1-based step after which replay stopped, if it did.
    public var stoppedAfter: Int?

    public init(_ replay: CaptureReplay) {
        captureID = replay.capture.id
        title = replay.capture.title
        owner = replay.capture.owner
        file = replay.capture.source.path
        steps = replay.capture.steps.count
        stepsReplayed = replay.observations.filter { $0.outcome != .skipped }.count
        stoppedAfter = replay.stoppedAfter.map { $0 + 1 }
    }
}
