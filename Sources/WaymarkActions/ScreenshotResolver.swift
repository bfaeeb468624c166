import Foundation
import WaymarkModel
import WaymarkSupport

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
    /// Larger files are not screenshots (a 4K PNG is a few MiB).
    static let maxImageBytes = 64 * 1024 * 1024

    enum Resolution {
        case image(Data)
        case problem(Diagnostic)
    }

    func resolve(_ screenshot: Screenshot, stepNumber: Int) -> Resolution {
        if let data = screenshot.embeddedData {
            return data.isEmpty ? .problem(warning(.imageEmpty, "The screenshot of step \(stepNumber) is empty.", screenshot))
                : .image(data)
        }
        let path = screenshot.path
        let looksAbsolute = path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~")
            || (path.count >= 2 && path.dropFirst().first == ":" && path.first?.isLetter == true)
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if path.isEmpty || looksAbsolute || components.contains("..") || path.contains("\0") {
            return .problem(Diagnostic(
                .imageOutsideCaptureFolder,
                "The screenshot path of step \(stepNumber) is not inside the capture's folder; the picture is left out.",
                hint: "Use a path relative to the capture file, without '..', and keep screenshots beside the capture.",
                at: SourceLocation(file: displayPath)))
        }
        let candidate = components.reduce(captureFolder.path) { $0 + "/" + $1 }
        guard let status = RegularFile.status(atPath: candidate) else {
            return .problem(warning(
                .imageMissing, "The screenshot \(path) of step \(stepNumber) does not exist; the guide is built without it.",
                screenshot, hint: "Put the image beside the capture or fix its path in the capture."))
        }
        // Symlinks may point anywhere: the real file must still be inside the real capture folder.
        guard let realFolder = Self.realPath(captureFolder.path), let realFile = Self.realPath(candidate),
              realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else {
            return .problem(Diagnostic(
                .imageOutsideCaptureFolder,
                "The screenshot \(path) of step \(stepNumber) links to a file outside the capture's folder; the picture is left out.",
                hint: "Copy the image into the capture's folder instead of linking to it.",
                at: SourceLocation(file: displayPath)))
        }
        // Only regular files of a sane size: a pipe would block forever and a device would never end.
        let data: Data
        switch status.isRegular ? RegularFile.read(realFile, maxBytes: Self.maxImageBytes) : .failure(.notRegular) {
        case .success(let bytes):
            data = bytes
        case .failure(.notRegular):
            return .problem(warning(.imageNotAFile, "The screenshot \(path) of step \(stepNumber) is not a regular file; the picture is left out.",
                                    screenshot, hint: "Replace it with the image file itself."))
        case .failure(.tooLarge):
            return .problem(warning(.imageTooLarge, "The screenshot \(path) of step \(stepNumber) is larger than \(Self.maxImageBytes / 1_048_576) MiB; the picture is left out.",
                                    screenshot, hint: "Use a smaller screenshot (PNG or JPEG of the screen)."))
        case .failure:
            return .problem(warning(.imageUnreadable, "The screenshot \(path) of step \(stepNumber) cannot be read.",
                                    screenshot, hint: "Check the file's permissions."))
        }
        return .image(data)
    }

    /// The canonical path (symlinks resolved, no `.` or `..`), or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func warning(_ code: DiagnosticCode, _ message: String, _ screenshot: Screenshot, hint: String? = nil) -> Diagnostic {
        Diagnostic(code, message, hint: hint, at: SourceLocation(file: displayPath))
    }
}
