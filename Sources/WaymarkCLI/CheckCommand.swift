import ArgumentParser
import Foundation
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

    @Argument(help: "Capture files or folders to check (default: the sources in the lock).")
    public var paths: [String] = []

    @Option(help: "The output folder holding waymark.lock.")
    public var out: String = "out"

    @Option(help: ArgumentHelp("A folder of hand-written materials to check for citations; repeatable.", valueName: "dir"))
    public var materials: [String] = []

    @Option(help: "Report format: text, json, junit, github, sarif or gitlab.")
    public var report: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    public var output: String?

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Statuses that fail the check, comma-separated (or all, none).", valueName: "list"))
    public var failOn: String = FindingKind.defaultFailOn.sorted().map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp("The template folder the build uses (default: the one recorded in the lock).", valueName: "dir"))
    public var templates: String?

    @Option(name: .customLong("max-age"),
            help: ArgumentHelp("Recordings older than this are overdue, for example 180d, 26w or 6m.", valueName: "age"))
    public var maxAge: String?

    @Option(help: ArgumentHelp("The date to compare review dates with (default: today, UTC).", valueName: "YYYY-MM-DD"))
    public var today: String?

    public init() {}

    public func validate() throws {
        if case .failure(let error) = FindingKind.parseList(failOn) { throw ValidationError(error.description) }
        if let today, CalendarDate(today) == nil { throw ValidationError("--today must be a date as YYYY-MM-DD.") }
        if let maxAge, CheckCommand.days(fromAge: maxAge) == nil {
            throw ValidationError("--max-age must be a number of days, weeks, months or years, such as 180d, 26w, 6m or 1y.")
        }
    }

    public func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let failOnKinds = (try? FindingKind.parseList(failOn).get()) ?? FindingKind.defaultFailOn
        let run = CheckRun(
            inputs: paths, outputDirectory: URL(fileURLWithPath: out, relativeTo: cwd),
            materials: materials.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
            templatesDirectory: templates.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
            today: today.flatMap(CalendarDate.init) ?? CheckCommand.todayUTC(),
            maxAgeDays: maxAge.flatMap(CheckCommand.days(fromAge:)), failOn: failOnKinds, baseDirectory: cwd)
        let result: (report: StalenessReport, diagnostics: [Diagnostic])
        do {
            result = try run.run()
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        DiagnosticConsole.report(result.diagnostics)
        try emit(result.report)
        if result.diagnostics.hasErrors { throw ExitStatus.invalidInput }
        if result.report.fails { throw ExitStatus.findings }
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
            FileManager.default.createFile(atPath: path, contents: nil)
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

    /// `180d`, `26w`, `6m` (30 days), `1y` (365 days), or a bare number of days.
    static func days(fromAge text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let factor: Int
        var digits = trimmed
        switch last {
        case "d": factor = 1; digits.removeLast()
        case "w": factor = 7; digits.removeLast()
        case "m": factor = 30; digits.removeLast()
        case "y": factor = 365; digits.removeLast()
        default: factor = 1
        }
        guard let n = Int(digits), n >= 0, n < 100_000 else { return nil }
        return n * factor
    }
}
