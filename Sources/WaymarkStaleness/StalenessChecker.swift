import Foundation
import WaymarkModel
import WaymarkSupport

/// The output folder as `check` sees it: the hash of each generated file, or nil when it is gone.
///
/// A protocol so the checker's logic is tested with hashes in memory; `DiskOutputFolder` is the real one.
public protocol OutputFolderView: Sendable {
    /// SHA-256 (lower-case hex) of the file at `relativePath` inside the output folder, or nil when it does not exist.
    func hash(of relativePath: String) -> String?

    /// The outputs of `entry` that are missing (hash nil) or whose bytes are not those the lock recorded, in path
    /// order. The default asks `hash(of:)` about each; a view that has compared them already answers directly.
    func changedOutputs(of entry: LockEntry) -> [(path: String, hash: String?)]
}

extension OutputFolderView {
    public func changedOutputs(of entry: LockEntry) -> [(path: String, hash: String?)] {
        changedOutputs(of: entry) { path, _ in hash(of: path) }
    }

    /// The comparison itself, the one place that says what "changed" means. `hash` gives the hash of an output
    /// from its path and its position in `entry.outputs`.
    func changedOutputs(
        of entry: LockEntry, hash: (_ path: String, _ position: Int) -> String?
    ) -> [(path: String, hash: String?)] {
        var changed: [(path: String, hash: String?)] = []
        for (position, (path, recorded)) in entry.outputs.enumerated() {
            let actual = hash(path, position)
            if let actual, LockDigest.matches(actual, recorded: recorded) { continue }
            changed.append((path, actual))
        }
        return changed.sorted { $0.path < $1.path }
    }
}

/// The output folder on disk.
public struct DiskOutputFolder: OutputFolderView {
    public var root: URL
    public init(root: URL) { self.root = root }

    public func hash(of relativePath: String) -> String? {
        var path = root.standardizedFileURL.path
        if !path.hasSuffix("/") { path += "/" }
        return FileHashing.statusAndHash(path: path + relativePath)?.sha256
    }
}

/// An output folder given as path → hash, for tests and dry runs.
public struct InMemoryOutputFolder: OutputFolderView {
    public var hashes: [String: String]
    public init(_ hashes: [String: String]) { self.hashes = hashes }
    public func hash(of relativePath: String) -> String? { hashes[relativePath] }
}

/// An output folder hashed and compared with the lock up front (`check` does both in parallel, capture by capture),
/// so the checker's question about a capture's outputs is one lookup.
public struct ComparedOutputFolder: OutputFolderView {
    let hashes: [String: String]
    /// The changed outputs of every capture compared, by id.
    let changed: [String: [(path: String, hash: String?)]]

    /// `hashes` are those of `entries.flatMap(\.outputs.keys)`, in that order and as many (nil: the file is missing).
    public init(entries: [LockEntry], hashes: [String?]) {
        precondition(hashes.count == entries.reduce(0) { $0 + $1.outputs.count }, "one hash per output")
        var offsets: [Int] = []
        offsets.reserveCapacity(entries.count)
        var known: [String: String] = [:]
        known.reserveCapacity(hashes.count)
        var position = 0
        for entry in entries {
            offsets.append(position)
            for path in entry.outputs.keys {
                if let hash = hashes[position] { known[path] = hash }
                position += 1
            }
        }
        let (folder, offsetOf) = (InMemoryOutputFolder(known), offsets)
        let changes = Parallel.map(count: entries.count, workers: Parallel.cores) { index in
            folder.changedOutputs(of: entries[index]) { _, position in hashes[offsetOf[index] + position] }
        }
        self.hashes = known
        self.changed = Dictionary(zip(entries.map(\.id), changes), uniquingKeysWith: { first, _ in first })
    }

    public func hash(of relativePath: String) -> String? { hashes[relativePath] }

    public func changedOutputs(of entry: LockEntry) -> [(path: String, hash: String?)] {
        changed[entry.id] ?? changedOutputs(of: entry) { path, _ in hash(of: path) }
    }
}

