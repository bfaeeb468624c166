#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WaymarkModel

/// Paths of files relative to the lock's folder, exactly as `LockFile.relativePath(of:from:)` gives them
/// (standardized, symbolic links resolved), with each folder resolved once.
///
/// Resolving symbolic links asks the file system about every component of a path; for 10,000 captures in one folder
/// that was done 10,000 times for the same folder (a tenth of `check`, twice per capture in a build). Here a file
/// that is not itself a symbolic link costs one `lstat`; its folder's resolution is remembered. A file that is a
/// link, or that cannot be looked at, takes the full resolution.
///
/// Safe to use from several threads at once.
public final class LockRelativePaths: @unchecked Sendable {
    private let base: [String]
    private let lock = NSLock()
    private var folders: [String: [String]] = [:]

    /// `base` is the lock's folder.
    public init(base: URL) {
        self.base = LockFile.resolvedComponents(of: base)
    }

    /// `LockFile.relativePath(of: url, from: base)`.
    public func relativePath(of url: URL) -> String {
        LockFile.relativePath(resolved: resolvedComponents(of: url), fromResolved: base)
    }

    /// `url.standardizedFileURL.resolvingSymlinksInPath().pathComponents`, the folder's part remembered.
    func resolvedComponents(of url: URL) -> [String] {
        let path = PathSyntax.standardizedPath(of: url)
        guard PathSyntax.isStandardAbsolute(path), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")),
              slash != path.utf8.startIndex, !isSymbolicLinkOrMissing(path) else {
            return Self.fullyResolved(url)
        }
        let folder = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        lock.lock()
        let known = folders[folder]
        lock.unlock()
        if let known { return known + [name] }
        let resolved = Self.fullyResolved(URL(fileURLWithPath: folder, isDirectory: true))
        lock.lock()
        folders[folder] = resolved
        lock.unlock()
        return resolved + [name]
    }

    private static func fullyResolved(_ url: URL) -> [String] {
        url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
    }

    private func isSymbolicLinkOrMissing(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 || info.st_mode & S_IFMT == S_IFLNK
    }
}
