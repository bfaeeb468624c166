import ArgumentParser
import Foundation
import WaymarkBuild
import WaymarkModel
import WaymarkPackaging
import WaymarkRender

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
        "Also write an LMS package per guide: scorm12 or cmi5 (repeatable; default: `packages` of waymark.yml).",
        valueName: "KIND"))
    var packages: [String] = []

    public init() {}

    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    public func run() throws {
        let project = try ProjectContext.load()
        let cwd = project.workingDirectory
        let configuration = project.configuration
        let shard = try ShardOption.parse(self.shard)
        var inputs = paths
        if inputs.isEmpty {
            if configuration.file != nil {
                inputs = configuration.captures.isEmpty ? ["."] : project.configuredCaptures
            } else {
                inputs = ["SampleCaptures"]
            }
        }
        let outPath = out ?? project.configuredOut ?? "out"
        let templatesPath = templates ?? project.configuredTemplates
        var options = BuildOptions(
            inputs: inputs,
            outputDirectory: URL(fileURLWithPath: outPath, relativeTo: cwd).standardizedFileURL,
            templatesDirectory: templatesPath.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            force: force,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            selfContained: selfContained,
            quiz: quiz.map { $0 ? .always : .never } ?? .automatic,
            configuration: configuration,
            baseDirectory: cwd)
        options.shard = shard
        options.packages = try PackageOption.kinds(packages, configured: configuration.packages)

        // One build per output folder at a time; the kernel drops the lock if this process dies.
        let lock: BuildLock
        do {
            lock = try BuildLock.acquire(options.outputDirectory, displayPath: outPath)
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        defer { lock.release() }

        let progress = ProgressLine(isTerminal: isatty(STDERR_FILENO) == 1)
        let report = LockedBuild(options: options).run { progress.show($0) }
        progress.finish()

        DiagnosticConsole.report(report.allDiagnostics)
        let warnings = report.count(.warning), errors = report.count(.error)
        let guides = report.captures.count
        var summary = "Built \(guides) guide\(guides == 1 ? "" : "s") (\(report.stepCount) steps) into \(outPath): "
            + "\(report.count(.written)) files written, \(report.count(.unchanged)) unchanged"
        if report.count(.kept) > 0 { summary += ", \(report.count(.kept)) kept" }
        if !report.reused.isEmpty {
            summary += ", \(report.reused.count) up-to-date guide\(report.reused.count == 1 ? "" : "s") skipped"
        }
        summary += ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        if errors > 0 { summary += ", \(errors) error\(errors == 1 ? "" : "s")" }
        DiagnosticConsole.printOut(summary + ".")
        DiagnosticConsole.printOut("Dashboard: " + options.outputDirectory.appendingPathComponent("index.html").path)
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
