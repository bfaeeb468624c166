import Foundation
import WaymarkModel

/// Writes files so that a reader — or a build killed half-way — only ever sees the old or the new content.
///
/// The bytes go to a temporary file in the same folder (same file system), are flushed, and the temporary file is
/// renamed over the target, which POSIX guarantees to be atomic. Unchanged files are not touched at all, so their
/// modification times stay put and rebuilding an unchanged tree writes nothing.
public enum AtomicFileWriter {
    /// Marker in temporary file names; leftovers of a killed build are removed by `removeLeftovers(in:)`.
    public static let temporaryMarker = ".waymark-tmp-"

    public enum Outcome: Sendable, Hashable { case written, unchanged }

    /// Writes `data` to `url` unless the file already holds exactly these bytes.
    ///
    /// `beforeRename` exists for tests that simulate an interruption between writing and renaming.
    @discardableResult
    public static func write(
        _ data: Data, to url: URL, beforeRename: (() throws -> Void)? = nil
    ) throws -> Outcome {
        let fm = FileManager.default
        if let existing = fm.contents(atPath: url.path), existing == data { return .unchanged }
        let folder = url.deletingLastPathComponent()
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            "." + url.lastPathComponent + temporaryMarker + UUID().uuidString.prefix(8).lowercased())
        // open(2) directly: FileManager.createFile writes through its own hidden temporary file (`.dat.nosync…`),
        // which a build killed at that moment would leave behind under a name no cleanup knows.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [
                NSFilePathErrorKey: temporary.path, NSLocalizedDescriptionKey: String(cString: strerror(errno)),
            ])
        }
        do {
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try beforeRename?()
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSFilePathErrorKey: url.path,
                    NSLocalizedDescriptionKey: String(cString: strerror(errno)),
                ])
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
        return .written
    }

    /// Deletes temporary files a killed build left in `folder` (not recursive).
    public static func removeLeftovers(in folder: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        // Also Foundation's own temporary files (`.dat.nosync…`) that builds before this writer used could leave.
        for name in names where name.hasPrefix(".") && (name.contains(temporaryMarker) || name.hasPrefix(".dat.nosync")) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
