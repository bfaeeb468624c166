import Foundation
import WaymarkModel
import WaymarkSupport

/// One recording format Waymark reads. Importers never throw and never crash on bad input: every problem is a
/// diagnostic in the result, and a file that cannot be read at all yields no captures and at least one error.
public protocol CaptureImporter: Sendable {
    var format: CaptureFormat { get }

    /// Whether the content looks like this format. Sniffs content, not the file extension, and must be cheap:
    /// it sees only the first bytes of the file (`CaptureInput.prefix`).
    func recognizes(_ input: CaptureInput) -> Bool

    /// Reads every capture the input holds (a Selenium project holds several).
    func importCaptures(from input: CaptureInput) -> ImportResult
}

/// The bytes of one input file and the path to name in diagnostics.
public struct CaptureInput: Sendable {
    /// Path as the user gave it (relative where possible): used in diagnostics and as `Capture.source.path`.
    public var path: String
    /// The file on disk, when there is one: importers of large archives stream from it instead of `data`.
    public var fileURL: URL?
    public var data: Data

    public init(path: String, data: Data, fileURL: URL? = nil) {
        self.path = path
        self.data = data
        self.fileURL = fileURL
    }

    /// Reads a file, memory-mapped so large captures are not copied.
    public static func load(_ url: URL, displayPath: String? = nil) throws(DiagnosticError) -> CaptureInput {
        let shown = displayPath ?? url.path
        // Only regular files: a device (`/dev/zero`, `/dev/urandom`), a named pipe or a socket — directly or via a
        // symlink — would never end or would block forever.
        if let status = RegularFile.status(atPath: url.path), !status.isRegular {
            throw DiagnosticError(Diagnostic(
                .inputNotAFile, "The path is not a regular file (it is a device, a pipe or a socket).",
                hint: "Pass a capture file saved on disk.", at: SourceLocation(file: shown)))
        }
        do {
            let data = try Data(contentsOf: url, options: [.alwaysMapped])
            return CaptureInput(path: shown, data: data, fileURL: url)
        } catch {
            throw DiagnosticError(Diagnostic(
                .inputUnreadable, "Cannot read the file: \(error.localizedDescription)",
                hint: "Check that the path exists and is a readable file.", at: SourceLocation(file: shown)))
        }
    }

    /// The first 4 KiB, for sniffing.
    public var prefix: Data { data.prefix(4096) }
}

/// What an import produced: zero or more captures and every diagnostic found on the way.
public struct ImportResult: Sendable {
    public var captures: [Capture]
    public var diagnostics: [Diagnostic]

    public init(captures: [Capture] = [], diagnostics: [Diagnostic] = []) {
        self.captures = captures
        self.diagnostics = diagnostics
    }

    public static func failure(_ diagnostic: Diagnostic) -> ImportResult {
        ImportResult(captures: [], diagnostics: [diagnostic])
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}