/// One capture file that exists now. Its bytes are hashed up front; it is parsed (`load`) only when the hash differs
/// from the lock — the fast path that keeps `check` close to the speed of `sha256sum`.
public struct SourceCandidate: Sendable {
    /// Path relative to the lock's folder, as `LockEntry.source` spells it.
    public var lockPath: String
    /// Path to show people (relative to where `check` runs).
    public var displayPath: String
    public var byteHash: String
    /// Reads the file's captures, prepared exactly as the build prepares them, with what went wrong reading it.
    public var load: @Sendable () -> (captures: [Capture], diagnostics: [Diagnostic])

    public init(
        lockPath: String, displayPath: String, byteHash: String,
        load: @escaping @Sendable () -> (captures: [Capture], diagnostics: [Diagnostic])
    ) {
        self.lockPath = lockPath
        self.displayPath = displayPath
        self.byteHash = byteHash
        self.load = load
    }
}

/// What `check` compares against besides the lock and the sources.
public struct CheckSettings: Sendable {
    /// Hash of the templates a build would use now.
    public var templateHash: String
    public var generatorVersion: String
    public var today: CalendarDate
    /// `max_age` from waymark.yml, in days: a recording older than this is overdue.
    public var maxAgeDays: Int?
    public var failOn: Set<FindingKind>
    /// Turns a path relative to the lock's folder into a path to show (relative to where `check` runs).
    public var displayPath: @Sendable (String) -> String

    public init(
        templateHash: String, generatorVersion: String = WaymarkVersion.current, today: CalendarDate,
        maxAgeDays: Int? = nil, failOn: Set<FindingKind> = FindingKind.defaultFailOn,
        displayPath: @escaping @Sendable (String) -> String = { $0 }
    ) {
        self.templateHash = templateHash
        self.generatorVersion = generatorVersion
        self.today = today
        self.maxAgeDays = maxAgeDays
        self.failOn = failOn
        self.displayPath = displayPath
    }
}

/// Compares what exists now (sources, outputs, hand-written materials) with the lock and reports every finding.
public struct StalenessChecker: Sendable {
    public var settings: CheckSettings

    public init(settings: CheckSettings) { self.settings = settings }

    /// What is known about one capture now: from the lock (source bytes unchanged) or from parsing it.
    struct CurrentCapture {
        var id: String
        var title: String
        var owner: String?
        var reviewBy: CalendarDate?
        var recordedAt: String?
        var fingerprint: String
        /// Present when the capture was re-parsed.
        var steps: [StepSummary]?
        var sourceDisplay: String
    }

