import Dispatch
import Foundation
import WaymarkImport
import WaymarkModel
import WaymarkStaleness
import WaymarkSupport

/// `waymark check` against the file system: reads the lock, hashes the sources and outputs, scans hand-written
/// materials, and hands everything to `StalenessChecker`. The CLI command is a thin layer over this.
public struct CheckRun: Sendable {
    /// Capture files or folders to check. The sources recorded in the lock are always checked too.
    public var inputs: [String]
    public var outputDirectory: URL
    public var materials: [URL]
    /// Template override folder; nil means the lock's recorded folder, or the built-in templates.
    public var templatesDirectory: URL?
    public var today: CalendarDate
    public var maxAgeDays: Int?
    public var failOn: Set<FindingKind>
    /// Relative inputs are resolved against it, and paths in findings are shown relative to it.
    public var baseDirectory: URL
    public var reader: CaptureReader
    /// Check only the captures of this shard (`--shard I/N`), and the citations of those captures.
    public var shard: CaptureShard? = nil
    /// Captures are prepared exactly as the build prepares them (default owners, redaction), so their
    /// fingerprints compare with what was built.
    public var preparation: CapturePreparation
    /// Trust `out/.waymark-stat-cache` for outputs whose file status is unchanged (see `OutputStatCache`). False
    /// hashes every output; the cache is then rewritten from scratch.
    public var useStatCache = true

    public init(
        inputs: [String], outputDirectory: URL, materials: [URL] = [], templatesDirectory: URL? = nil,
        today: CalendarDate, maxAgeDays: Int? = nil, failOn: Set<FindingKind> = FindingKind.defaultFailOn,
        baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        reader: CaptureReader = CaptureReader(), preparation: CapturePreparation = CapturePreparation()
    ) {
        self.preparation = preparation
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.materials = materials
        self.templatesDirectory = templatesDirectory
        self.today = today
        self.maxAgeDays = maxAgeDays
        self.failOn = failOn
        // A directory URL (trailing slash), so relative inputs resolve inside it rather than beside it.
        self.baseDirectory = URL(fileURLWithPath: baseDirectory.standardizedFileURL.path, isDirectory: true)
        self.reader = reader
    }

    /// Runs the check. Throws only when nothing can be checked (unreadable or newer lock, broken templates).
    public func run() throws(DiagnosticError) -> (report: StalenessReport, diagnostics: [Diagnostic]) {
        // The check runs on a worker that hands its answer over *before* letting go of its working data (the lock,
        // the stat cache, every hash: a tenth of a 10,000-capture check is freeing them), so the caller writes the
        // report while the worker frees.
        let answer = LockedSlots<Result<(report: StalenessReport, diagnostics: [Diagnostic]), DiagnosticError>>(count: 1)
        let answered = DispatchSemaphore(value: 0)
        // A thread of its own, not one of Dispatch's: the check fills Dispatch's workers itself and waits for them.
        let worker = Thread {
            do throws(DiagnosticError) {
                try self.check { answer.set(0, .success($0)); answered.signal() }
            } catch {
                answer.set(0, .failure(error))
                answered.signal()
            }
        }
        worker.stackSize = 8 << 20   // the main thread's stack: the lock's JSON parser recurses
        worker.start()
        answered.wait()
        return try answer.take(0).get()
    }

