import Foundation

/// Reads regular files with plain POSIX calls.
///
/// `FileManager.attributesOfItem` looks up the owner's user and group names (it opened `/etc/passwd` and
/// `/etc/group` for every screenshot and capture of a build), and opening a named pipe without `O_NONBLOCK` blocks
/// until a writer appears. Here a path is opened once, non-blocking, and checked with `fstat` on the open
/// descriptor, so what is read is exactly what was checked.
package enum RegularFile {
    package enum Failure: Error, Sendable, Equatable {
        case missing
        /// A folder, device, pipe or socket.
        case notRegular
        case tooLarge(size: Int)
        case unreadable(errno: Int32)
    }

    /// Whether `path` (following symlinks) is a regular file, and its size; nil when it does not exist.
    package static func status(atPath path: String) -> (isRegular: Bool, size: Int)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ((info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size))
    }

    /// The bytes of the regular file at `path` (symlinks followed), refusing anything else or anything larger
    /// than `maxBytes`.
    package static func read(_ path: String, maxBytes: Int = .max) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        let size = Int(info.st_size)
        guard size <= maxBytes else { return .failure(.tooLarge(size: size)) }
        var data = Data(count: size)
        var filled = 0
        while true {
            if filled == data.count {
                // The file grew since fstat: read on, within the limit.
                guard data.count < maxBytes else { return .failure(.tooLarge(size: data.count + 1)) }
                data.count += 4096
            }
            let count = data.withUnsafeMutableBytes { SystemCall.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno: errno))
            }
            if count == 0 { break }
            filled += count
        }
        if filled < data.count { data.count = filled }
        return .success(data)
    }
}