    /// `stepSummaries` gives an entry's step summaries for the step diff: inline in a version 1 lock, else read from
    /// the capture's `StepSummaryFile` by the caller (only for captures whose source changed); nil when unavailable.
    public func check(
        lock: LockFile?, sources: [SourceCandidate], outputs: some OutputFolderView, citations: [MaterialCitation] = [],
        stepSummaries: @escaping @Sendable (LockEntry) -> [StepSummary]? = { $0.steps }
    ) -> (report: StalenessReport, diagnostics: [Diagnostic]) {
        let lock = lock ?? LockFile()
        var diagnostics: [Diagnostic] = []
        var current: [String: CurrentCapture] = [:]
        var order: [String] = []
        let entriesBySource = Dictionary(grouping: lock.captures.values, by: \.source)

        // Sources the lock knows come first, so a second file claiming the same id never displaces the one built.
        // Unchanged sources claim their recorded ids before changed ones, as in the build, so a changed file whose
        // title repeats another's never takes the other's id. What the orders compare is worked out once per
        // source, not in every comparison (10,000 sources make 140,000 comparisons).
        let paths = sources.map(\.lockPath)
        let entriesOfSource = paths.map { entriesBySource[$0] ?? [] }
        let unchanged = sources.indices.map { index in
            !entriesOfSource[index].isEmpty
                && entriesOfSource[index].allSatisfy { LockDigest.matches(sources[index].byteHash, recorded: $0.sourceHash) }
        }
        let ordered = sources.indices.sorted { a, b in
            if unchanged[a] != unchanged[b] { return unchanged[a] }
            let (knownA, knownB) = (!entriesOfSource[a].isEmpty, !entriesOfSource[b].isEmpty)
            if knownA != knownB { return knownA }
            return paths[a] < paths[b]
        }
        // Findings are reported in the order of before: known sources first, then by path.
        var reportRank: [String: Int] = [:]
        reportRank.reserveCapacity(sources.count)
        for (rank, index) in sources.indices.sorted(by: { a, b in
            let (knownA, knownB) = (!entriesOfSource[a].isEmpty, !entriesOfSource[b].isEmpty)
            return knownA != knownB ? knownA : paths[a] < paths[b]
        }).enumerated() { reportRank[paths[index]] = reportRank[paths[index]] ?? rank }
        var rankOfID: [String: Int] = [:]
        for index in ordered {
            let candidate = sources[index]
            if unchanged[index] {
                for entry in entriesOfSource[index].sorted(by: { $0.id < $1.id }) where current[entry.id] == nil {
                    current[entry.id] = CurrentCapture(
                        id: entry.id, title: entry.title, owner: entry.owner, reviewBy: entry.reviewBy,
                        recordedAt: entry.recordedAt, fingerprint: entry.fingerprint, steps: nil,
                        sourceDisplay: candidate.displayPath)
                    order.append(entry.id)
                    rankOfID[entry.id] = reportRank[candidate.lockPath]
                }
                continue
            }
            let result = candidate.load()
            diagnostics += result.diagnostics
            for original in result.captures {
                var capture = original
                if let existing = current[capture.id], !capture.source.format.isNative {
                    // The same rule as the build: a foreign recording's repeated title gets its file name added.
                    let renamed = Slug.disambiguated(capture.id, filePath: candidate.displayPath) { current[$0] != nil }
                    diagnostics.append(Diagnostic(
                        .captureRepeatedTitle,
                        "The id '\(capture.id)' (from the recording's title) is already used by \(existing.sourceDisplay); this recording's id is '\(renamed)'.",
                        at: SourceLocation(file: candidate.displayPath)))
                    capture.id = renamed
                }
                if let existing = current[capture.id] {
                    diagnostics.append(Diagnostic(
                        .captureDuplicateId,
                        "Capture id '\(capture.id)' also comes from \(existing.sourceDisplay); only the first is checked.",
                        hint: "Give one of the captures another id.", at: SourceLocation(file: candidate.displayPath)))
                    continue
                }
                current[capture.id] = CurrentCapture(
                    id: capture.id, title: Fingerprint.normalizedText(capture.title), owner: capture.owner,
                    reviewBy: capture.reviewBy, recordedAt: capture.recordedAt,
                    fingerprint: Fingerprint.capture(capture), steps: capture.steps.map(StepSummary.init),
                    sourceDisplay: candidate.displayPath)
                order.append(capture.id)
                rankOfID[capture.id] = reportRank[candidate.lockPath]
            }
        }

        var findings: [Finding] = []
        var materials: [CheckedMaterial] = []

        let rankOfPosition = order.map { rankOfID[$0] ?? 0 }
        order = order.indices
            .sorted { (rankOfPosition[$0], $0) < (rankOfPosition[$1], $1) }
            .map { order[$0] }
        // Each capture's findings depend on nothing but the capture: worked out in parallel, kept in order.
        let captures = order.compactMap { id in current[id].map { (now: $0, entry: lock.captures[id]) } }
        let checkedCaptures = Parallel.map(count: captures.count, workers: Parallel.cores) { index in
            capture(captures[index].now, entry: captures[index].entry, outputs: outputs, stepSummaries: stepSummaries)
        }
        for (material, captureFindings) in checkedCaptures {
            materials.append(material)
            findings += captureFindings
        }

        for entry in lock.captures.values.filter({ current[$0.id] == nil }).sorted(by: { $0.id < $1.id }) {
            let guide = settings.displayPath(guideFile(of: entry))
            materials.append(CheckedMaterial(name: entry.id, captureID: entry.id, owner: entry.owner, file: guide, checks: ["source"]))
            findings.append(Finding(
                kind: .orphaned, captureID: entry.id, owner: entry.owner, file: guide,
                message: "Capture '\(entry.id)' (\(entry.title)) is gone from \(settings.displayPath(entry.source)), but its materials remain."))
        }

        for citation in citations {
            let name = "\(citation.file) (cites \(citation.captureID))"
            let owner = current[citation.captureID]?.owner ?? lock.captures[citation.captureID]?.owner
            materials.append(CheckedMaterial(name: name, captureID: citation.captureID, owner: owner, file: citation.file, checks: ["source"]))
            guard let now = current[citation.captureID] else {
                findings.append(Finding(
                    kind: .orphaned, captureID: citation.captureID, material: name, owner: owner, file: citation.file,
                    line: citation.line, message: "\(citation.file) cites capture '\(citation.captureID)', which no longer exists."))
                continue
            }
            if citation.matches(now.fingerprint) { continue }
            var details: [String] = []
            if let cited = citation.fingerprint, let entry = lock.captures[citation.captureID],
               cited.count >= MaterialCitation.minimumFingerprintLength, LockDigest.same(entry.fingerprint, cited),
               let steps = now.steps, let old = stepSummaries(entry) {
                details = StepDiff.between(old, steps).lines
            }
            let message = citation.fingerprint == nil
                ? "\(citation.file) cites capture '\(citation.captureID)' without a fingerprint, so it cannot be checked."
                : "\(citation.file) describes capture '\(citation.captureID)' as it was before it changed (cited fingerprint \(citation.fingerprint!.prefix(12)), now \(now.fingerprint.prefix(12)))."
            findings.append(Finding(
                kind: .stale, captureID: citation.captureID, material: name, owner: owner, file: citation.file,
                line: citation.line, message: message, details: details))
        }

        return (StalenessReport(materials: materials, findings: findings, failOn: settings.failOn), diagnostics)
    }

