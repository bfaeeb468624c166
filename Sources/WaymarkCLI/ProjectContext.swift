import Foundation
import WaymarkBuild
import WaymarkModel

/// The project a command runs in: the working folder and its `waymark.yml`, read once the same way by every
/// command, so `build`, `check` and `narrate` always agree on captures, output folder, templates and settings.
struct ProjectContext {
    var workingDirectory: URL
    var configuration: ProjectConfiguration
    /// The folder paths in `waymark.yml` are relative to.
    var configurationFolder: URL

    /// Reads `waymark.yml` from the working folder when there is one; prints its diagnostics and exits 2 if invalid.
    static func load() throws -> ProjectContext {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configURL = cwd.appendingPathComponent(ConfigurationLoader.fileName)
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            return ProjectContext(workingDirectory: cwd, configuration: ProjectConfiguration(), configurationFolder: cwd)
        }
        do {
            let configuration = try ConfigurationLoader.load(configURL, displayPath: ConfigurationLoader.fileName)
            return ProjectContext(
                workingDirectory: cwd, configuration: configuration,
                configurationFolder: configURL.deletingLastPathComponent())
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
    }

    /// A path from `waymark.yml`: absolute paths stay as they are, relative ones are taken from the file's folder.
    func configuredPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : configurationFolder.appendingPathComponent(path).path
    }

    /// The captures listed in `waymark.yml`, as paths.
    var configuredCaptures: [String] { configuration.captures.map(configuredPath) }
    var configuredOut: String? { configuration.out.map(configuredPath) }
    var configuredTemplates: String? { configuration.templates.map(configuredPath) }
}

/// `--shard I/N`, shared by `build` and `check`.
struct ShardOption {
    static let help = "Only the captures of shard I of N (a stable split by capture id, for CI matrices)."

    static func parse(_ text: String?) throws -> CaptureShard? {
        guard let text else { return nil }
        guard let shard = CaptureShard(text) else {
            DiagnosticConsole.report([.error(
                "option.shard", "--shard '\(text)' is not a shard.",
                hint: "Write it as I/N with 1 ≤ I ≤ N, for example --shard 2/4.")])
            throw ExitStatus.invalidInput
        }
        return shard
    }
}
