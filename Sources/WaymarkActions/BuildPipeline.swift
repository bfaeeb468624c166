import Foundation
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkReplay
import WaymarkStaleness
import WaymarkSupport

/// The build engine behind `waymark build`: collect inputs → import → phrase → render → write atomically.
///
/// It builds everything it can: a capture that fails to import is reported and the others are still built, so one
/// bad file never hides the state of the rest. Captures are built in parallel (`BuildOptions.jobs`), but results,
/// diagnostics and the dashboard are always in input order, so two runs produce byte-identical trees.
public struct BuildPipeline: Sendable {
    /// Renderers run for every capture. Adding an output kind is one line here.
    public static let defaultRenderers: [any MaterialRenderer] = [
        GuideRenderer(),
        JobAidRenderer(),
        NarrationRenderer(),
    ]

    public var options: BuildOptions
    public var reader: CaptureReader
    public var renderers: [any MaterialRenderer]
    /// Asked before a generated file replaces different existing content; a diagnostic keeps the existing file.
    /// The staleness engine uses it to protect hand-edited files (unless `--force`). Nil writes everything.
    public var writeGuard: (@Sendable (_ relativePath: String, _ existing: Data) -> Diagnostic?)?
    /// Decides the dashboard's status per capture id from the results just built (`new` when absent). Called
    /// once, after every capture is built, so the captures are imported only once. Filled by the staleness engine.
    public var statuses: (@Sendable ([BuildReport.CaptureResult]) -> [String: String])?
    /// Asked for every input file before it is imported: dashboard rows for the captures the file held at the last
    /// build when that build's outputs are still valid (incremental builds), or nil to import and build it.
    public var reuse: (@Sendable (_ file: URL, _ displayPath: String, _ sourceHash: String) -> [DashboardEntry]?)?

    public init(
        options: BuildOptions, reader: CaptureReader = CaptureReader(),
        renderers: [any MaterialRenderer] = BuildPipeline.defaultRenderers
    ) {
        self.options = options
        self.reader = reader
        self.renderers = renderers
        self.writeGuard = nil
        self.statuses = nil
        self.reuse = nil
    }

    // MARK: - Running