    /// The material and findings of one capture as it is now, against its lock entry (nil: never built).
    private func capture(
        _ now: CurrentCapture, entry: LockEntry?, outputs: some OutputFolderView,
        stepSummaries: (LockEntry) -> [StepSummary]?
    ) -> (CheckedMaterial, [Finding]) {
        let id = now.id
        guard let entry else {
            return (
                CheckedMaterial(name: id, captureID: id, owner: now.owner, file: now.sourceDisplay, checks: ["tracked"]),
                [Finding(
                    kind: .untracked, captureID: id, owner: now.owner, file: now.sourceDisplay,
                    message: "Capture '\(id)' (\(now.title)) has no materials yet.")])
        }
        let guide = guideFile(of: entry)
        let material = CheckedMaterial(
            name: id, captureID: id, owner: now.owner, file: settings.displayPath(guide),
            checks: ["source", "outputs", "review", "template"])
        var findings = sourceFindings(entry: entry, now: now, oldSteps: stepSummaries)
        findings += outputFindings(entry: entry, owner: now.owner, outputs: outputs)
        findings += reviewFindings(id: id, now: now)
        let templatesChanged = !LockDigest.same(entry.templateHash, settings.templateHash)
        if templatesChanged || entry.generatorVersion != settings.generatorVersion {
            var reasons: [String] = []
            if templatesChanged { reasons.append("the templates changed") }
            if entry.generatorVersion != settings.generatorVersion {
                reasons.append("it was generated by Waymark \(entry.generatorVersion.isEmpty ? "(unknown)" : entry.generatorVersion), this is \(settings.generatorVersion)")
            }
            findings.append(Finding(
                kind: .outdatedTemplate, captureID: id, owner: now.owner, file: settings.displayPath(guide),
                message: "Materials of '\(id)' are out of date: " + reasons.joined(separator: " and ") + "."))
        }
        return (material, findings)
    }

