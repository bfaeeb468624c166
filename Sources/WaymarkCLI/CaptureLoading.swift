import ArgumentParser
import Foundation
import WaymarkImport
import WaymarkModel

/// The `--format` option shared by commands that read captures: `auto` (sniff the content) or one format name.
public struct CaptureFormatChoice: ExpressibleByArgument, Sendable, Hashable {
    /// The chosen format, or nil for `auto`.
    public var format: CaptureFormat?

    public init(format: CaptureFormat?) { self.format = format }

    public init?(argument: String) {
        if argument == "auto" {
            format = nil
        } else if let format = CaptureFormat(rawValue: argument) {
            self.format = format
        } else {
            return nil
        }
    }

    public static var allValueStrings: [String] { ["auto"] + CaptureFormat.allCases.map(\.rawValue) }
    public var defaultValueDescription: String { format?.rawValue ?? "auto" }
}

/// One input file's captures and diagnostics, as commands see them.
public struct LoadedCaptureFile: Sendable {
    public var path: String
    public var captures: [Capture]
    public var diagnostics: [Diagnostic]
}

/// Reads capture files for commands: expands folders, loads each file, imports it with the registered importers.
public enum CaptureLoading {
    /// Collects `paths` (files or folders) and imports each file. Missing paths become `input.not-found` errors
    /// in the first entry's place (with an empty capture list).
    public static func load(
        _ paths: [String], format: CaptureFormat? = nil, reader: CaptureReader = CaptureReader()
    ) -> [LoadedCaptureFile] {
        let collected = InputCollector.collect(paths)
        var out: [LoadedCaptureFile] = collected.diagnostics.map {
            LoadedCaptureFile(path: $0.location?.file ?? "", captures: [], diagnostics: [$0])
        }
        let cwd = FileManager.default.currentDirectoryPath
        for url in collected.files {
            let shown = DisplayPath.of(url.path, relativeTo: cwd)
            do {
                let input = try CaptureInput.load(url, displayPath: shown)
                let result = reader.read(input, format: format)
                out.append(LoadedCaptureFile(path: shown, captures: result.captures, diagnostics: result.diagnostics))
            } catch {
                out.append(LoadedCaptureFile(path: shown, captures: [], diagnostics: error.diagnostics))
            }
        }
        return out
    }

    /// The `redact:` patterns of ./waymark.yml (none when there is no such file). A broken file is reported and
    /// stops the command: ignoring it could print what the team meant to hide.
    public static func redactPatterns() throws -> [String] {
        let url = URL(fileURLWithPath: ConfigurationLoader.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            return try ConfigurationLoader.load(url, displayPath: ConfigurationLoader.fileName).redact
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
    }
}
