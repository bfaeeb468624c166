#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the programs the local driver needs: on `PATH`, then where Debian installs them.
enum ExecutableSearch {
    /// Folders searched after `PATH` (Debian's `chromium-driver` puts chromedriver in /usr/bin and /usr/lib/chromium).
    static let fallbackFolders = ["/usr/bin", "/usr/local/bin", "/usr/lib/chromium", "/snap/bin"]

    /// The first executable regular file named one of `names`, or nil.
    static func find(_ names: [String]) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        let folders = path.split(separator: ":").map(String.init) + fallbackFolders
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                if isExecutableFile(candidate) { return candidate }
            }
        }
        return nil
    }

    /// Whether `path` is a regular file this process may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
