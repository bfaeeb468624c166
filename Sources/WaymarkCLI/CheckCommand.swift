import ArgumentParser
import Foundation
import WaymarkBuild
import WaymarkModel
import WaymarkStaleness

extension ReportFormat: ExpressibleByArgument {}

/// `waymark check`: tells a CI job which materials no longer match their captures, and who owns them.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find training materials that no longer match their captures.",
        discussion: """
            Compares the captures, the output folder and hand-written materials with out/waymark.lock, written \
            by the last `waymark build`. Statuses: fresh, stale (the capture changed; with a step diff), edited \
            (a generated file was changed by hand), missing (a generated file is gone), orphaned (the capture is \
            gone), untracked (a capture without materials), overdue (review date passed, or older than \
            --max-age), outdated-template (templates or Waymark version changed).

            Captures whose bytes still match the lock are not parsed again. Without PATH arguments the sources \
            recorded in the lock are checked (pass the capture folders to find untracked captures too).

            Hand-written .md/.html/.txt files under --materials are checked when they hold a marker printed by \
            `waymark cite`.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 on invalid \
            input (the message names file, line and column).
            """)

    @Argument(help: "Capture files or folders to check (default: `captures` of waymark.yml, else the sources in the lock).")
    public var paths: [String] = []

    @Option(help: "The output folder holding waymark.lock (default: `out` of waymark.yml, else out).")
    public var out: String?

    @Option(help: ArgumentHelp("A folder of hand-written materials to check for citations; repeatable.", valueName: "dir"))
    public var materials: [String] = []

    @Option(help: "Report format: text, json, junit, github, sarif or gitlab.")
    public var report: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    public var output: String?

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Statuses that fail the check, comma-separated, or all, none (default: `fail_on` of waymark.yml, else stale,edited,missing,orphaned).", valueName: "list"))
    public var failOn: String?

    @Option(help: ArgumentHelp("The template folder the build uses (default: the one recorded in the lock).", valueName: "dir"))
    public var templates: String?

    @Option(name: .customLong("max-age"),
            help: ArgumentHelp("Recordings older than this are overdue, for example 180d, 26w or 6m.", valueName: "age"))
    public var maxAge: String?

    @Option(help: ArgumentHelp("The date to compare review dates with (default: today, UTC).", valueName: "YYYY-MM-DD"))
    public var today: String?

    @Option(name: .long, help: ArgumentHelp(ShardOption.help, valueName: "I/N"))
    public var shard: String?

    @Flag(inversion: .prefixedNo, help: "Write the findings to OUT/last-check.js so the dashboard shows them.")
    public var updateDashboard: Bool = true

    public init() {}

    /// Option problems are diagnostics with exit status 2 (the documented code for usage errors).
    func optionDiagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let failOn, case .failure(let error) = FindingKind.parseList(failOn) { diagnostics += error.diagnostics }
        if let today, CalendarDate(today) == nil {
            diagnostics.append(.error("check.today", "--today '\(today)' is not a date.", hint: "Write it as YYYY-MM-DD."))
        }
        if let maxAge, ProjectConfiguration.days(fromAge: maxAge) == nil {
            diagnostics.append(.error(
                "check.max-age", "--max-age '\(maxAge)' is not an age.",
                hint: "Use a number of days, weeks, months or years, such as 180d, 26w, 6m or 1y."))
        }
        return diagnostics
    }

    public func run() throws {
        let problems = optionDiagnostics()
        if !problems.isEmpty {
            DiagnosticConsole.report(problems)
            throw ExitStatus.invalidInput
        }
        // waymark.yml, read the way `build` reads it, so both see the same captures, output and templates.
        let project = try ProjectContext.load()
        let cwd = project.workingDirectory
        let configuration = project.configuration
        let shard = try ShardOption.parse(self.shard)
        var failOnKinds = FindingKind.defaultFailOn
        if let list = failOn ?? configuration.failOn {
            switch FindingKind.parseList(list) {
            case .success(let kinds): failOnKinds = kinds
            case .failure(let error):
                DiagnosticConsole.report(error.diagnostics.map { $0.inFile(configuration.file ?? ConfigurationLoader.fileName) })
                throw ExitStatus.invalidInput
            }
        }
        let inputs = !paths.isEmpty ? paths : project.configuredCaptures
        let outPath = out ?? project.configuredOut ?? "out"
        let templatesPath = templates ?? project.configuredTemplates
        let config = configuration
        var run = CheckRun(
            inputs: inputs, outputDirectory: URL(fileURLWithPath: outPath, relativeTo: cwd),
            materials: materials.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
            templatesDirectory: templatesPath.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
            today: today.flatMap(CalendarDate.init) ?? CheckCommand.todayUTC(),
            maxAgeDays: maxAge.flatMap(ProjectConfiguration.days(fromAge:)) ?? configuration.maxAgeDays,
            failOn: failOnKinds, baseDirectory: cwd,
            defaultOwner: { config.defaultOwner(sourcePath: $0, application: $1) })
        run.shard = shard
        let result: (report: StalenessReport, diagnostics: [Diagnostic])
        do {
            result = try run.run()
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        DiagnosticConsole.report(result.diagnostics)
        try emit(result.report)
        if updateDashboard { writeLastCheck(result.report, outputFolder: run.outputDirectory, date: run.today) }
        if result.diagnostics.hasErrors { throw ExitStatus.invalidInput }
        if result.report.fails { throw ExitStatus.findings }
    }

    /// Lets the dashboard show this check's findings; only where a build already made the output folder.
    func writeLastCheck(_ report: StalenessReport, outputFolder: URL, date: CalendarDate) {
        let folder = outputFolder.standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) else { return }
        let url = folder.appendingPathComponent(LastCheckScript.fileName)
        do {
            _ = try AtomicFileWriter.write(Data(LastCheckScript.render(report, date: date).utf8), to: url)
        } catch {
            DiagnosticConsole.report([.warning(
                "check.dashboard-unwritable", "Cannot write the dashboard's copy of the findings: \(error.localizedDescription)",
                hint: "Check that the output folder is writable, or pass --no-update-dashboard.",
                at: SourceLocation(file: url.path))])
        }
    }

    func emit(_ report: StalenessReport) throws {
        let text = ReportWriter.render(report, as: self.report)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                DiagnosticConsole.report([.error(
                    "output.write-failed", "Cannot write the report: \(error.localizedDescription)",
                    hint: "Check that the folder exists and is writable.", at: SourceLocation(file: output))])
                throw ExitStatus.invalidInput
            }
            DiagnosticConsole.printError(report.summaryLine)
        } else if self.report == .text || self.report == .github {
            FileHandle.standardOutput.write(Data(TerminalText.sanitize(text).utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if self.report == .github, let summaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
           !summaryPath.isEmpty {
            appendStepSummary(GitHubReport.summary(report), to: summaryPath)
        }
    }

    /// Appends to the step summary file (GitHub creates it; other steps may have written to it already).
    func appendStepSummary(_ markdown: String, to path: String) {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            DiagnosticConsole.report([.warning(
                "check.step-summary", "Cannot append to the step summary.", at: SourceLocation(file: path))])
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(markdown.utf8))
    }

    /// Today's date in UTC, so CI runners in any zone agree.
    static func todayUTC() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
