import Foundation
import WaymarkModel

/// Expands the paths a user passes (files or folders, recursively) into the capture files to read.
///
/// Folders are walked in sorted order so every run sees the same files in the same order. Hidden files and
/// folders, `.build` and output folders are skipped; inside folders only files with capture extensions are taken,
/// while a file named explicitly is always taken.
public enum InputCollector {
    /// Extensions that may hold a capture.
    public static let captureExtensions: Set<String> = ["json", "xml", "side", "zip", "mht", "mhtml"]

    public static func collect(_ paths: [String], relativeTo base: URL? = nil) -> (files: [URL], diagnostics: [Diagnostic]) {
        var files: [URL] = []
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(
                    "input.not-found", "No such file or folder.", hint: "Check the path and run again.",
                    at: SourceLocation(file: path)))
                continue
            }
            if isDirectory.boolValue {
                files.append(contentsOf: walk(url))
            } else {
                files.append(url)
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }
        return (files, diagnostics)
    }

    private static func walk(_ folder: URL) -> [URL] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
            options: [.skipsHiddenFiles]) else { return [] }
        var out: [URL] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isDirectory == true {
                if url.lastPathComponent == ".build" || url.lastPathComponent == "node_modules" {
                    enumerator.skipDescendants()
                }
                continue
            }
            guard values?.isRegularFile == true,
                  captureExtensions.contains(url.pathExtension.lowercased()) else { continue }
            out.append(url.standardizedFileURL)
        }
        return out.sorted { $0.path < $1.path }
    }
}
