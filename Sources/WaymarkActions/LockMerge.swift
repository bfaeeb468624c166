import Foundation
import WaymarkModel
import WaymarkRender
import WaymarkStaleness
import WaymarkSupport

/// Joins the locks of sharded builds (`build --shard I/N` on a CI matrix) into one lock and one dashboard.
///
/// Expected layout, as on a CI matrix: every shard ran `build --shard I/N --out DIR` with the same `DIR` (so the
/// paths in each lock, which are relative to `DIR`, mean the same files), and the shards' capture folders were then
/// gathered into one `DIR` (downloading every job's artifact into it). The lock files themselves may sit anywhere.
/// Two shards that built the same capture id differently are an error: the split was not the same, or the sources
/// differed between jobs. The dashboard and stylesheet are written again from the merged lock's rows.
public struct LockMerge: Sendable {
    public var locks: [URL]
    public var outputDirectory: URL
    public var templatesDirectory: URL?
    public var configuration: ProjectConfiguration
    public var today: CalendarDate
    public var baseDirectory: URL

    public init(
        locks: [URL], outputDirectory: URL, templatesDirectory: URL? = nil,
        configuration: ProjectConfiguration = ProjectConfiguration(), today: CalendarDate = LockedBuild.todayUTC(),
        baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.locks = locks
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.configuration = configuration
        self.today = today
        self.baseDirectory = baseDirectory
    }


    /// Merges and writes; returns the merged lock (nil when nothing was written) and every diagnostic.
    public func run() -> (LockFile?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let outRoot = outputDirectory.standardizedFileURL
        var merged = LockFile()
        var origin: [String: String] = [:]
        var templateFolders = Set<String>()
        for url in locks {
            let shown = DisplayPath.of(url, relativeTo: baseDirectory)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                diagnostics.append(Diagnostic(
                    .lockUnreadable, "Cannot read this lock: \(error.localizedDescription)",
                    hint: "Pass the waymark.lock of each shard's output folder.", at: SourceLocation(file: shown)))
                continue
            }
            let lock: LockFile
            do {
                lock = try LockFile.parse(data, file: shown)
            } catch {
                diagnostics += error.diagnostics
                continue
            }
            if let templates = lock.templates { templateFolders.insert(templates) }
            for (id, entry) in lock.captures.sorted(by: { $0.key < $1.key }) {
                if let existing = merged.captures[id] {
                    if existing != entry {
                        diagnostics.append(Diagnostic(
                            .lockMergeConflict,
                            "The capture '\(id)' was built differently by two shards (\(origin[id] ?? "?") and \(shown)).",
                            hint: "Build every shard from the same commit with the same --shard count, then merge again.",
                            at: SourceLocation(file: shown)))
                    }
                    continue
                }
                merged.captures[id] = entry
                origin[id] = shown
            }
        }
        if templateFolders.count > 1 {
            diagnostics.append(Diagnostic(
                .lockMergeTemplates, "The shards were built with different template folders: "
                    + templateFolders.sorted().joined(separator: ", ") + ".",
                hint: "Build every shard with the same --templates folder."))
        }
        merged.templates = templateFolders.first
        if diagnostics.hasErrors { return (nil, diagnostics) }

        // The dashboard of all shards, from the rows the shards recorded.
        var templates = TemplateSet.builtIn
        if let folder = templatesDirectory ?? templateFolders.first.map({ outRoot.appendingPathComponent($0) }) {
            do {
                let (set, notes) = try TemplateFolder.templates(in: folder)
                templates = set
                diagnostics += notes
            } catch {
                return (nil, diagnostics + error.diagnostics)
            }
        }
        var entries: [DashboardEntry] = []
        for (id, entry) in merged.captures.sorted(by: { $0.key < $1.key }) {
            let sourceShown = DisplayPath.of(outRoot.appendingPathComponent(entry.source), relativeTo: baseDirectory)
            guard let row = entry.dashboardEntry(status: entry.status(today: today), sourcePath: sourceShown) else {
                diagnostics.append(Diagnostic(
                    .lockMergeNoDashboardRow, "The lock entry of '\(id)' has no dashboard row; it is left off the dashboard.",
                    hint: "Build that shard again with this version of waymark."))
                continue
            }
            entries.append(row)
        }
        let files = BuildPipeline.sharedFiles(
            entries: entries, templates: templates,
            wordsPerMinute: configuration.wordsPerMinute ?? Double(NarrationOptions.defaultWordsPerMinute),
            pauseSeconds: configuration.pauseSeconds ?? NarrationOptions.defaultPauseSeconds)
        BuildPipeline.ensureDashboardScripts(in: outRoot)
        for file in files {
            do {
                _ = try AtomicFileWriter.write(file.contents, to: outRoot.appendingPathComponent(file.path))
                merged.sharedOutputs[file.path] = LockDigest.output(Fingerprint.hex(of: file.contents))
            } catch {
                diagnostics.append(Diagnostic(
                    .outputWriteFailed, "Could not write \(file.path): \(error.localizedDescription)",
                    hint: "Check that the output folder is writable.", at: SourceLocation(file: file.path)))
            }
        }
        do {
            // Shards' version 1 entries (inline step summaries) get their step summary files here.
            merged = try merged.write(to: outRoot)
        } catch {
            diagnostics.append(Diagnostic(
                .outputWriteFailed, "Could not write the merged lock: \(error.localizedDescription)",
                hint: "Check that the output folder is writable."))
            return (nil, diagnostics)
        }
        return (merged, diagnostics)
    }
}
