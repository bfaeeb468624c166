#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WaymarkSupport

/// The output folder on disk, read through the stat cache (`OutputStatCache`): a file whose status matches its
/// settled cache entry is not read; any other file is read and hashed once, and what was learnt is kept for `save`.
///
/// Safe to use from several threads at once (`check` hashes in parallel).
public final class CachedOutputFolder: OutputFolderView, @unchecked Sendable {
    /// The output folder's path (no trailing slash).
    public let rootPath: String
    let previous: OutputStatCache
    /// Wall-clock time when this run started: a file hashed now is recorded only when its modification time is
    /// settled before it, so a write in the same clock tick as the hashing cannot hide behind an unchanged time.
    let startedAt: Int64
    private let lock = NSLock()
    /// What this run learnt: a new entry, or nil for an entry to drop (the file changed and could not be recorded).
    private var learnt: [String: OutputStatCache.Entry?] = [:]
    private var hashed = 0

    /// `useCache: false` reads no cache (every file is hashed) but still learns, so `save` writes a fresh one.
    public init(root: URL, useCache: Bool = true) {
        var path = root.standardizedFileURL.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        rootPath = path
        previous = useCache ? OutputStatCache.load(outputFolder: path) : OutputStatCache()
        startedAt = FileStatus.now()
    }

    /// How many files this run actually read and hashed (for tests and benchmarks).
    public var filesHashed: Int {
        lock.lock()
        defer { lock.unlock() }
        return hashed
    }

    public func hash(of relativePath: String) -> String? {
        hash(of: relativePath, name: rootPath + "/" + relativePath, inFolder: AT_FDCWD)
    }

    /// `hash(of:)` of every path, in parallel. Files are looked at through their folder, opened once per run of
    /// paths: `stat` of a name in an open folder skips walking the whole path, which was most of what looking at
    /// 100,000 outputs cost `check`. Paths come capture by capture, so neighbours share folders; each worker takes
    /// consecutive paths and keeps the folders it opened for them.
    public func hashes(of relativePaths: [String]) -> [String?] {
        let chunk = 512
        let chunks = (relativePaths.count + chunk - 1) / chunk
        let answers = Parallel.map(count: chunks, workers: Parallel.cores * 2) { number -> [String?] in
            var folders: [Substring: Int32] = [:]
            defer { for descriptor in folders.values where descriptor >= 0 { close(descriptor) } }
            return relativePaths[(number * chunk)..<min(relativePaths.count, (number + 1) * chunk)].map { path in
                let (folder, name) = Self.split(path)
                let descriptor: Int32
                if let known = folders[folder] {
                    descriptor = known
                } else {
                    // A few folders open at a time per worker (a capture has two), never one per path: a lock whose
                    // outputs each sit in a folder of their own must not run the process out of descriptors.
                    if folders.count >= 8 {
                        for stale in folders.values where stale >= 0 { close(stale) }
                        folders.removeAll(keepingCapacity: true)
                    }
                    descriptor = open(rootPath + (folder.isEmpty ? "" : "/" + folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    folders[folder] = descriptor
                }
                // A folder that cannot be opened: the whole path answers (nil, and the cache entry is dropped).
                guard descriptor >= 0 else { return hash(of: path) }
                return hash(of: path, name: String(name), inFolder: descriptor)
            }
        }
        return answers.flatMap { $0 }
    }

    /// Folder and name, split on the last slash's byte (`/` is never part of a multi-byte character).
    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path[...]) }
        return (path[..<slash], path[path.utf8.index(after: slash)...])
    }

    /// `hash(of: relativePath)`, the file being `name` inside the open folder `folder`.
    private func hash(of relativePath: String, name: String, inFolder folder: Int32) -> String? {
        let recorded = previous.entries[relativePath]
        if let recorded, let status = FileStatus.of(name, inFolder: folder),
           let trusted = previous.trustedHash(of: recorded, status: status) {
            return trusted
        }
        guard let (status, sha256) = FileHashing.statusAndHash(name, inFolder: folder) else {
            lock.lock()
            hashed += 1
            if recorded != nil { learnt[relativePath] = .some(nil) }
            lock.unlock()
            return nil
        }
        let settled = OutputStatCache.isSettled(status.modified, before: startedAt)
        lock.lock()
        hashed += 1
        learnt[relativePath] = settled ? OutputStatCache.Entry(status: status, sha256: sha256) : .some(nil)
        lock.unlock()
        return sha256
    }

    /// Records a file the caller has just written with bytes whose SHA-256 is `sha256` (the build): its status now
    /// is taken as the status of those bytes. Racy until the cache is older than the file, like every entry.
    public func recordWritten(_ relativePath: String, sha256: String) {
        let status = FileStatus.of(path: rootPath + "/" + relativePath)
        lock.lock()
        learnt[relativePath] = status.map { OutputStatCache.Entry(status: $0, sha256: sha256) } ?? .some(nil)
        lock.unlock()
    }

    /// The cache as it should be after this run: the previous entries, updated by what was learnt, restricted to
    /// `keeping` (the outputs the lock knows) when given.
    func updatedCache(keeping: Set<String>?) -> (cache: OutputStatCache, changed: Bool) {
        lock.lock()
        let learnt = self.learnt
        lock.unlock()
        var entries = previous.entries
        var changed = false
        if let keeping, entries.keys.contains(where: { !keeping.contains($0) }) {
            entries = entries.filter { keeping.contains($0.key) }
            changed = true
        }
        for (path, entry) in learnt where keeping?.contains(path) ?? true {
            if let entry {
                // A racy entry confirmed again is rewritten too: the new cache file is then older than it.
                if entries[path] != entry || previous.trustedHash(of: path, status: entry.status) == nil { changed = true }
                entries[path] = entry
            } else if entries.removeValue(forKey: path) != nil {
                changed = true
            }
        }
        return (OutputStatCache(entries: entries), changed)
    }

    /// Writes the updated cache when anything changed. Silently does nothing when the folder is not writable.
    public func save(keeping: Set<String>?) {
        let (cache, changed) = updatedCache(keeping: keeping)
        guard changed || (previous.writtenAt == nil && !cache.entries.isEmpty) else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootPath, isDirectory: &isFolder), isFolder.boolValue else { return }
        cache.save(outputFolder: rootPath)
    }
}
