import Foundation
import WaymarkModel

/// Finds a screenshot's bytes for a capture, refusing any path that leaves the capture's folder.
///
/// A capture is data from someone else's recorder: `../../etc/passwd`, `/home/me/.ssh/id_rsa` or a symlink pointing
/// out of the tree must never be copied into published materials. Such paths are skipped with a warning, like
/// missing images; the guide still builds without the picture.
struct ScreenshotResolver {
    /// The folder holding the capture file.
    let captureFolder: URL
    /// The capture file's path as shown in diagnostics.
    let displayPath: String

    enum Resolution {
        case image(Data)
        case problem(Diagnostic)
    }

    func resolve(_ screenshot: Screenshot, stepNumber: Int) -> Resolution {
        if let data = screenshot.embeddedData {
            return data.isEmpty ? .problem(warning("image.empty", "The screenshot of step \(stepNumber) is empty.", screenshot))
                : .image(data)
        }
        let path = screenshot.path
        let looksAbsolute = path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~")
            || (path.count >= 2 && path.dropFirst().first == ":" && path.first?.isLetter == true)
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if path.isEmpty || looksAbsolute || components.contains("..") || path.contains("\0") {
            return .problem(.warning(
                "image.outside-capture-folder",
                "The screenshot path of step \(stepNumber) is not inside the capture's folder; the picture is left out.",
                hint: "Use a path relative to the capture file, without '..', and keep screenshots beside the capture.",
                at: SourceLocation(file: displayPath)))
        }
        let candidate = components.reduce(captureFolder) { $0.appendingPathComponent(String($1)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .problem(warning(
                "image.missing", "The screenshot \(path) of step \(stepNumber) does not exist; the guide is built without it.",
                screenshot, hint: "Put the image beside the capture or fix its path in the capture."))
        }
        // Symlinks may point anywhere: the real file must still be inside the real capture folder.
        let realFolder = captureFolder.resolvingSymlinksInPath().standardizedFileURL.path
        let realFile = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        guard realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else {
            return .problem(.warning(
                "image.outside-capture-folder",
                "The screenshot \(path) of step \(stepNumber) links to a file outside the capture's folder; the picture is left out.",
                hint: "Copy the image into the capture's folder instead of linking to it.",
                at: SourceLocation(file: displayPath)))
        }
        guard let data = FileManager.default.contents(atPath: candidate.path) else {
            return .problem(warning("image.unreadable", "The screenshot \(path) of step \(stepNumber) cannot be read.",
                                    screenshot, hint: "Check the file's permissions."))
        }
        return .image(data)
    }

    private func warning(_ code: String, _ message: String, _ screenshot: Screenshot, hint: String? = nil) -> Diagnostic {
        .warning(code, message, hint: hint, at: SourceLocation(file: displayPath))
    }
}
