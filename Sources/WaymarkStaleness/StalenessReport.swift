import WaymarkModel

/// Everything one `check` run found, the single model every report writer renders.
public struct StalenessReport: Sendable, Hashable {
    /// Every material checked (capture ids and hand-written files), sorted, including fresh ones.
    public var materials: [CheckedMaterial]
    /// Findings sorted by owner, material, kind, file.
    public var findings: [Finding]
    /// The statuses that make `check` fail.
    public var failOn: Set<FindingKind>

    public init(materials: [CheckedMaterial], findings: [Finding], failOn: Set<FindingKind> = FindingKind.defaultFailOn) {
        self.materials = materials.sorted { $0.name < $1.name }
        self.findings = findings.sorted {
            ($0.owner ?? "\u{10FFFF}", $0.material, $0.kind.rawValue, $0.file, $0.line ?? 0, $0.message)
                < ($1.owner ?? "\u{10FFFF}", $1.material, $1.kind.rawValue, $1.file, $1.line ?? 0, $1.message)
        }
        self.failOn = failOn
    }

    /// Whether a finding makes the run fail.
    public func isFailing(_ finding: Finding) -> Bool { failOn.contains(finding.kind) }

    /// Whether `check` exits 1.
    public var fails: Bool { findings.contains(where: isFailing) }

    /// Counts per kind, in kind order, only kinds that occur.
    public var counts: [(kind: FindingKind, count: Int)] {
        FindingKind.allCases.compactMap { kind in
            let n = findings.filter { $0.kind == kind }.count
            return n == 0 ? nil : (kind, n)
        }
    }

    /// The findings of each material, in report order. Writers that go material by material look them up here:
    /// filtering every finding for every material was quadratic (10,000 overdue captures: 10^8 comparisons).
    public var findingsByMaterial: [String: [Finding]] { Dictionary(grouping: findings, by: \.material) }

    /// Status of every material that has a finding (the most important kind); fresh materials are absent.
    public var statuses: [String: FindingKind] { findingsByMaterial.mapValues { $0.map(\.kind).min()! } }

    /// How many materials have no finding.
    public var freshCount: Int {
        let flagged = Set(findings.map(\.material))
        return materials.filter { !flagged.contains($0.name) }.count
    }

    /// The one-line summary: `12 materials checked: 10 fresh. Findings: 1 stale, 1 overdue.`
    public var summaryLine: String {
        let fresh = freshCount
        let noun = materials.count == 1 ? "material" : "materials"
        var line = "\(materials.count) \(noun) checked: \(fresh) fresh."
        if !counts.isEmpty {
            line += " Findings: " + counts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ") + "."
        }
        return line
    }

    /// Status of one material: the most important finding kind, or nil when fresh.
    public func status(of material: String) -> FindingKind? {
        findings.filter { $0.material == material }.map(\.kind).min()
    }
}

/// A material `check` looked at: a capture's generated materials, or one hand-written file citing a capture.
public struct CheckedMaterial: Sendable, Hashable {
    /// Capture id, or the hand-written file's path.
    public var name: String
    public var captureID: String
    public var owner: String?
    /// The file that stands for the material (the guide, or the hand-written file).
    public var file: String
    /// The checks that applied to it (`FindingKind.checks`).
    public var checks: [String]

    public init(name: String, captureID: String, owner: String?, file: String, checks: [String]) {
        self.name = name
        self.captureID = captureID
        self.owner = owner
        self.file = file
        self.checks = checks
    }
}
