import Foundation
import WaymarkModel
import WaymarkPackaging
import WaymarkRender
import WaymarkStaleness

/// Settings the command line may pass straight through to the engines without importing them.
public typealias QuizMode = WaymarkRender.QuizMode
public typealias ReportFormat = WaymarkStaleness.ReportFormat
public typealias StalenessReport = WaymarkStaleness.StalenessReport

/// `waymark build`: one build per output folder at a time, then `LockedBuild`.
public enum BuildAction {
    /// What `waymark build` asks for, before `waymark.yml` fills in what was not given.
    public struct Request: Sendable {
        public var paths: [String] = []
        public var out: String?
        public var templates: String?
        public var force = false
        public var jobs: Int?
        public var selfContained = false
        public var quiz: QuizMode = .automatic
        public var shard: CaptureShard?
        /// `--package KIND` values; when given they replace `packages` of `waymark.yml`.
        public var packages: [String] = []
        /// `--paper a4|letter`; when given it replaces `paper` of `waymark.yml`.
        public var paper: String?
        /// The browser that prints PDFs, when it is not where Debian installs it (from the environment).
        public var chromedriverPath: String?
        public var chromiumPath: String?

        public init() {}
    }

    /// The build options for `request` in `project`: command-line values first, then `waymark.yml`, then the
    /// defaults (the captures of `waymark.yml`, else `SampleCaptures/`; `out/`).
    /// Throws when a `--package` kind or the `--paper` size is unknown.
    public static func options(for request: Request, in project: Project) throws(DiagnosticError) -> BuildOptions {
        let configuration = project.configuration
        var inputs = request.paths
        if inputs.isEmpty {
            if configuration.file != nil {
                inputs = configuration.captures.isEmpty ? ["."] : project.configuredCaptures
            } else {
                inputs = ["SampleCaptures"]
            }
        }
        var options = BuildOptions(
            inputs: inputs,
            outputDirectory: project.url(outputPath(for: request, in: project)),
            templatesDirectory: (request.templates ?? project.configuredTemplates).map(project.url),
            force: request.force,
            jobs: request.jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            selfContained: request.selfContained,
            quiz: request.quiz,
            configuration: configuration,
            baseDirectory: project.workingDirectory)
        options.shard = request.shard
        options.packages = request.packages.isEmpty ? configuration.packages : try PackageKind.parse(request.packages)
        options.chromedriverPath = request.chromedriverPath
        options.chromiumPath = request.chromiumPath
        if let paper = request.paper {
            options.paper = try PaperSize.parse(paper)
        } else {
            options.paper = configuration.paper ?? .a4
        }
        return options
    }

    /// The output folder as the user gave it (for messages): `--out`, else `out` of `waymark.yml`, else `out`.
    public static func outputPath(for request: Request, in project: Project) -> String {
        request.out ?? project.configuredOut ?? "out"
    }

    /// Builds under the output folder's build lock (the kernel drops it if this process dies). Throws only when
    /// the lock cannot be taken; every other problem is in the report.
    public static func run(
        _ options: BuildOptions, outputShownAs outPath: String, progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) throws(DiagnosticError) -> BuildReport {
        let lock = try BuildLock.acquire(options.outputDirectory, displayPath: outPath)
        defer { lock.release() }
        return LockedBuild(options: options).run(progress: progress)
    }
}

extension BuildReport {
    /// "Built 5 guides (64 steps) into out: 40 files written, 0 unchanged, 3 warnings." and the dashboard's path.
    public func summaryLines(outputDirectory: URL, shownAs outPath: String) -> [String] {
        let warnings = count(.warning), errors = count(.error)
        let guides = captures.count
        var summary = "Built \(guides) guide\(guides == 1 ? "" : "s") (\(stepCount) steps) into \(outPath): "
            + "\(count(.written)) files written, \(count(.unchanged)) unchanged"
        if count(.kept) > 0 { summary += ", \(count(.kept)) kept" }
        if !reused.isEmpty {
            summary += ", \(reused.count) up-to-date guide\(reused.count == 1 ? "" : "s") skipped"
        }
        summary += ", \(warnings) warning\(warnings == 1 ? "" : "s")"
        if errors > 0 { summary += ", \(errors) error\(errors == 1 ? "" : "s")" }
        return [summary + ".", "Dashboard: " + outputDirectory.appendingPathComponent("index.html").path]
    }
}
