import ArgumentParser
import Foundation
import WaymarkActions
import WaymarkModel

/// `waymark build`: turns captures into guides, job aids and a dashboard.
///
/// Builds every capture it can. Problems are printed as diagnostics; if any is an error (unreadable capture, bad
/// template, duplicate id) the command still writes the other guides and then exits with status 2.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build guides, job aids and the dashboard from captures.",
        discussion: """
        With no PATH, reads the settings of ./waymark.yml (its `captures`), or builds SampleCaptures/ when there is \
        no waymark.yml. Files in folders that are not captures are skipped with a note. Outputs are written \
        atomically and only when their content changed, so a second run writes nothing.
        """
    )

    @Argument(help: "Capture files or folders (searched recursively).")
    var paths: [String] = []

    @Option(name: .long, help: "Output folder (default: `out` of waymark.yml, else out).")
    var out: String?

    @Option(name: .long, help: "Folder of templates that replace the built-in ones by file name.")
    var templates: String?

    @Flag(name: .long, help: "Overwrite outputs even where they were edited by hand.")
    var force = false

    @Option(name: .long, help: "Captures to build at the same time (default: number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Inline images and the stylesheet into each guide.html for sharing.")
    var selfContained = false

    @Flag(inversion: .prefixedNo, help: "Add a knowledge check (default: on for guides with 5 or more steps).")
    var quiz: Bool?

    @Option(name: .long, help: ArgumentHelp(ShardOption.help, valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("package"), help: ArgumentHelp(
        "Also write a package per guide: scorm12, cmi5 (LMS zips) or pdf (guide.pdf, job-aid.pdf) (repeatable; default: `packages` of waymark.yml).",
        valueName: "KIND"))
    var packages: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Paper of the PDFs: a4 or letter (default: `paper` of waymark.yml, else a4).", valueName: "SIZE"))
    var paper: String?

    public init() {}

    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    public func run() throws {
        let project = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try Project.load() }
        var request = BuildAction.Request()
        request.paths = paths
        request.out = out
        request.templates = templates
        request.force = force
        request.jobs = jobs
        request.selfContained = selfContained
        request.quiz = quiz.map { $0 ? .always : .never } ?? .automatic
        request.shard = try ShardOption.parse(shard)
        request.packages = packages
        request.paper = paper
        let environment = ProcessInfo.processInfo.environment
        request.chromedriverPath = environment["WAYMARK_CHROMEDRIVER"].flatMap { $0.isEmpty ? nil : $0 }
        request.chromiumPath = environment["WAYMARK_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        let options = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try BuildAction.options(for: request, in: project) }
        let outPath = BuildAction.outputPath(for: request, in: project)

        let progress = ProgressLine(isTerminal: isatty(STDERR_FILENO) == 1)
        let report = try DiagnosticConsole.orExit { () throws(DiagnosticError) in
            try BuildAction.run(options, outputShownAs: outPath) { progress.show($0) }
        }
        progress.finish()

        DiagnosticConsole.report(report.allDiagnostics)
        for line in report.summaryLines(outputDirectory: options.outputDirectory, shownAs: outPath) {
            DiagnosticConsole.printOut(line)
        }
        if report.hasErrors { throw ExitStatus.invalidInput }
    }
}

/// One progress line on a terminal (rewritten with a carriage return), plain lines otherwise.
final class ProgressLine: @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var shown = false

    init(isTerminal: Bool) { self.isTerminal = isTerminal }

    func show(_ progress: BuildProgress) {
        lock.lock()
        defer { lock.unlock() }
        let text = TerminalText.sanitize("[\(progress.completed)/\(progress.total)] \(progress.captureID)")
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            shown = true
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal && shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
