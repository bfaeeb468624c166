import Foundation

/// Writes files so that a reader — or a build killed half-way — only ever sees the old or the new content.
///
/// The bytes go to a temporary file in the same folder (same file system) and the temporary file is renamed over
/// the target, which POSIX guarantees to be atomic: a killed process leaves the old file or the new one, never a
/// mix. Unchanged files are not touched at all, so their modification times stay put and rebuilding an unchanged
/// tree writes nothing.
///
/// `durable` adds an `fsync` before the rename, so even a power cut cannot leave the new name with unwritten bytes.
/// The lock and other records use it; generated materials do not (one `fsync` per file was a sixth of a build's
/// time): after a power cut a material may come back empty, and an empty file is never taken for a hand edit, so
/// the next build simply writes it again (see `BuildPipeline.write`).
package enum AtomicFileWriter {
    /// Marker in temporary file names; leftovers of a killed build are removed by `removeLeftovers(in:)`.
    package static let temporaryMarker = ".waymark-tmp-"

    package enum Outcome: Sendable, Hashable { case written, unchanged }

    /// Writes `data` to `url` unless the file already holds exactly these bytes.
    ///
    /// `existing` is the file's current content when the caller has already read it (nil: absent), so it is not
    /// read twice. `beforeRename` exists for tests that simulate an interruption between writing and renaming.
    @discardableResult
    package static func write(
        _ data: Data, to url: URL, durable: Bool = true, existing: Data?? = .none,
        beforeRename: (() throws -> Void)? = nil
    ) throws -> Outcome {
        let path = url.path
        let current: Data? = existing ?? contents(ofFile: path)
        if let current, current == data { return .unchanged }
        let folder = (path as NSString).deletingLastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        let name = "." + (path as NSString).lastPathComponent + temporaryMarker
        for attempt in 0..<2 {
            temporary = folder + "/" + name + String(UInt64.random(in: 0...UInt64.max), radix: 16)
            // open(2) directly: FileManager.createFile writes through its own hidden temporary file (`.dat.nosync…`),
            // which a build killed at that moment would leave behind under a name no cleanup knows.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != ENOENT || attempt == 1 { break }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        guard descriptor >= 0 else { throw failure(.fileWriteNoPermission, temporary) }
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = SystemCall.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw failure(.fileWriteOutOfSpace, path)
                    }
                    offset += written
                }
            }
            if durable, fsync(descriptor) != 0 { throw failure(.fileWriteUnknown, path) }
            try beforeRename?()
            guard rename(temporary, path) == 0 else { throw failure(.fileWriteUnknown, path) }
        } catch {
            unlink(temporary)
            throw error
        }
        return .written
    }

    /// The bytes of a regular file, or nil when there is none (absent, a folder, unreadable). Plain POSIX reads:
    /// the build reads every output it may replace, so this is on its hot path.
    package static func contents(ofFile path: String) -> Data? {
        try? RegularFile.read(path).get()
    }

    private static func failure(_ code: CocoaError.Code, _ path: String) -> CocoaError {
        CocoaError(code, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    /// Deletes temporary files a killed build left in `folder` (not recursive).
    package static func removeLeftovers(in folder: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        // Also Foundation's own temporary files (`.dat.nosync…`) that builds before this writer used could leave.
        for name in names where name.hasPrefix(".") && (name.contains(temporaryMarker) || name.hasPrefix(".dat.nosync")) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
