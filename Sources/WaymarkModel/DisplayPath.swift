import Foundation

/// How Waymark shows a path to people (diagnostics, front matter, reports): relative to a base folder when the file
/// lies inside it, so messages stay short and stable across machines; absolute otherwise.
public enum DisplayPath {
    /// `path` relative to `base` when inside it, else `path` unchanged. Both are taken as given (not standardized).
    public static func of(_ path: String, relativeTo base: String) -> String {
        // Compared as bytes, as the file system compares paths.
        let prefix = base.utf8.last == UInt8(ascii: "/") ? base : base + "/"
        guard path.utf8.starts(with: prefix.utf8) else { return path }
        return String(path[path.utf8.index(path.utf8.startIndex, offsetBy: prefix.utf8.count)...])
    }

    /// The same for file URLs, after removing `.` and `..` from both.
    public static func of(_ url: URL, relativeTo base: URL) -> String {
        of(PathSyntax.standardizedPath(of: url), relativeTo: PathSyntax.standardizedPath(of: base))
    }
}
