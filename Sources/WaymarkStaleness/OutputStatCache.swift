#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `out/.waymark-stat-cache`: what was last known about each generated file — size, modification and change times,
/// inode and SHA-256 — so `check` and the incremental build need not read and hash a file whose status has not
/// changed (the idea of git's index).
///
/// It is a cache and nothing else: not part of the lock (which stays deterministic), never an output, never listed on
/// the dashboard. A missing, truncated, corrupt or other-version cache is ignored and every output is hashed, so it is
/// always safe to delete. An entry is trusted only when every status field matches *and* the file's modification time
/// is older than the cache file itself by more than the timestamp granularity (git's "racy" rule): a file written in
/// the same clock tick as the cache could change again without its time moving, so it is hashed again.
///
/// Format (text, one entry per line, path last so it may hold spaces):
/// ```
/// waymark-stat-cache 1
/// <size> <mtime ns> <ctime ns> <inode> <sha256> <path relative to the output folder>
/// end <number of entries>
/// ```
public struct OutputStatCache: Sendable, Hashable {
    public static let fileName = ".waymark-stat-cache"
    static let header = "waymark-stat-cache 1"

    public struct Entry: Sendable, Hashable {
        public var status: FileStatus
        public var sha256: String
        public init(status: FileStatus, sha256: String) {
            self.status = status
            self.sha256 = sha256
        }
    }

    public var entries: [String: Entry]
    /// Modification time of the cache file as read (ns): git's index timestamp. Nil for a cache not read from disk,
    /// whose entries are then all treated as racy.
    public var writtenAt: Int64?

    public init(entries: [String: Entry] = [:], writtenAt: Int64? = nil) {
        self.entries = entries
        self.writtenAt = writtenAt
    }

    /// How close to the cache's own time a file time must be to count as racy: 2 s for file systems that keep whole
    /// seconds (FAT keeps 2 s), else 100 ms — far more than the coarse kernel clock tick file times are taken from.
    static func granularity(of time: Int64) -> Int64 {
        time % 1_000_000_000 == 0 ? 2_000_000_000 : 100_000_000
    }

    /// Whether `entry` was recorded long enough before `reference` that a later write must have moved its times.
    static func isSettled(_ modified: Int64, before reference: Int64) -> Bool {
        modified < reference - granularity(of: modified)
    }

    /// The recorded hash when `status` is the file's status now and the entry is not racy; else nil (hash it).
    public func trustedHash(of relativePath: String, status: FileStatus) -> String? {
        entries[relativePath].flatMap { trustedHash(of: $0, status: status) }
    }

    /// The same for an entry already looked up.
    func trustedHash(of entry: Entry, status: FileStatus) -> String? {
        guard entry.status == status, let writtenAt, Self.isSettled(entry.status.modified, before: writtenAt) else {
            return nil
        }
        return entry.sha256
    }

    // MARK: Reading and writing

    /// The cache of `outputFolder`; empty when there is none or it cannot be used (never an error).
    public static func load(outputFolder: String) -> OutputStatCache {
        let path = outputFolder + "/" + fileName
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return OutputStatCache() }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_size > 0, info.st_size < 1 << 31 else { return OutputStatCache() }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return OutputStatCache() }
            filled += count
        }
        guard let entries = parse(bytes) else { return OutputStatCache() }
        return OutputStatCache(entries: entries, writtenAt: FileStatus(info).modified)
    }

    /// The entries of a cache file, or nil when anything about it is off (then the whole cache is ignored).
    static func parse(_ bytes: [UInt8]) -> [String: Entry]? {
        bytes.withUnsafeBufferPointer { buffer -> [String: Entry]? in
            var lines: [Range<Int>] = []
            var start = 0
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                lines.append(start..<index)
                start = index + 1
            }
            guard start == buffer.count, lines.count >= 2,
                  String(decoding: UnsafeBufferPointer(rebasing: buffer[lines[0]]), as: UTF8.self) == header
            else { return nil }
            let trailer = String(decoding: UnsafeBufferPointer(rebasing: buffer[lines[lines.count - 1]]), as: UTF8.self)
            guard trailer == "end \(lines.count - 2)" else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(lines.count - 2)
            for line in lines[1..<(lines.count - 1)] {
                guard let (path, entry) = parseLine(UnsafeBufferPointer(rebasing: buffer[line])) else { return nil }
                entries[path] = entry
            }
            return entries
        }
    }

    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>) -> (String, Entry)? {
        var index = 0
        func number() -> Int64? {
            var negative = false
            if index < line.count, line[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            var value: Int64 = 0
            let first = index
            while index < line.count, line[index] != UInt8(ascii: " ") {
                let digit = line[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
                guard !overflow, !overflow2 else { return nil }
                value = sum
                index += 1
            }
            guard index > first, index < line.count else { return nil }
            index += 1   // the space
            return negative ? -value : value
        }
        guard let size = number(), size >= 0, let modified = number(), let changed = number(),
              let inode = number(), inode >= 0 else { return nil }
        guard line.count - index > 65, line[index + 64] == UInt8(ascii: " ") else { return nil }
        for byte in line[index..<(index + 64)] {
            guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            else { return nil }
        }
        guard !line[(index + 65)...].contains(0) else { return nil }
        let hash = String(decoding: UnsafeBufferPointer(rebasing: line[index..<(index + 64)]), as: UTF8.self)
        let path = String(decoding: UnsafeBufferPointer(rebasing: line[(index + 65)...]), as: UTF8.self)
        return (path, Entry(
            status: FileStatus(size: size, modified: modified, changed: changed, inode: UInt64(inode)), sha256: hash))
    }

    /// The cache as file bytes, entries sorted by path. Paths with a line break cannot be written and are left out.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + entries.count * 160)
        out += Self.header.utf8
        out.append(UInt8(ascii: "\n"))
        var count = 0
        for (path, entry) in entries.sorted(by: { $0.key < $1.key })
        where !path.isEmpty && !path.utf8.contains(UInt8(ascii: "\n")) && !path.utf8.contains(UInt8(ascii: "\r")) {
            let status = entry.status
            out += "\(status.size) \(status.modified) \(status.changed) \(status.inode) \(entry.sha256) ".utf8
            out += path.utf8
            out.append(UInt8(ascii: "\n"))
            count += 1
        }
        out += "end \(count)\n".utf8
        return out
    }

    /// Writes the cache into `outputFolder` through a temporary file and a rename, so readers see the old or the new
    /// cache. Returns false when it could not (a read-only output folder): the cache is only an optimisation.
    @discardableResult
    func save(outputFolder: String) -> Bool {
        // The temporary name carries the atomic writer's marker, so a leftover is cleaned up by the next build.
        let temporary = outputFolder + "/" + Self.fileName + ".waymark-tmp-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let bytes = serialized()
        var written = 0
        let ok: Bool = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        guard ok, rename(temporary, outputFolder + "/" + Self.fileName) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
