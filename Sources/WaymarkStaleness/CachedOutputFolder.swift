import Foundation

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
        let path = rootPath + "/" + relativePath
        if previous.entries[relativePath] != nil, let status = FileStatus.of(path: path),
           let trusted = previous.trustedHash(of: relativePath, status: status) {
            return trusted
        }
        guard let (status, sha256) = FileHashing.statusAndHash(path: path) else {
            lock.lock()
            hashed += 1
            if previous.entries[relativePath] != nil { learnt[relativePath] = .some(nil) }
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
