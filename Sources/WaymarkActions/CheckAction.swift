import Foundation
import WaymarkModel
import WaymarkStaleness
import WaymarkSupport

/// `waymark check`: runs `CheckRun`, shows the findings on the dashboard, and renders the report.
public enum CheckAction {
    /// What `waymark check` asks for, before `waymark.yml` fills in what was not given.
    public struct Request: Sendable {
        public var paths: [String] = []
        public var out: String?
        public var materials: [String] = []
        public var report: ReportFormat = .text
        /// Write the report to this file instead of returning it for standard output.
        public var output: String?
        public var failOn: String?
        public var templates: String?
        public var maxAge: String?
        public var today: String?
        public var shard: CaptureShard?
        /// Write OUT/last-check.js so the dashboard shows the findings.
        public var updateDashboard = true
        /// `$GITHUB_STEP_SUMMARY`, appended to with the `github` report.
        public var stepSummaryPath: String?

        public init() {}
    }

    /// What to print and how to exit.
    public struct Outcome: Sendable {
        /// The report for standard output; nil when it was written to `--output`.
        public var printed: String?
        /// Printed to standard error when the report went to a file.
        public var summaryLine: String?
        public var diagnostics: [Diagnostic] = []
        /// The check found something at or above `--fail-on`.
        public var fails = false
    }

    /// Problems with the options themselves (exit status 2 before anything is read).
    public static func optionProblems(_ request: Request) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let failOn = request.failOn, case .failure(let error) = FindingKind.parseList(failOn) {
            diagnostics += error.diagnostics
        }
        if let today = request.today, CalendarDate(today) == nil {
            diagnostics.append(Diagnostic(.checkToday, "--today '\(today)' is not a date."))
        }
        if let maxAge = request.maxAge, ProjectConfiguration.days(fromAge: maxAge) == nil {
            diagnostics.append(Diagnostic(.checkMaxAge, "--max-age '\(maxAge)' is not an age."))
        }
        return diagnostics
    }

    /// Runs the check. Throws when nothing can be checked: bad options, an unreadable or newer lock, missing
    /// templates, a report file that cannot be written.
    public static func run(_ request: Request, in project: Project) throws(DiagnosticError) -> Outcome {
        let problems = optionProblems(request)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        let configuration = project.configuration
        var failOn = FindingKind.defaultFailOn
        if let list = request.failOn ?? configuration.failOn {
            switch FindingKind.parseList(list) {
            case .success(let kinds): failOn = kinds
            case .failure(let error):
                throw DiagnosticError(error.diagnostics.map { $0.inFile(configuration.file ?? ConfigurationLoader.fileName) })
            }
        }
        let outPath = request.out ?? project.configuredOut ?? "out"
        var run = CheckRun(
            inputs: request.paths.isEmpty ? project.configuredCaptures : request.paths,
            outputDirectory: URL(fileURLWithPath: outPath, relativeTo: project.workingDirectory),
            materials: request.materials.map { URL(fileURLWithPath: $0, relativeTo: project.workingDirectory) },
            templatesDirectory: (request.templates ?? project.configuredTemplates)
                .map { URL(fileURLWithPath: $0, relativeTo: project.workingDirectory) },
            today: request.today.flatMap(CalendarDate.init) ?? LockedBuild.todayUTC(),
            maxAgeDays: request.maxAge.flatMap(ProjectConfiguration.days(fromAge:)) ?? configuration.maxAgeDays,
            failOn: failOn, baseDirectory: project.workingDirectory, preparation: project.preparation)
        run.shard = request.shard
        let (report, diagnostics) = try run.run()
        var outcome = Outcome(diagnostics: diagnostics, fails: report.fails)
        // Nothing could be read and nothing was checked: the diagnostics are the whole answer (exit 2), not a report
        // saying "0 materials checked".
        if report.materials.isEmpty, diagnostics.hasErrors { return outcome }
        if request.updateDashboard, let problem = writeLastCheck(report, outputFolder: run.outputDirectory, date: run.today) {
            outcome.diagnostics.append(problem)
        }
        let text = ReportWriter.render(report, as: request.report)
        if let output = request.output {
            do {
                _ = try AtomicFileWriter.write(Data(text.utf8), to: URL(fileURLWithPath: output, relativeTo: project.workingDirectory))
            } catch {
                throw DiagnosticError(outcome.diagnostics + [Diagnostic(
                    .outputWriteFailed, "Cannot write the report: \(error.localizedDescription)",
                    hint: "Check that the folder exists and is writable.", at: SourceLocation(file: output))])
            }
            outcome.summaryLine = report.summaryLine
        } else {
            outcome.printed = text
        }
        if request.report == .github, let path = request.stepSummaryPath, !path.isEmpty,
           let problem = appendStepSummary(GitHubReport.summary(report), to: path) {
            outcome.diagnostics.append(problem)
        }
        return outcome
    }

    /// Lets the dashboard show this check's findings; only where a build already made the output folder.
    static func writeLastCheck(_ report: StalenessReport, outputFolder: URL, date: CalendarDate) -> Diagnostic? {
        let folder = outputFolder.standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else { return nil }
        let url = folder.appendingPathComponent(LastCheckScript.fileName)
        do {
            _ = try AtomicFileWriter.write(Data(LastCheckScript.render(report, date: date).utf8), to: url)
            return nil
        } catch {
            return Diagnostic(
                .checkDashboardUnwritable, "Cannot write the dashboard's copy of the findings: \(error.localizedDescription)",
                at: SourceLocation(file: url.path))
        }
    }

    /// Appends to the step summary file (GitHub creates it; other steps may have written to it already). An
    /// append, not an atomic replacement: the file belongs to the workflow run.
    static func appendStepSummary(_ markdown: String, to path: String) -> Diagnostic? {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: URL(fileURLWithPath: path)) else {
            return Diagnostic(.checkStepSummary, "Cannot append to the step summary.", at: SourceLocation(file: path))
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(markdown.utf8))
        return nil
    }
}
