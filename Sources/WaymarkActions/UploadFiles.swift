import Foundation
import WaymarkModel

/// The files a capture's upload steps choose, found in the capture's own folder — the only place replay takes a
/// file from.
///
/// A recording holds the path the file had on the recorder's machine (`C:\fakepath\cv.pdf` from Chrome,
/// `/home/ada/cv.pdf` from Selenium IDE). Only its last component is used, and only a regular file of that name
/// directly in the folder of the capture file counts (a link that leads out of the folder does not): a recording
/// can never make replay read or send any other file of the machine.
enum UploadFiles {
    struct Resolved {
        /// Step index → the absolute paths to upload (several for a multiple-file field, one per recorded line).
        var files: [Int: [String]] = [:]
        /// One warning per upload step whose file is not in the folder.
        var diagnostics: [Diagnostic] = []
    }

    static func resolve(_ capture: Capture, folder: URL, displayPath: String) -> Resolved {
        var resolved = Resolved()
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        for (index, step) in capture.steps.enumerated() where step.action == .upload {
            let names = (step.value ?? "").split(whereSeparator: \.isNewline).map { fileName(of: String($0)) }
            var paths: [String] = []
            var missing: [String] = []
            for name in names {
                if let path = name.flatMap({ file(named: $0, in: root) }) {
                    paths.append(path)
                } else {
                    missing.append(name ?? "")
                }
            }
            if !paths.isEmpty, missing.isEmpty {
                resolved.files[index] = paths
            } else {
                let shown = missing.first.map { $0.isEmpty ? "the recorded file" : "“\($0)”" } ?? "the recorded file"
                resolved.diagnostics.append(Diagnostic(
                    .replayUploadFile,
                    "Step \(index + 1) of “\(capture.id)” uploads \(shown), which is not in the capture's folder; the step is not performed.",
                    at: SourceLocation(file: displayPath)))
            }
        }
        return resolved
    }

    /// The last component of a recorded path, Windows or POSIX; nil when there is none.
    static func fileName(of recorded: String) -> String? {
        let name = recorded.trimmingCharacters(in: .whitespaces)
            .split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return name.isEmpty || name == "." || name == ".." ? nil : name
    }

    /// `root/name` when it is a regular file that stays inside `root` once links are followed.
    private static func file(named name: String, in root: String) -> String? {
        let url = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(name)
        let real = url.resolvingSymlinksInPath().standardizedFileURL
        guard real.deletingLastPathComponent().path == root,
              let attributes = try? FileManager.default.attributesOfItem(atPath: real.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return real.path
    }
}
