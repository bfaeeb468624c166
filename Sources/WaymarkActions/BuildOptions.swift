import Foundation
import WaymarkModel
import WaymarkPackaging
import WaymarkRender

/// How to run a build: inputs, output folder and the switches of `waymark build`.
public struct BuildOptions: Sendable {
    /// Capture files or folders (folders are searched recursively).
    public var inputs: [String]
    public var outputDirectory: URL
    /// Folder with template overrides, by file name.
    public var templatesDirectory: URL?
    /// Overwrite outputs even where a write guard would keep them (hand-edited files).
    public var force: Bool
    /// Captures built at the same time; at least 1.
    public var jobs: Int
    public var selfContained: Bool
    public var quiz: QuizMode
    public var configuration: ProjectConfiguration
    /// Folder that relative input paths are resolved against, and that paths in messages are relative to.
    public var baseDirectory: URL
    /// Build only the captures of this shard (`--shard I/N`); nil builds all.
    public var shard: CaptureShard? = nil
    /// LMS packages to write beside each guide (`--package`, else waymark.yml `packages`).
    public var packages: [PackageKind] = []
    /// Paper of the printed guides (`--paper`, else waymark.yml `paper`, else A4); used only with `pdf` packages.
    public var paper: PaperSize = .a4
    /// chromedriver and Chromium for printing PDFs (`WAYMARK_CHROMEDRIVER`, `WAYMARK_CHROMIUM`); nil searches `PATH`
    /// and where Debian installs them.
    public var chromedriverPath: String? = nil
    public var chromiumPath: String? = nil

    public init(
        inputs: [String], outputDirectory: URL, templatesDirectory: URL? = nil, force: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, selfContained: Bool = false,
        quiz: QuizMode = .automatic, configuration: ProjectConfiguration = ProjectConfiguration(),
        baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.force = force
        self.jobs = max(1, jobs)
        self.selfContained = selfContained
        self.quiz = quiz
        self.configuration = configuration
        self.baseDirectory = baseDirectory
    }
}

/// Reported while a build runs, for a progress line.
extension BuildOptions {
    /// Hash of every setting that changes what a capture's outputs contain (not where they go, not how fast):
    /// an incremental build rebuilds a capture whose lock entry was made with other settings.
    public var settingsHash: String {
        let c = configuration
        let parts: [String] = [
            "wpm=\(c.wordsPerMinute.map { String($0) } ?? "default")",
            "pause=\(c.pauseSeconds.map { String($0) } ?? "default")",
            "quiz=\(quiz.rawValue)",
            "self-contained=\(selfContained)",
            "redact=" + c.redact.joined(separator: "\u{1F}"),
            "owners=" + c.owners.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }.joined(separator: "\u{1E}"),
        ]
        // Package settings only when used, so builds without packages keep the hashes their locks recorded.
        var packaging: [String] = []
        if !packages.isEmpty { packaging.append("packages=" + packages.map(\.rawValue).joined(separator: ",")) }
        if let mastery = c.masteryScore { packaging.append("mastery=\(mastery.percent)") }
        if packages.contains(.pdf) { packaging.append("paper=\(paper.rawValue)") }
        return String(Fingerprint.hex(of: (parts + packaging).joined(separator: "\n")).prefix(16))
    }
}

public struct BuildProgress: Sendable {
    public var completed: Int
    public var total: Int
    /// The capture just finished.
    public var captureID: String
}
