import ArgumentParser
import Foundation
import WaymarkActions
import WaymarkModel

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

    public func run() throws {
        var request = CheckAction.Request()
        request.paths = paths
        request.out = out
        request.materials = materials
        request.report = report
        request.output = output
        request.failOn = failOn
        request.templates = templates
        request.maxAge = maxAge
        request.today = today
        request.updateDashboard = updateDashboard
        request.stepSummaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"]
        // Option problems first: they are usage errors whatever the project holds.
        let problems = CheckAction.optionProblems(request)
        if !problems.isEmpty {
            DiagnosticConsole.report(problems)
            throw ExitStatus.invalidInput
        }
        let project = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try Project.load() }
        request.shard = try ShardOption.parse(shard)
        let outcome = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try CheckAction.run(request, in: project) }
        DiagnosticConsole.report(outcome.diagnostics)
        if let printed = outcome.printed {
            DiagnosticConsole.writeOut(report == .text || report == .github ? TerminalText.sanitize(printed) : printed)
        }
        if let line = outcome.summaryLine { DiagnosticConsole.printError(line) }
        if outcome.diagnostics.hasErrors { throw ExitStatus.invalidInput }
        if outcome.fails { throw ExitStatus.findings }
    }
}
