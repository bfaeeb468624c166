import Foundation
import WaymarkModel

/// The project a command runs in: the working folder and its `waymark.yml`, read once the same way by every
/// command, so `build`, `check`, `narrate`, `diff`, `inspect` and `replay` always agree on captures, output folder,
/// templates and settings.
public struct Project: Sendable {
    public var workingDirectory: URL
    public var configuration: ProjectConfiguration
    /// The folder paths in `waymark.yml` are relative to.
    public var configurationFolder: URL

    /// The working folder as a project without settings (commands that do not read `waymark.yml`).
    public init() {
        self.init(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    public init(workingDirectory: URL, configuration: ProjectConfiguration = ProjectConfiguration(),
                configurationFolder: URL? = nil) {
        self.workingDirectory = workingDirectory
        self.configuration = configuration
        self.configurationFolder = configurationFolder ?? workingDirectory
    }

    /// Reads `waymark.yml` from `directory` when there is one. A broken file is an error: ignoring it could print
    /// what the team meant to hide.
    public static func load(
        in directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(DiagnosticError) -> Project {
        let configURL = directory.appendingPathComponent(ConfigurationLoader.fileName)
        guard FileManager.default.fileExists(atPath: configURL.path) else { return Project(workingDirectory: directory) }
        let configuration = try ConfigurationLoader.load(configURL, displayPath: ConfigurationLoader.fileName)
        return Project(workingDirectory: directory, configuration: configuration,
                       configurationFolder: configURL.deletingLastPathComponent())
    }

    /// A path from `waymark.yml`: absolute paths stay as they are, relative ones are taken from the file's folder.
    public func configuredPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : configurationFolder.appendingPathComponent(path).path
    }

    /// The captures listed in `waymark.yml`, as paths.
    public var configuredCaptures: [String] { configuration.captures.map(configuredPath) }
    public var configuredOut: String? { configuration.out.map(configuredPath) }
    public var configuredTemplates: String? { configuration.templates.map(configuredPath) }

    /// A path given on the command line, resolved against the working folder.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
    }

    /// How captures of this project are made ready for anything that renders, fingerprints or prints them.
    public var preparation: CapturePreparation { CapturePreparation(configuration: configuration) }
}