    /// The check itself: `deliver` gets the answer before the working data is released.
    private func check(
        deliver: (_ answer: (report: StalenessReport, diagnostics: [Diagnostic])) -> Void
    ) throws(DiagnosticError) {
        let outRoot = outputDirectory.standardizedFileURL
        let lockDisplay = display(outRoot.appendingPathComponent(LockFile.fileName))
        // The named sources are collected, hashed and made relative to the lock, and the stat cache is read, while
        // the lock is parsed: none needs another, and together they are most of a clean check.
        let early = LockedSlots<(files: [URL], diagnostics: [Diagnostic], hashes: [String?], lockPaths: [String])>(count: 1)
        let group = DispatchGroup()
        let (inputs, collectBase) = (self.inputs, self.baseDirectory)
        let lockPaths = LockRelativePaths(base: outRoot)
        DispatchQueue.global().async(group: group) {
            let files = InputCollector.collect(inputs, relativeTo: collectBase)
            let relative = Parallel.map(count: files.files.count, workers: Parallel.cores) {
                lockPaths.relativePath(of: files.files[$0])
            }
            early.set(0, (files.files, files.diagnostics, CheckRun.hashFiles(files.files), relative))
        }
        let statCache = LockedSlots<CachedOutputFolder>(count: 1)
        let useStatCache = self.useStatCache
        DispatchQueue.global().async(group: group) {
            statCache.set(0, CachedOutputFolder(root: outRoot, useCache: useStatCache))
        }
        let fullLock: LockFile?
        do {
            fullLock = try LockFile.read(outputFolder: outRoot, displayPath: lockDisplay)
        } catch {
            group.wait()
            throw error
        }
        group.wait()
        var lock = fullLock
        if let shard, lock != nil { lock!.captures = lock!.captures.filter { shard.contains($0.key) } }
        var diagnostics: [Diagnostic] = []
        if lock == nil {
            diagnostics.append(Diagnostic(
                .checkNoLock, "There is no \(lockDisplay) yet, so every capture is untracked.",
                hint: "Run `waymark build` first, or pass --out with the folder your build writes to."))
        }

        // Sources: what the user named, plus every source the lock knows that still exists. A lock entry whose
        // source is one of the named files (the same path relative to the lock) needs no look at the disk.
        let collected = early.get(0) ?? ([], [], [], [])
        diagnostics += collected.diagnostics
        let namedFiles = collected.files
        var relativePaths = collected.lockPaths
        var known = Set(relativePaths)
        var seen: Set<String>?
        var extra: [URL] = []
        for entry in (lock?.captures.values).map(Array.init) ?? [] where !known.contains(entry.source) {
            let url = outRoot.appendingPathComponent(entry.source).standardizedFileURL
            if seen == nil { seen = Set(namedFiles.map(\.path)) }
            if !seen!.contains(url.path), FileManager.default.fileExists(atPath: url.path) {
                seen!.insert(url.path)
                extra.append(url)
                let relative = lockPaths.relativePath(of: url)
                relativePaths.append(relative)
                known.insert(relative)
            }
        }
        let files = namedFiles + extra
        let hashes = collected.hashes + CheckRun.hashFiles(extra)
        let named = Set(inputs.map { URL(fileURLWithPath: $0, relativeTo: baseDirectory).standardizedFileURL.path })
        var sources = candidates(for: files, lockPaths: relativePaths, hashes: hashes, named: named)
        if let shard {
            // A source tracked only by other shards is theirs; untracked sources are imported and keep only
            // this shard's captures.
            let idsBySource = Dictionary(grouping: (fullLock?.captures ?? [:]), by: { $0.value.source })
            sources = sources.compactMap { candidate in
                if let ids = idsBySource[candidate.lockPath]?.map(\.key), !ids.contains(where: shard.contains) {
                    return nil
                }
                var sharded = candidate
                let load = candidate.load
                sharded.load = {
                    var result = load()
                    result.captures = result.captures.filter { shard.contains($0.id) }
                    return result
                }
                return sharded
            }
        }

        // Templates: the folder given, else the one the build recorded, else the built-in set.
        var templateFolder = templatesDirectory
        if templateFolder == nil, let recorded = lock?.templates {
            templateFolder = outRoot.appendingPathComponent(recorded).standardizedFileURL
        }
        let templateHash = try TemplateFingerprint.hash(templatesIn: templateFolder)

        // Hand-written materials.
        var citations: [MaterialCitation] = []
        let materialFiles = MaterialCitationScanner.files(under: materials)
        diagnostics += materialFiles.diagnostics
        for url in materialFiles.files {
            let shown = display(url)
            guard let data = try? Data(contentsOf: url) else {
                diagnostics.append(Diagnostic(.inputUnreadable, "Cannot read this material.",
                                          hint: "Check the file's permissions.", at: SourceLocation(file: shown)))
                continue
            }
            let scanned = MaterialCitationScanner.scan(String(decoding: data, as: UTF8.self), file: shown)
            citations += scanned.citations
            diagnostics += scanned.diagnostics
        }

        if let shard { citations = citations.filter { shard.contains($0.captureID) } }

        let base = baseDirectory
        let settings = CheckSettings(
            templateHash: templateHash, today: today, maxAgeDays: maxAgeDays, failOn: failOn,
            displayPath: Self.displayPath(inside: outRoot, base: base))
        // Outputs: each hashed at most once (or vouched for by the stat cache), then looked up in memory.
        let disk = statCache.take(0)
        let outputs = hashedOutputs(lock, folder: disk)
        // The stat cache is written while the findings are worked out: neither needs the other.
        let saving = DispatchGroup()
        if let fullLock {
            DispatchQueue.global().async(group: saving) { disk.save(keeping: fullLock.outputPaths) }
        }
        let checked = StalenessChecker(settings: settings).check(
            lock: lock, sources: sources, outputs: outputs, citations: citations,
            stepSummaries: { entry in entry.steps ?? Self.stepSummaries(of: entry, in: outRoot) })
        saving.wait()
        deliver((checked.report, diagnostics + checked.diagnostics))
    }

