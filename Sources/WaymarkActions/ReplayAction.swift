import Dispatch
import Foundation
import WaymarkBrowser
import WaymarkImport
import WaymarkModel
import WaymarkReplay
import WaymarkStaleness
import WaymarkSupport

/// `waymark replay`: drives the application through each capture in a real browser, then either writes refreshed
/// captures with fresh screenshots and labels (refresh mode) or only reports what drifted or broke (`--check`).
///
/// The engine (`WaymarkReplay`) performs and judges the steps; this action reads the captures, starts the driver
/// (a local chromedriver, stopped on every way out, or a `--webdriver` endpoint), runs up to `--jobs` sessions on
/// it, and writes what came back.
public enum ReplayAction {
    public struct Request: Sendable {
        public var paths: [String] = []
        /// Where refreshed captures go (default `replayed`).
        public var out: String?
        /// Report only; write nothing but the report.
        public var check = false
        public var report: ReportFormat = .text
        public var output: String?
        public var failOn: String?
        public var webdriver: String?
        public var jobs = 1
        /// Seconds each step may wait.
        public var timeout: Double = 10
        public var maxVariation: Double?
        public var baseURL: String?
        public var map: [String] = []
        public var allowOrigins: [String] = []
        /// `LABEL=ENVVAR`: the value of a sensitive step labelled LABEL comes from ENVVAR.
        public var secrets: [String] = []
        /// Where `--secret` variables are read (the process environment by default).
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// The built folder whose dashboard shows when each guide was last verified (`DIR/last-replay.js`); nil:
        /// `out` of waymark.yml, else `out`, and then only when a dashboard is there.
        public var dashboard: String?
        /// Write `last-replay.js` at all (`--no-update-dashboard` turns it off).
        public var updateDashboard = true
        /// When the run happened, for the dashboard (tests pin it); nil: now.
        public var now: Date?
        /// The chromedriver to start (nil: found on PATH); for tests and unusual installations.
        public var chromedriverPath: String?

        public init() {}
    }

    public struct Outcome: Sendable {
        /// The report for standard output; nil when it went to `--output`.
        public var printed: String?
        /// Printed to standard error when the report went to a file.
        public var summaryLine: String?
        public var diagnostics: [Diagnostic] = []
        /// Something at or above `--fail-on` was found.
        public var fails = false
        /// Files written (refresh mode), relative to the working directory.
        public var written: [String] = []
    }

    /// The checked options.
    struct Settings {
        var failOn: Set<ReplayFindingKind>
        var mapping: OriginMapping
        var secrets: [String: String]
        /// `secrets:` entries of waymark.yml whose variable is not set (a warning: the steps become needs-secret).
        var warnings: [Diagnostic] = []
    }

    /// Problems with the options themselves (exit status 2 before anything starts).
    public static func optionProblems(_ request: Request, configuration: ProjectConfiguration = ProjectConfiguration()) -> [Diagnostic] {
        switch settings(request, configuration: configuration) {
        case .success: []
        case .failure(let error): error.diagnostics
        }
    }

