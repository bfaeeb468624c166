import ArgumentParser
import Foundation
import WaymarkActions
import WaymarkModel

/// `waymark replay`: performs each capture in a real browser — fresh screenshots and real labels, or, with
/// `--check`, a report of the steps that drifted or broke since the recording.
public struct ReplayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay captures in a real browser: refresh screenshots and labels, or find drift.",
        discussion: """
            Opens the application in headless Chromium (a chromedriver Waymark starts on loopback and always \
            stops, or --webdriver) and performs every step of each capture. The browser may contact only \
            127.0.0.1, the capture's own origins after --base-url/--map, and --allow-origin.

            Refresh (default): writes OUT/<id>.json, a native capture with a screenshot per step \
            (OUT/images/<id>/step-NN.png), highlight boxes, and labels the application shows where the recording \
            had none or only one made from an identifier (a written label or instruction is never replaced; \
            secrets are masked and painted over). `waymark build OUT` then gives guides with real screenshots.

            --check: writes only the report. A step is broken when its element is gone, ambiguous, or its page \
            fails; drifted when it works but shows another label ("Submit" → "Send") or lands on another page.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, 2 on invalid \
            input (bad options, unreadable captures, no driver).
            """)

    @Argument(help: "Capture files or folders to replay (default: `captures` of waymark.yml).")
    public var paths: [String] = []

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Replay the capture's first origin here instead, e.g. http://127.0.0.1:8080 (a path is put in front of recorded paths).", valueName: "url"))
    public var baseURL: String?

    @Option(help: ArgumentHelp("Replay the recorded origin FROM at TO (repeatable), e.g. https://app.example=http://127.0.0.1:8080.", valueName: "from=to"))
    public var map: [String] = []

    @Option(help: ArgumentHelp("Where refreshed captures and screenshots go (default: replayed).", valueName: "dir"))
    public var out: String?

    @Flag(help: "Only report drift and breakage; write no captures.")
    public var check = false

    @Option(help: "Report format: text, json, junit, github, sarif or gitlab.")
    public var report: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    public var output: String?

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Findings that fail the run, comma-separated: broken, drifted, needs-secret, screenshot-changed, or all, none (default: broken,drifted).", valueName: "list"))
    public var failOn: String?

    @Option(help: ArgumentHelp("Use this W3C WebDriver endpoint (Selenium Grid 4, a running chromedriver) instead of starting chromedriver.", valueName: "url"))
    public var webdriver: String?

    @Option(help: ArgumentHelp("Captures replayed at once, each in its own browser session (1–32).", valueName: "n"))
    public var jobs: Int = 1

    @Option(help: ArgumentHelp("Seconds each step may wait for its element or page (1–600).", valueName: "seconds"))
    public var timeout: Double = 10

    @Option(name: .customLong("max-variation"),
            help: ArgumentHelp("Report screenshots differing from the last refreshed ones by more than this share of pixels (0–1) as screenshot-changed.", valueName: "fraction"))
    public var maxVariation: Double?

    @Option(name: .customLong("allow-origin"),
            help: ArgumentHelp("Another origin the browser may contact (repeatable).", valueName: "origin"))
    public var allowOrigin: [String] = []

    @Option(help: ArgumentHelp("Type the sensitive step labelled LABEL from the environment variable ENVVAR (repeatable; adds to secrets: in waymark.yml).", valueName: "label=envvar"))
    public var secret: [String] = []

    @Option(help: ArgumentHelp("The built folder whose dashboard shows when each guide was last verified (default: out of waymark.yml, else out, if a dashboard is there).", valueName: "dir"))
    public var dashboard: String?

    @Flag(inversion: .prefixedNo, help: "Write DIR/last-replay.js so the dashboard shows when each guide was last verified and what broke.")
    public var updateDashboard: Bool = true

    public init() {}

    public func run() throws {
        var request = ReplayAction.Request()
        request.paths = paths
        request.baseURL = baseURL
        request.map = map
        request.out = out
        request.check = check
        request.report = report
        request.output = output
        request.failOn = failOn
        request.webdriver = webdriver
        request.jobs = jobs
        request.timeout = timeout
        request.maxVariation = maxVariation
        request.allowOrigins = allowOrigin
        request.secrets = secret
        request.dashboard = dashboard
        request.updateDashboard = updateDashboard
        let project = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try Project.load() }
        let problems = ReplayAction.optionProblems(request, configuration: project.configuration)
        if !problems.isEmpty {
            DiagnosticConsole.report(problems)
            throw ExitStatus.invalidInput
        }
        let outcome = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try ReplayAction.runToCompletion(request, in: project) }
        DiagnosticConsole.report(outcome.diagnostics)
        if let printed = outcome.printed {
            DiagnosticConsole.writeOut(report == .text || report == .github ? TerminalText.sanitize(printed) : printed)
        }
        if let line = outcome.summaryLine { DiagnosticConsole.printError(line) }
        if outcome.diagnostics.hasErrors { throw ExitStatus.invalidInput }
        if outcome.fails { throw ExitStatus.findings }
    }
}
