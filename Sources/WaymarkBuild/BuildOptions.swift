import Foundation
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
public struct BuildProgress: Sendable {
    public var completed: Int
    public var total: Int
    /// The capture just finished.
    public var captureID: String
}
