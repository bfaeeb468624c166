import Foundation
import WaymarkModel
import WaymarkRender
import WaymarkStaleness
import WaymarkSupport

/// `waymark build` with its lock: protects hand-edited outputs, then records what was built in `out/waymark.lock`.
///
/// Before building it reads the previous lock (a lock from a newer Waymark stops the build, so it is never
/// overwritten by an older version), installs a write guard that keeps every output whose bytes differ from what
/// the lock recorded (edited by hand) unless `--force`, and fills the dashboard's status column (fresh, edited,
/// overdue). After building it writes the new lock: one entry per capture built, plus the previous entries of captures
/// not built this time whose materials still exist (a partial build does not forget the rest; removed materials
/// do not linger).
public struct LockedBuild: Sendable {
    public var pipeline: BuildPipeline
    /// The date review dates are compared with for the dashboard status.
    public var today: CalendarDate

    public init(pipeline: BuildPipeline, today: CalendarDate = LockedBuild.todayUTC()) {
        self.pipeline = pipeline
        self.today = today
    }

    public init(options: BuildOptions, today: CalendarDate = LockedBuild.todayUTC()) {
        self.init(pipeline: BuildPipeline(options: options), today: today)
    }

    public static func todayUTC() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public func run(progress: (@Sendable (BuildProgress) -> Void)? = nil) -> BuildReport {
        let options = pipeline.options
        let outRoot = options.outputDirectory.standardizedFileURL
        let base = options.baseDirectory
        let lockURL = outRoot.appendingPathComponent(LockFile.fileName)
        let oldLock: LockFile?
        do {
            oldLock = try LockFile.read(outputFolder: outRoot, displayPath: DisplayPath.of(lockURL, relativeTo: base))
        } catch {
            var report = BuildReport()
            report.diagnostics = error.diagnostics
            return report
        }

        let templateHash: String
        do {
            templateHash = try TemplateFingerprint.hash(templatesIn: options.templatesDirectory)
        } catch {
            var report = BuildReport()
            report.diagnostics = error.diagnostics
            return report
        }
        let settingsHash = options.settingsHash

        var pipeline = self.pipeline
        let known = oldLock?.allOutputs ?? [:]
        // The stat cache (`out/.waymark-stat-cache`): outputs whose status is unchanged need not be hashed to be
        // found intact, and what this build writes is recorded for the next check.
        let outputs = CachedOutputFolder(root: outRoot)
        // Sources relative to the lock, each folder's symbolic links resolved once for the whole build.
        let lockPaths = LockRelativePaths(base: outRoot)
        if let oldLock, !options.force {
            let today = self.today
            // Lock entries by source file, sorted by id: looked up once per input (a scan per input was quadratic).
            let entriesBySource = Dictionary(grouping: oldLock.captures.sorted { $0.key < $1.key }.map(\.value), by: \.source)
            pipeline.reuse = { file, display, sourceHash in
                Self.reusableRows(
                    for: file, displayPath: display, sourceHash: sourceHash,
                    entries: entriesBySource[lockPaths.relativePath(of: file)] ?? [], outputs: outputs,
                    templateHash: templateHash, settingsHash: settingsHash, today: today)
            }
        }
        pipeline.writeGuard = { relativePath, existing in
            guard let locked = known[relativePath], !LockDigest.matches(Fingerprint.hex(of: existing), recorded: locked) else {
                return nil
            }
            return Diagnostic(
                .outputEdited, "Left alone: this file was edited by hand since the last build.",
                hint: "Move the wording into the capture (a step's `instruction`) and build again, or run `waymark build --force` to overwrite the edit.",
                at: SourceLocation(file: DisplayPath.of(outRoot.appendingPathComponent(relativePath), relativeTo: base)))
        }
        // The dashboard's status column, from what the build just did.
        let today = self.today
        pipeline.statuses = { results in Self.statuses(for: results, today: today) }

        var report = pipeline.run(progress: progress)
        Self.removeDroppedOutputs(previous: oldLock, rebuilt: report.captures, root: outRoot)
        var lock = LockFile(templates: options.templatesDirectory.map { LockFile.relativePath(of: $0, from: outRoot) })
        let fm = FileManager.default
        for (id, entry) in oldLock?.captures ?? [:]
        where entry.outputs.keys.contains(where: { fm.fileExists(atPath: outRoot.appendingPathComponent($0).path) }) {
            lock.captures[id] = entry
        }
        for result in report.captures {
            // Digests as the lock records them (`LockDigest`), so an unchanged rebuild compares equal to the lock read.
            lock.captures[result.id] = LockEntry(
                id: result.id, title: Fingerprint.normalizedText(result.title),
                source: lockPaths.relativePath(of: result.sourceURL),
                sourceHash: LockDigest.short(result.sourceHash), fingerprint: LockDigest.short(result.fingerprint),
                steps: nil, stepsDigest: result.stepSummaries.map { LockDigest.output($0.sha256) },
                outputs: Dictionary(result.outputs.map { ($0.path, LockDigest.output($0.sha256)) }, uniquingKeysWith: { a, _ in a }),
                templateHash: LockDigest.short(templateHash), owner: result.owner, reviewBy: result.reviewBy,
                recordedAt: result.recordedAt, dashboard: result.dashboardRow, settingsHash: settingsHash)
        }
        // Shared files (dashboard, stylesheet) are recorded too, so hand edits to them are noticed and kept.
        lock.sharedOutputs = Dictionary(report.sharedOutputs.map { ($0.path, LockDigest.output($0.sha256)) }, uniquingKeysWith: { a, _ in a })
        Self.recordWritten(report, in: outputs)
        do {
            // Nothing rebuilt and nothing moved: the lock on disk already says all this (serialising a large lock
            // again was a fifth of a no-op build).
            // (Entries kept from a version 1 lock get their step summary files as the lock is written.)
            if lock != oldLock { lock = try lock.write(to: outRoot) }
            outputs.save(keeping: lock.outputPaths)
        } catch {
            report.diagnostics.append(Diagnostic(
                .outputWriteFailed, "Could not write the lock: \(error.localizedDescription)",
                hint: "Check that the output folder is writable and the disk is not full.",
                at: SourceLocation(file: DisplayPath.of(lockURL, relativeTo: base))))
        }
        return report
    }

