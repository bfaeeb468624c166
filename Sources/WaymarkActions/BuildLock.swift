import Foundation
import WaymarkModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder, so two `waymark build` runs never interleave their writes.
///
/// It is an advisory `flock` on `.waymark-build.lock` inside the folder. The kernel releases it when the process
/// ends in any way (exit, crash, SIGKILL), so a killed build never leaves the folder locked. The file itself stays
/// (removing it would let a third build lock a different file while the second still holds the old one); it is
/// empty and hidden.
public final class BuildLock: @unchecked Sendable {
    public static let fileName = ".waymark-build.lock"

    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock on `folder` (created if missing) without waiting: another build holding it is an error.
    public static func acquire(_ folder: URL, displayPath: String) throws(DiagnosticError) -> BuildLock {
        let path = folder.appendingPathComponent(fileName).path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(
                .outputWriteFailed, "Cannot create the output folder: \(error.localizedDescription)",
                hint: "Check the --out path and its permissions.", at: SourceLocation(file: displayPath)))
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticError(Diagnostic(
                .outputWriteFailed, "Cannot create \(fileName) in the output folder: \(String(cString: strerror(errno))).",
                hint: "Check the --out path and its permissions.", at: SourceLocation(file: displayPath)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            throw DiagnosticError(Diagnostic(
                .buildLocked,
                busy ? "Another waymark build is writing to this output folder."
                     : "Cannot lock the output folder: \(String(cString: strerror(errno))).",
                hint: "Wait for the other build to finish, or build into a different --out folder.",
                at: SourceLocation(file: displayPath)))
        }
        return BuildLock(descriptor: descriptor)
    }

    /// Releases the lock now (it is also released when the object goes away or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
