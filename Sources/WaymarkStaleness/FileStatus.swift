#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import WaymarkModel

/// What `stat(2)` says about a regular file: enough to tell, as git's index does, whether its bytes may have changed
/// since they were hashed. The change time (ctime) catches edits that put size and modification time back
/// (`touch -r`): any write or attribute change sets it to now, and it cannot be set back without changing the clock.
public struct FileStatus: Sendable, Hashable {
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// Status change time (ctime), nanoseconds since 1970.
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        let (m, c) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (m, c) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(
            size: Int64(info.st_size), modified: Int64(m.tv_sec) * 1_000_000_000 + Int64(m.tv_nsec),
            changed: Int64(c.tv_sec) * 1_000_000_000 + Int64(c.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// The status of the regular file at `path` (symbolic links followed); nil when there is none.
    public static func of(path: String) -> FileStatus? {
        of(path, inFolder: AT_FDCWD)
    }

    /// The status of the regular file `path` inside the open folder `folder` (`AT_FDCWD`: the working directory,
    /// or none for an absolute path); symbolic links followed, nil when there is none.
    static func of(_ path: String, inFolder folder: Int32) -> FileStatus? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStatus(info)
    }

    /// Now, on the wall clock, in nanoseconds since 1970 (the clock file times come from).
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}

/// Reads and hashes files by path, without `URL` or `Data`: the hot loop of `check`.
package enum FileHashing {
    /// The status and SHA-256 (lower-case hex) of the regular file at `path`, or nil when it cannot be read.
    ///
    /// The status comes from the open descriptor *before* reading, so a write that lands while the file is read
    /// changes the modification or change time past the one recorded, and the next check hashes the file again.
    package static func statusAndHash(path: String) -> (status: FileStatus, sha256: String)? {
        statusAndHash(path, inFolder: AT_FDCWD)
    }

    /// The same for `path` inside the open folder `folder` (see `FileStatus.of(_:inFolder:)`).
    static func statusAndHash(_ path: String, inFolder folder: Int32) -> (status: FileStatus, sha256: String)? {
        // O_NONBLOCK: opening a FIFO by mistake must not wait for a writer (it is then refused as not regular).
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var hasher = SHA256()
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return (FileStatus(info), Fingerprint.hex(digest: hasher.finalize()))
    }
}