    static func settings(_ request: Request, configuration: ProjectConfiguration) -> Result<Settings, DiagnosticError> {
        var problems: [Diagnostic] = []
        var failOn = ReplayFindingKind.defaultFailOn
        if let list = request.failOn {
            switch ReplayFindingKind.parseList(list) {
            case .success(let kinds): failOn = kinds
            case .failure(let error): problems += error.diagnostics
            }
        }
        if !(1...32).contains(request.jobs) {
            problems.append(Diagnostic(.replayJobs, "--jobs \(request.jobs) is not from 1 to 32."))
        }
        if !(request.timeout >= 1 && request.timeout <= 600) {
            problems.append(Diagnostic(.replayTimeout, "--timeout \(request.timeout) is not from 1 to 600 seconds."))
        }
        if let v = request.maxVariation, !(v >= 0 && v <= 1) {
            problems.append(Diagnostic(.replayMaxVariation, "--max-variation \(v) is not from 0 to 1."))
        }
        if let url = request.webdriver, Origin(url, allowingPath: true) == nil {
            problems.append(Diagnostic(.replayWebDriver, "--webdriver '\(url)' is not an http(s):// address."))
        }
        var mapping = OriginMapping()
        switch OriginMapping.parse(baseURL: request.baseURL, map: request.map, allowOrigins: request.allowOrigins) {
        case .success(let m): mapping = m
        case .failure(let error): problems += error.diagnostics
        }
        // `--secret` first: it adds to and overrides waymark.yml, and its variable must be set (asked for by name).
        var secrets: [String: String] = [:]
        for pair in request.secrets {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                problems.append(Diagnostic(.replaySecret, "--secret '\(pair)' is not LABEL=ENVVAR."))
                continue
            }
            let variable = String(pair[pair.index(after: eq)...])
            guard let value = request.environment[variable], !value.isEmpty else {
                problems.append(Diagnostic(.replaySecret, "--secret \(pair): the environment variable \(variable) is not set."))
                continue
            }
            secrets[ReplaySettings.key(String(pair[..<eq]))] = value
        }
        // waymark.yml names the variables for the whole project; one unset in this run is a warning, not an error, so
        // a nightly job that lacks one secret still checks everything else (those steps become needs-secret).
        var warnings: [Diagnostic] = []
        for (label, variable) in configuration.secrets.sorted(by: { $0.key < $1.key })
        where secrets[ReplaySettings.key(label)] == nil {
            if let value = request.environment[variable], !value.isEmpty {
                secrets[ReplaySettings.key(label)] = value
            } else {
                warnings.append(Diagnostic(
                    .replaySecretUnset, "secrets: the environment variable \(variable) for “\(label)” is not set.",
                    at: configuration.file.map { SourceLocation(file: $0) }))
            }
        }
        return problems.isEmpty
            ? .success(Settings(failOn: failOn, mapping: mapping, secrets: secrets, warnings: warnings))
            : .failure(DiagnosticError(problems))
    }

    /// Runs `run` to completion for a synchronous caller (the command line), which waits on this thread while the
    /// replay runs on Swift's concurrency pool.
    public static func runToCompletion(_ request: Request, in project: Project) throws(DiagnosticError) -> Outcome {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(DiagnosticError) {
                box.set(.success(try await run(request, in: project)))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// Replays the captures and writes the report (and, without `--check`, the refreshed captures).
    public static func run(_ request: Request, in project: Project) async throws(DiagnosticError) -> Outcome {
        let settings = try settings(request, configuration: project.configuration).get()
        var outcome = Outcome()
        outcome.diagnostics += settings.warnings
        let inputs = request.paths.isEmpty ? project.configuredCaptures : request.paths
        if inputs.isEmpty {
            throw DiagnosticError(Diagnostic(.inputNone, "No captures given: pass capture files or folders, or set `captures` in waymark.yml."))
        }
        var captures: [Capture] = []
        var uploads: [[Int: [String]]] = []  // parallel to captures
        for file in CaptureLoading.load(inputs.map { project.url($0).path }) {
            outcome.diagnostics += file.diagnostics
            for capture in file.captures {
                let prepared = project.preparation.prepare(capture, displayPath: file.path)
                guard OriginMapping.primaryOrigin(of: prepared) != nil else {
                    outcome.diagnostics.append(Diagnostic(
                        .replayNoNavigate, "The capture “\(prepared.id)” has no navigate step with an http(s) address; it is not replayed.",
                        at: SourceLocation(file: file.path)))
                    continue
                }
                // From the capture as recorded (redaction may rewrite a path); its own file's folder, which for a
                // Selenese suite is the test case's, not the suite's.
                let own = capture.source.path.isEmpty ? file.path : capture.source.path
                let found = UploadFiles.resolve(capture, folder: URL(fileURLWithPath: own).deletingLastPathComponent(),
                                                displayPath: own)
                outcome.diagnostics += found.diagnostics
                uploads.append(found.files)
                captures.append(prepared)
            }
        }
        for capture in captures {
            for (i, step) in capture.steps.enumerated() where step.action == .note || step.action == .custom {
                outcome.diagnostics.append(Diagnostic(
                    .replaySkippedStep, "Step \(i + 1) of “\(capture.id)” is a \(step.action.rawValue) step; it is kept as recorded, not performed.",
                    at: SourceLocation(file: capture.source.path)))
            }
        }
        // Nothing could be read or replayed: the diagnostics are the whole answer (exit 2), not an empty report
        // saying "nothing changed".
        if captures.isEmpty, outcome.diagnostics.hasErrors { return outcome }
        let outFolder = project.url(request.out ?? "replayed")
        let replays: [CaptureReplay]
        if captures.isEmpty {
            replays = []
        } else {
            replays = try await replayAll(captures, uploads: uploads, request: request, settings: settings, outFolder: outFolder,
                                          diagnostics: &outcome.diagnostics)
        }
        let findings = replays.flatMap { DriftDetector.findings($0, maxVariation: request.maxVariation) }
        let report = ReplayReport(captures: replays.map(ReplayedCaptureSummary.init), findings: findings, failOn: settings.failOn)
        outcome.fails = report.fails
        if !request.check {
            for replay in replays {
                do {
                    outcome.written += try write(replay, to: outFolder, project: project)
                } catch {
                    outcome.diagnostics.append(Diagnostic(
                        .outputWriteFailed, "Cannot write the refreshed capture “\(replay.capture.id)”: \(error.localizedDescription)",
                        at: SourceLocation(file: outFolder.path)))
                }
            }
        }
        if request.updateDashboard, !replays.isEmpty {
            outcome.diagnostics += updateDashboard(report, request: request, project: project)
        }
        let text = ReplayReportWriter.render(report, as: request.report)
        if let output = request.output {
            do {
                _ = try AtomicFileWriter.write(Data(text.utf8), to: project.url(output))
            } catch {
                throw DiagnosticError(outcome.diagnostics + [Diagnostic(
                    .outputWriteFailed, "Cannot write the report: \(error.localizedDescription)", at: SourceLocation(file: output))])
            }
            outcome.summaryLine = report.summaryLine
        } else {
            outcome.printed = text
        }
        return outcome
    }

    /// Writes `last-replay.js` beside the dashboard, keeping what earlier runs recorded for other captures. The
    /// default folder is skipped quietly when no dashboard has been built there; a folder asked for by name is not.
    static func updateDashboard(_ report: ReplayReport, request: Request, project: Project) -> [Diagnostic] {
        let folder = project.url(request.dashboard ?? project.configuredOut ?? "out")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else {
            guard let named = request.dashboard else { return [] }
            return [Diagnostic(.replayDashboard, "--dashboard \(named) holds no dashboard (index.html); run `waymark build --out \(named)` first.",
                               at: SourceLocation(file: named))]
        }
        let url = folder.appendingPathComponent(LastReplayScript.fileName)
        let previous = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        let time = ISO8601DateFormatter().string(from: request.now ?? Date())
        do {
            _ = try AtomicFileWriter.write(Data(LastReplayScript.render(report, time: time, previous: previous).utf8), to: url)
            return []
        } catch {
            return [Diagnostic(.replayDashboard, "Cannot write \(LastReplayScript.fileName): \(error.localizedDescription)",
                               at: SourceLocation(file: url.path))]
        }
    }

    /// Starts the driver, replays up to `jobs` captures at once (one session each), and stops the driver.
    static func replayAll(
        _ captures: [Capture], uploads: [[Int: [String]]] = [], request: Request, settings: Settings, outFolder: URL,
        diagnostics: inout [Diagnostic]
    ) async throws(DiagnosticError) -> [CaptureReplay] {
        let endpoint: BrowserEndpoint = request.webdriver.map { .remote(url: $0) }
            ?? .local(LocalDriverOptions(chromedriverPath: request.chromedriverPath))
        let driver: BrowserDriver
        do {
            driver = try await BrowserDriver.start(endpoint)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        let replaySettings = ReplaySettings(stepTimeout: .milliseconds(Int(request.timeout * 1000)), secrets: settings.secrets)
        let results = await withTaskGroup(of: (Int, Result<CaptureReplay, BrowserError>).self) { group in
            var next = 0
            var results: [(Int, Result<CaptureReplay, BrowserError>)] = []
            func add() {
                let index = next
                let capture = captures[index]
                let previous = request.maxVariation == nil ? [:] : previousScreenshots(of: capture, in: outFolder)
                let files = index < uploads.count ? uploads[index] : [:]
                group.addTask {
                    let options = SessionOptions(network: settings.mapping.networkPolicy(for: capture),
                                                 elementWait: replaySettings.stepTimeout)
                    do throws(BrowserError) {
                        let session = try await driver.newSession(options)
                        let replayer = CaptureReplayer(session: session, mapping: settings.mapping, settings: replaySettings)
                        let replay = await replayer.replay(capture, previousScreenshots: previous, uploads: files)
                        await session.close()
                        return (index, .success(replay))
                    } catch {
                        return (index, .failure(error))
                    }
                }
                next += 1
            }
            while next < captures.count && next < request.jobs { add() }
            while let result = await group.next() {
                results.append(result)
                if next < captures.count { add() }
            }
            return results.sorted { $0.0 < $1.0 }
        }
        await driver.stop()
        var replays: [CaptureReplay] = []
        for (index, result) in results {
            switch result {
            case .success(let replay): replays.append(replay)
            case .failure(let error):
                var diagnostic = error.diagnostic
                diagnostic.location = SourceLocation(file: captures[index].source.path)
                diagnostics.append(diagnostic)
            }
        }
        return replays
    }

    /// The screenshots of the last refresh of `capture` in `folder`, by step index.
    static func previousScreenshots(of capture: Capture, in folder: URL) -> [Int: [UInt8]] {
        var out: [Int: [UInt8]] = [:]
        for index in capture.steps.indices {
            let url = folder.appendingPathComponent(ReplayedCapture.imagePath(captureID: capture.id, stepIndex: index))
            if let data = FileManager.default.contents(atPath: url.path) { out[index] = [UInt8](data) }
        }
        return out
    }

    /// Writes `<folder>/<id>.json` and its screenshots; returns the paths written.
    static func write(_ replay: CaptureReplay, to folder: URL, project: Project) throws -> [String] {
        let (capture, images) = ReplayedCapture.make(replay)
        var written: [String] = []
        let cwd = project.workingDirectory.path
        for image in images {
            let url = folder.appendingPathComponent(image.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFileWriter.write(Data(image.png), to: url)
            written.append(DisplayPath.of(url.path, relativeTo: cwd))
        }
        let url = folder.appendingPathComponent("\(capture.id).json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFileWriter.write(Data(NativeCaptureWriter.json(capture).utf8), to: url)
        written.append(DisplayPath.of(url.path, relativeTo: cwd))
        return written
    }
}

/// Hands the async replay's result to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ReplayAction.Outcome, DiagnosticError> = .failure(DiagnosticError([]))

    func set(_ value: Result<ReplayAction.Outcome, DiagnosticError>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws(DiagnosticError) -> ReplayAction.Outcome {
        lock.lock()
        defer { lock.unlock() }
        return try result.get()
    }
}
