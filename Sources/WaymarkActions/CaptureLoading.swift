import Foundation
import WaymarkImport
import WaymarkModel

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
}