    /// The guide of an entry (relative to the lock's folder), for annotations that concern the whole material.
    private func guideFile(of entry: LockEntry) -> String {
        // The first in path order, found without sorting (this runs for every capture).
        let paths = entry.outputs.keys
        let suffix = "/guide.md".utf8
        return paths.lazy.filter { $0.utf8.count >= suffix.count && $0.utf8.suffix(suffix.count).elementsEqual(suffix) }
            .min() ?? paths.min() ?? "\(entry.id)/guide.md"
    }

    private func sourceFindings(
        entry: LockEntry, now: CurrentCapture, oldSteps: (LockEntry) -> [StepSummary]?
    ) -> [Finding] {
        guard now.steps != nil else { return [] }   // fast path: bytes unchanged
        var details: [String] = []
        if !LockDigest.same(now.fingerprint, entry.fingerprint) {
            if let old = oldSteps(entry) {
                details = StepDiff.between(old, now.steps ?? []).lines
            } else {
                details = ["the steps changed; how is not known, because the step summaries of the last build (\(StepSummaryFile.relativePath(captureID: entry.id))) are missing or were changed"]
            }
            if now.title != entry.title { details.insert("title changed: '\(entry.title)' → '\(now.title)'", at: 0) }
            if details.isEmpty { details = ["the capture's description (purpose, audience, objectives or prerequisites) changed"] }
        }
        if now.owner != entry.owner {
            details.append("owner changed: \(entry.owner.map { "'\($0)'" } ?? "(none)") → \(now.owner.map { "'\($0)'" } ?? "(none)")")
        }
        if now.reviewBy != entry.reviewBy {
            details.append("review date changed: \(entry.reviewBy?.description ?? "(none)") → \(now.reviewBy?.description ?? "(none)")")
        }
        guard !details.isEmpty else { return [] }
        let stepChanges = details.filter { $0.hasPrefix("step ") }.count
        let what = stepChanges > 0 ? "\(stepChanges) step change\(stepChanges == 1 ? "" : "s")" : "changes"
        return [Finding(
            kind: .stale, captureID: entry.id, owner: now.owner, file: now.sourceDisplay,
            message: "Capture '\(entry.id)' (\(now.title)) changed since its materials were built: \(what).",
            details: details)]
    }

    private func outputFindings(entry: LockEntry, owner: String?, outputs: some OutputFolderView) -> [Finding] {
        outputs.changedOutputs(of: entry).map { path, hash in
            hash == nil
                ? Finding(
                    kind: .missing, captureID: entry.id, owner: owner, file: settings.displayPath(path),
                    message: "A generated file of '\(entry.id)' is missing.")
                : Finding(
                    kind: .edited, captureID: entry.id, owner: owner, file: settings.displayPath(path),
                    message: "A generated file of '\(entry.id)' was edited by hand; the next build keeps it unless --force.")
        }
    }

    private func reviewFindings(id: String, now: CurrentCapture) -> [Finding] {
        var findings: [Finding] = []
        let ownerText = now.owner.map { " Owner: \($0)." } ?? " No owner is set."
        if let due = now.reviewBy, due < settings.today {
            let days = settings.today.daysSinceEpoch - due.daysSinceEpoch
            findings.append(Finding(
                kind: .overdue, captureID: id, owner: now.owner, file: now.sourceDisplay,
                message: "Review of '\(id)' was due on \(due) (\(days) day\(days == 1 ? "" : "s") ago).\(ownerText)"))
        } else if let maxAge = settings.maxAgeDays, let recorded = now.recordedAt.flatMap(Self.date(fromTimestamp:)) {
            let age = settings.today.daysSinceEpoch - recorded.daysSinceEpoch
            if age > maxAge {
                findings.append(Finding(
                    kind: .overdue, captureID: id, owner: now.owner, file: now.sourceDisplay,
                    message: "'\(id)' was recorded on \(recorded), \(age) days ago; max_age is \(maxAge) days.\(ownerText)"))
            }
        }
        return findings
    }

    /// The calendar date at the start of an ISO 8601 timestamp (`2025-03-01T10:00:00Z` → 2025-03-01).
    static func date(fromTimestamp text: String) -> CalendarDate? {
        CalendarDate(String(text.prefix(10)))
    }
}