    public func run(progress: (@Sendable (BuildProgress) -> Void)? = nil) -> BuildReport {
        var report = BuildReport()
        // Templates first: a broken override stops the build before anything is written.
        var templates = TemplateSet.builtIn
        if let folder = options.templatesDirectory {
            do {
                let (set, notes) = try TemplateFolder.templates(in: folder)
                templates = set
                report.diagnostics += notes
            } catch {
                report.diagnostics += error.diagnostics
                return report
            }
        }
        let outputRoot = options.outputDirectory.standardizedFileURL
        let chosenTemplates = templates
        let counter = ProgressCounter()
        var built: [BuildReport.CaptureResult] = []
        // Captures are imported and built a batch at a time, so a build holds one batch of imported captures, not
        // the whole corpus (10,000 captures held at once were most of a large build's memory).
        let (reused, importDiagnostics) = importAll { batch, expected in
            let pending = LockedSlots<ImportedCapture>(batch)
            built += Parallel.map(count: batch.count, workers: options.jobs) { index in
                // Taken out of the list, so each capture's memory is released once it is built.
                let result = build(pending.take(index), templates: chosenTemplates, outputRoot: outputRoot)
                progress?(BuildProgress(completed: counter.increment(), total: expected, captureID: result.id))
                return result
            }
        }
        report.captures = built
        report.diagnostics += importDiagnostics
        report.reused = reused

        // PDFs are printed from the pages just written, which load the shared stylesheet: it is written first.
        var stylesheetWritten = false
        if options.packages.contains(.pdf) {
            let stylesheet = RenderedFile(path: TemplateSet.stylesheetName, text: templates.stylesheet)
            let (output, diagnostic) = write(stylesheet, relativePath: stylesheet.path, root: outputRoot)
            if let output { report.sharedOutputs.append(output) }
            if let diagnostic { report.diagnostics.append(diagnostic) }
            stylesheetWritten = true
            printPDFs(into: &report.captures, outputRoot: outputRoot, templates: templates)
        }

        // Shared files: stylesheet and dashboard.
        let statuses = self.statuses?(report.captures) ?? [:]
        let context = RenderContext(templates: templates)
        for index in report.captures.indices {
            let id = report.captures[index].id
            report.captures[index].dashboard?.status = statuses[id] ?? "new"
        }
        let entries = reused + report.captures.compactMap(\.dashboard)
        let shared = Self.sharedFiles(
            entries: entries, templates: context.templates, wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
        Self.ensureDashboardScripts(in: outputRoot)
        for file in shared where !(stylesheetWritten && file.path == TemplateSet.stylesheetName) {
            let (output, diagnostic) = write(file, relativePath: file.path, root: outputRoot)
            if let output { report.sharedOutputs.append(output) }
            if let diagnostic { report.diagnostics.append(diagnostic) }
        }
        // Temporary files of a build killed while writing the shared files.
        AtomicFileWriter.removeLeftovers(in: outputRoot)
        AtomicFileWriter.removeLeftovers(in: outputRoot.appendingPathComponent("assets"))
        return report
    }

    /// The dashboard loads `last-check.js` and `last-replay.js`; `waymark check` and `waymark replay` fill them. The
    /// build only creates their empty forms when they are absent, and never records them in the lock.
    public static func ensureDashboardScripts(in root: URL) {
        for (name, empty) in [(LastCheckScript.fileName, LastCheckScript.empty), (LastReplayScript.fileName, LastReplayScript.empty)] {
            let url = root.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            _ = try? AtomicFileWriter.write(Data(empty.utf8), to: url)
        }
    }

    /// The files every build writes once, beside the capture folders: the stylesheet and the dashboard.
    public static func sharedFiles(
        entries: [DashboardEntry], templates: TemplateSet, wordsPerMinute: Double, pauseSeconds: Double
    ) -> [RenderedFile] {
        [RenderedFile(path: TemplateSet.stylesheetName, text: templates.stylesheet)]
            + DashboardRenderer(templates: templates, wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
            .render(entries)
    }

    var wordsPerMinute: Double { options.configuration.wordsPerMinute ?? Double(NarrationOptions.defaultWordsPerMinute) }
    var pauseSeconds: Double { options.configuration.pauseSeconds ?? NarrationOptions.defaultPauseSeconds }

    /// Step number → image, rebuilt from the outputs so the dashboard counts screenshots like the guide did.
    func imagesForTiming(_ guide: PhrasedGuide, outputs: [BuildReport.Output]) -> [Int: GuideImage] {
        let written = Set(outputs.map(\.path))
        var images: [Int: GuideImage] = [:]
        for step in guide.steps where step.screenshot != nil {
            let path = guide.capture.id + "/" + GuideImage.outputPath(stepNumber: step.number, sourcePath: step.screenshot!.path)
            if written.contains(path) { images[step.number] = GuideImage(path: path) }
        }
        return images
    }

    // MARK: - Importing

    struct ImportedCapture: Sendable {
        var capture: Capture
        var fileURL: URL
        var displayPath: String
        /// SHA-256 of the bytes this capture was imported from (hashed once, as read).
        var sourceHash: String = ""
    }

    /// How many input files are imported together before their captures are built (per worker): large enough to
    /// keep every core busy, small enough that memory does not grow with the corpus.
    static let importBatchPerWorker = 64

    /// Reads every input; skips files no importer recognises inside folders; rejects duplicate ids. Files that
    /// `reuse` vouches for are not imported: their dashboard rows come back in the first list. The captures to
    /// build are handed to `build` a batch at a time, in the order ids are claimed, with the number of captures
    /// expected so far (for progress), so that no more than a batch of them is in memory at once.
    func importAll(
        build: (_ batch: [ImportedCapture], _ expectedTotal: Int) -> Void
    ) -> ([DashboardEntry], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (files, collectDiagnostics) = InputCollector.collect(options.inputs, relativeTo: options.baseDirectory)
        diagnostics += collectDiagnostics
        let named = Set(options.inputs.map {
            URL(fileURLWithPath: $0, relativeTo: options.baseDirectory).standardizedFileURL.path
        })
        // Our own outputs are never read back as inputs (shotlist.json, a copied capture …).
        let outputPrefix = options.outputDirectory.standardizedFileURL.path + "/"
        let inputs = files.filter { !$0.path.hasPrefix(outputPrefix) || named.contains($0.path) }
        // Reading, hashing and importing are independent per file, so they run on every core; what depends on
        // order (first file wins an id, reuse only without conflicts) is decided below, in input order.
        // First every file is read, hashed and offered for reuse (cheap, and what the id claims below depend on);
        // the files to import are imported later, a batch at a time.
        let loaded = Parallel.map(count: inputs.count, workers: options.jobs) { probe(inputs[$0]) }
        var imported: [ImportedCapture] = []
        var builtSoFar = 0
        var anyImported = false
        var reused: [DashboardEntry] = []
        var firstFileForID: [String: String] = [:]
        let preparation = CapturePreparation(configuration: options.configuration)
        var sourceForID: [String: String] = [:]
        // Files built before and unchanged claim their ids first, so adding a recording whose title repeats an
        // existing one never moves the existing guide; the rest follow in input order.
        let claimOrder = loaded.indices.filter { loaded[$0].reusableRows != nil } + loaded.indices.filter { loaded[$0].reusableRows == nil }
        let batchSize = Self.importBatchPerWorker * max(1, options.jobs)
        var position = 0
        var importedBatch: [Int: LoadedInput] = [:]
        func flush() {
            guard !imported.isEmpty else { return }
            anyImported = true
            builtSoFar += imported.count
            build(imported, builtSoFar + claimOrder.count - position)
            imported = []
        }
        for index in claimOrder {
            defer { position += 1 }
            // The next batch of files to import, imported together on every core once the previous batch is built.
            if loaded[index].loadFailure == nil, loaded[index].reusableRows == nil, importedBatch[index] == nil {
                flush()
                let batch = Array(claimOrder[position...].lazy.filter {
                    loaded[$0].loadFailure == nil && loaded[$0].reusableRows == nil
                }.prefix(batchSize))
                let probed = batch.map { loaded[$0] }
                let results = Parallel.map(count: probed.count, workers: options.jobs) { load(probed[$0], named: named) }
                importedBatch = Dictionary(uniqueKeysWithValues: zip(batch, results))
            }
            let entry = importedBatch.removeValue(forKey: index) ?? loaded[index]
            let file = entry.file, display = entry.displayPath
            if let failure = entry.loadFailure {
                diagnostics += failure
                continue
            }
            let sourceHash = entry.sourceHash
            if var rows = entry.reusableRows, rows.allSatisfy({ firstFileForID[$0.id] == nil }) {
                for row in rows { firstFileForID[row.id] = display }
                if let shard = options.shard { rows = rows.filter { shard.contains($0.id) } }
                reused += rows
                continue
            }
            // Imported on the worker, unless it was expected to be reused (then, on an id conflict, here).
            var result = entry.imported
            if result == nil, entry.reusableRows != nil {
                do {
                    let input = try CaptureInput.load(file, displayPath: display)
                    result = reader.readIfCapture(input, named: named.contains(file.path))
                } catch {
                    diagnostics += error.diagnostics
                    continue
                }
            }
            guard let result else {
                diagnostics.append(Diagnostic(
                    .inputSkipped, "Skipped: not a capture format Waymark recognises.",
                    at: SourceLocation(file: display)))
                continue
            }
            diagnostics += result.diagnostics.map { $0.inFile(display) }
            for original in result.captures {
                var capture = preparation.prepare(original, displayPath: display)
                if let first = firstFileForID[capture.id] {
                    // The same test case reached twice (by itself and through a Selenese suite) is one capture.
                    if sourceForID[capture.id] == capture.source.path { continue }
                    if !capture.source.format.isNative {
                        // A repeated title of a foreign recording: nobody chose it as an id, so the file name is added.
                        let renamed = Slug.disambiguated(capture.id, filePath: display) { firstFileForID[$0] != nil }
                        diagnostics.append(Diagnostic(
                            .captureRepeatedTitle,
                            "The id '\(capture.id)' (from the recording's title) is already used by \(first); this recording's id is '\(renamed)'.",
                            at: SourceLocation(file: display)))
                        capture.id = renamed
                    }
                }
                if let first = firstFileForID[capture.id] {
                    diagnostics.append(Diagnostic(
                        .captureDuplicateId,
                        "The capture id '\(capture.id)' is used by both \(first) and \(display); only the first is built.",
                        at: SourceLocation(file: display)))
                    continue
                }
                firstFileForID[capture.id] = display
                sourceForID[capture.id] = capture.source.path
                if let shard = options.shard, !shard.contains(capture.id) { continue }
                imported.append(ImportedCapture(
                    capture: capture, fileURL: file, displayPath: display, sourceHash: sourceHash))
            }
        }
        flush()
        if !anyImported, reused.isEmpty, !diagnostics.hasErrors, options.shard == nil {
            diagnostics.append(Diagnostic(
                .inputNone, "No captures found in " + options.inputs.joined(separator: ", ") + ".",
                hint: "Pass capture files or folders that hold them (.json, .xml, .side, .html, .zip, .mht)."))
        }
        return (reused, diagnostics)
    }

    /// One input file after the parallel phase of `importAll`.
    /// The bytes are not kept: a no-op build of 100,000 captures must not hold 100,000 mapped files.
    struct LoadedInput: Sendable {
        var file: URL
        var displayPath: String
        /// Why the file could not be read; nil when it was.
        var loadFailure: [Diagnostic]?
        var sourceHash = ""
        var reusableRows: [DashboardEntry]?
        var imported: ImportResult?
    }

    /// Reads and hashes one file and asks `reuse`; nothing is imported yet.
    func probe(_ file: URL) -> LoadedInput {
        let display = displayPath(file)
        var entry = LoadedInput(file: file, displayPath: display)
        do {
            let input = try CaptureInput.load(file, displayPath: display)
            entry.sourceHash = Fingerprint.hex(of: input.data)
        } catch {
            entry.loadFailure = error.diagnostics
            return entry
        }
        entry.reusableRows = reuse?(file, display, entry.sourceHash)
        return entry
    }

    /// `entry` (probed, not reusable) imported: read again and imported when a reader recognises it. The hash
    /// is taken again from the bytes imported, so the lock always names the bytes the materials came from.
    func load(_ entry: LoadedInput, named: Set<String>) -> LoadedInput {
        var entry = entry
        let input: CaptureInput
        do {
            input = try CaptureInput.load(entry.file, displayPath: entry.displayPath)
        } catch {
            entry.loadFailure = error.diagnostics
            return entry
        }
        entry.sourceHash = Fingerprint.hex(of: input.data)
        entry.imported = reader.readIfCapture(input, named: named.contains(entry.file.path))
        return entry
    }

    /// A path relative to the base folder when the file is inside it, else the absolute path.
    func displayPath(_ url: URL) -> String { DisplayPath.of(url, relativeTo: options.baseDirectory) }

    // MARK: - Building one capture

    func build(_ item: ImportedCapture, templates: TemplateSet, outputRoot: URL) -> BuildReport.CaptureResult {
        let capture = item.capture
        var diagnostics: [Diagnostic] = []
        let guide = StepPhraser().phrase(capture)
        diagnostics += guide.diagnostics.map { $0.inFile(item.displayPath) }

        // Screenshots: resolved safely, copied under images/, sized for the highlight box.
        let resolver = ScreenshotResolver(captureFolder: item.fileURL.deletingLastPathComponent(), displayPath: item.displayPath)
        var images: [Int: GuideImage] = [:]
        var files: [RenderedFile] = []
        for step in guide.steps {
            guard let shot = step.screenshot else { continue }
            switch resolver.resolve(shot, stepNumber: step.number) {
            case .problem(let diagnostic):
                diagnostics.append(diagnostic)
            case .image(let data):
                let path = GuideImage.outputPath(stepNumber: step.number, sourcePath: shot.path)
                var width = shot.width, height = shot.height
                if width == nil || height == nil, let size = ImageSize.read(data) {
                    width = size.width
                    height = size.height
                }
                // The bytes ride along when a page inlines them or a package carries them.
                images[step.number] = GuideImage(path: path, width: width, height: height,
                                                 data: options.selfContained || options.packages.contains(where: \.isLMSPackage) ? data : nil)
                files.append(RenderedFile(path: path, contents: data))
            }
        }
        // The semantic fingerprint the lock records, also written into the front matter; computed once.
        let stepFingerprints = capture.steps.map(Fingerprint.step)
        let captureFingerprint = Fingerprint.capture(capture, stepFingerprints: stepFingerprints)
        let shared = RenderSharedResults()
        var context = RenderContext(
            templates: templates, images: images, fingerprint: captureFingerprint, sourcePath: item.displayPath,
            quiz: options.quiz, selfContained: options.selfContained, wordsPerMinute: wordsPerMinute,
            pauseSeconds: pauseSeconds)
        context.shared = shared
        for renderer in renderers + packageRenderers {
            do {
                files += try renderer.render(guide, context: context)
            } catch let error as DiagnosticError {
                diagnostics += error.diagnostics.map { $0.inFile(item.displayPath) }
            } catch {
                diagnostics.append(Diagnostic(
                    .renderFailed, "Could not render \(type(of: renderer)): \(error)",
                    at: SourceLocation(file: item.displayPath)))
            }
        }

        var outputs: [BuildReport.Output] = []
        let folder = outputRoot.appendingPathComponent(capture.id)
        for file in files.sorted(by: { $0.path < $1.path }) {
            let (output, diagnostic) = write(file, relativePath: capture.id + "/" + file.path, root: outputRoot)
            if let output { outputs.append(output) }
            if let diagnostic { diagnostics.append(diagnostic) }
        }
        // The step summaries the next step diff needs, beside the materials (the lock keeps their digest).
        let summaries = StepSummaryFile.serialized(zip(capture.steps, stepFingerprints).map { StepSummary($0, fingerprint: $1) })
        let summaryFile = RenderedFile(path: StepSummaryFile.fileName, text: summaries)
        let (summaryOutput, summaryProblem) = write(summaryFile, relativePath: StepSummaryFile.relativePath(captureID: capture.id), root: outputRoot)
        if let summaryProblem { diagnostics.append(summaryProblem) }
        AtomicFileWriter.removeLeftovers(in: folder)
        AtomicFileWriter.removeLeftovers(in: folder.appendingPathComponent("images"))
        removeStaleImages(in: folder.appendingPathComponent("images"), keeping: Set(images.values.map(\.path)))
        var result = BuildReport.CaptureResult(
            id: capture.id, title: capture.title, sourcePath: item.displayPath, sourceURL: item.fileURL,
            sourceHash: item.sourceHash, format: capture.source.format, stepCount: guide.steps.count, outputs: outputs,
            diagnostics: diagnostics)
        result.owner = capture.owner
        result.reviewBy = capture.reviewBy
        result.recordedAt = capture.recordedAt
        result.fingerprint = captureFingerprint
        result.stepSummaries = summaryOutput
        // The dashboard row is made here, on the worker, from what was actually written; `run` fills in its status.
        var timingContext = RenderContext(
            templates: templates, images: imagesForTiming(guide, outputs: outputs), wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
        timingContext.shared = shared
        result.dashboard = DashboardEntry(guide: guide, context: timingContext,
            files: Set(outputs.map { String($0.path.dropFirst(capture.id.count + 1)) }))
        return result
    }

    /// Screenshots of steps that no longer exist (the capture got shorter) would otherwise linger in images/.
    func removeStaleImages(in folder: URL, keeping: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("step-") && !keeping.contains("images/" + name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    func write(_ file: RenderedFile, relativePath: String, root: URL) -> (BuildReport.Output?, Diagnostic?) {
        let url = root.appendingPathComponent(relativePath)
        let hash = Fingerprint.hex(of: file.contents)
        // Read once: for the unchanged test and for the hand-edit guard. An empty file is never a hand edit (it is
        // what a power cut can leave of an output written without fsync), so it is simply written again.
        let existing = AtomicFileWriter.contents(ofFile: url.path)
        if !options.force, let guardCheck = writeGuard, let existing, !existing.isEmpty,
           existing != file.contents, let diagnostic = guardCheck(relativePath, existing) {
            return (BuildReport.Output(path: relativePath, status: .kept, sha256: hash), diagnostic)
        }
        do {
            let outcome = try AtomicFileWriter.write(file.contents, to: url, durable: false, existing: .some(existing))
            return (BuildReport.Output(path: relativePath, status: outcome == .written ? .written : .unchanged, sha256: hash), nil)
        } catch {
            return (nil, Diagnostic(
                .outputWriteFailed, "Could not write \(relativePath): \(error.localizedDescription)",
                hint: "Check that the output folder is writable and the disk is not full.",
                at: SourceLocation(file: url.path)))
        }
    }
}

final class ProgressCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