    /// The step summaries a version 2 entry's build left in `out/<id>/.waymark-steps.json`, when the file is there
    /// with the bytes the lock recorded.
    static func stepSummaries(of entry: LockEntry, in outRoot: URL) -> [StepSummary]? {
        guard let digest = entry.stepsDigest else { return nil }
        let url = outRoot.appendingPathComponent(StepSummaryFile.relativePath(captureID: entry.id))
        guard case .success(let data) = RegularFile.read(url.path, maxBytes: 64 * 1_048_576),
              LockDigest.matches(Fingerprint.hex(of: data), recorded: digest) else { return nil }
        return StepSummaryFile.parse(data)
    }

    /// SHA-256 of every file (nil for one that cannot be read), in parallel: most of a clean check's work.
    static func hashFiles(_ files: [URL]) -> [String?] {
        Parallel.map(count: files.count, workers: Parallel.cores * 2) { index in
            FileHashing.statusAndHash(path: files[index].path)?.sha256
        }
    }

    /// Prepares lazy imports of `files`, whose paths relative to the lock are `lockPaths` and whose bytes hash to
    /// `hashes` (same order).
    func candidates(for files: [URL], lockPaths: [String], hashes: [String?], named: Set<String>) -> [SourceCandidate] {
        let reader = self.reader
        let preparation = self.preparation
        var out: [SourceCandidate] = []
        out.reserveCapacity(files.count)
        for (index, url) in files.enumerated() {
            let shown = display(url)
            let isNamed = named.contains(url.path)
            let hash = hashes[index]
            out.append(SourceCandidate(
                lockPath: lockPaths[index], displayPath: shown,
                byteHash: hash ?? "") {
                let input: CaptureInput
                do {
                    input = try CaptureInput.load(url, displayPath: shown)
                } catch {
                    return ([], (error as? DiagnosticError)?.diagnostics ?? [])
                }
                // Inside folders, files that are not captures (a package.json beside them) are skipped, as in build.
                guard let result = reader.readIfCapture(input, named: isNamed) else { return ([], []) }
                // Prepared as the build prepares them, so a capture compares with what was built from it.
                let captures = result.captures.map { preparation.prepare($0, displayPath: shown) }
                return (captures, result.diagnostics.map { $0.inFile(shown) })
            })
        }
        return out
    }

    /// Hashes every output the lock records and compares it with the lock, in parallel.
    func hashedOutputs(_ lock: LockFile?, folder disk: CachedOutputFolder) -> ComparedOutputFolder {
        let entries = Array(lock?.captures.values ?? [:].values)
        return ComparedOutputFolder(entries: entries, hashes: disk.hashes(of: entries.flatMap(\.outputs.keys)))
    }

    func display(_ url: URL) -> String { DisplayPath.of(url, relativeTo: baseDirectory) }

    /// `display(outRoot + relative)` for paths relative to the output folder. Plain relative paths (no `.`, `..` or
    /// empty components: every output path) are joined as strings, without a `URL` per call; others take `display`.
    static func displayPath(inside outRoot: URL, base: URL) -> @Sendable (String) -> String {
        let rootPath = outRoot.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path
        return { relative in
            guard PathSyntax.isPlainRelative(relative) else {
                return DisplayPath.of(outRoot.appendingPathComponent(relative), relativeTo: base)
            }
            let path = rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative
            return DisplayPath.of(path, relativeTo: basePath)
        }
    }

}

extension TemplateFingerprint {
    /// The hash of the templates a build uses: the override folder's files, or the hash of no files for the
    /// built-in set (changes to built-in templates come with a new generator version, which is checked too).
    public static func hash(templatesIn folder: URL?) throws(DiagnosticError) -> String {
        guard let folder else { return hash(files: []) }
        guard let hash = hash(folder: folder) else {
            throw DiagnosticError(Diagnostic(
                .templateFolderMissing, "No such templates folder.",
                hint: "Pass --templates with the folder your build uses.", at: SourceLocation(file: folder.path)))
        }
        return hash
    }
}
