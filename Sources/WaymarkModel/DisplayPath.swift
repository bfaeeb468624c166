import Foundation

/// How Waymark shows a path to people (diagnostics, front matter, reports): relative to a base folder when the file
/// lies inside it, so messages stay short and stable across machines; absolute otherwise.
public enum DisplayPath {
    /// `path` relative to `base` when inside it, else `path` unchanged. Both are taken as given (not standardized).
    public static func of(_ path: String, relativeTo base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The same for file URLs, after removing `.` and `..` from both.
    public static func of(_ url: URL, relativeTo base: URL) -> String {
        of(url.standardizedFileURL.path, relativeTo: base.standardizedFileURL.path)
    }
}