    /// Dashboard status per capture: `edited` when the build kept a hand-edited output, `overdue` when the review
    /// date passed, else `fresh` (it was just built). The same inputs give the same statuses, so building twice
    /// leaves the dashboard byte-identical.
    static func statuses(for results: [BuildReport.CaptureResult], today: CalendarDate) -> [String: String] {
        var statuses: [String: String] = [:]
        for result in results {
            if result.outputs.contains(where: { $0.status == .kept }) {
                statuses[result.id] = FindingKind.edited.rawValue
            } else if let due = result.reviewBy, due < today {
                statuses[result.id] = FindingKind.overdue.rawValue
            } else {
                statuses[result.id] = "fresh"
            }
        }
        return statuses
    }

    /// Dashboard rows for the captures `file` held at the last build, when nothing that shapes their outputs has
    /// changed since: the same source bytes, templates, settings and generator, and every output present with the
    /// bytes the lock recorded. Nil means: import and build (which also reports hand edits).
    static func reusableRows(
        for file: URL, displayPath: String, sourceHash: String, entries: [LockEntry], outputs: some OutputFolderView,
        templateHash: String, settingsHash: String, today: CalendarDate
    ) -> [DashboardEntry]? {
        guard !entries.isEmpty else { return nil }
        var rows: [DashboardEntry] = []
        for entry in entries {
            guard LockDigest.matches(sourceHash, recorded: entry.sourceHash), LockDigest.same(entry.templateHash, templateHash),
                  entry.generatorVersion == WaymarkVersion.current, entry.settingsHash == settingsHash,
                  let row = entry.dashboardEntry(status: entry.status(today: today), sourcePath: displayPath),
                  !entry.outputs.isEmpty else { return nil }
            // A missing or hand-edited output: build normally, so the write guard keeps the edit and says so.
            for (path, hash) in entry.outputs {
                guard let actual = outputs.hash(of: path), LockDigest.matches(actual, recorded: hash) else { return nil }
            }
            // The step summaries the next check needs must be there too.
            guard let digest = entry.stepsDigest, let actual = outputs.hash(of: StepSummaryFile.relativePath(captureID: entry.id)),
                  LockDigest.matches(actual, recorded: digest) else { return nil }
            rows.append(row)
        }
        return rows
    }

    /// Records in the stat cache every output this build wrote or found already holding its bytes (not those kept
    /// because they were edited by hand: the cache only ever holds the hash of what is on disk).
    static func recordWritten(_ report: BuildReport, in outputs: CachedOutputFolder) {
        let summaries = report.captures.compactMap(\.stepSummaries)
        for output in report.captures.flatMap(\.outputs) + report.sharedOutputs + summaries where output.status != .kept {
            outputs.recordWritten(output.path, sha256: output.sha256)
        }
    }

}
