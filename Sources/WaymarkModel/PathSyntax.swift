import Foundation

/// Questions about how a path is spelled, answered on its bytes, without the file system.
///
/// Foundation's `standardizedFileURL` splits a path into components and joins them again on every call, even when
/// there is nothing to remove; `check` asked it a few times per capture (a tenth of a 10,000-capture check). Paths
/// that are already standard — every path Waymark builds from a folder it walked — are recognised here and kept.
public enum PathSyntax {
    /// Whether `path` is absolute and standardizing it would leave it unchanged: no `.`, `..` or empty component,
    /// no trailing slash. Conservative: a path it rejects is standardized by Foundation.
    public static func isStandardAbsolute(_ path: String) -> Bool {
        var bytes = path.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        return path.utf8.count == 1 || componentsAreNormal(&bytes)
    }

    /// Whether `path` is relative and every component is a name: not empty, `.` or `..` (every output path in a
    /// lock). Such a path can be joined to a folder's as text.
    public static func isPlainRelative(_ path: String) -> Bool {
        guard let first = path.utf8.first, first != UInt8(ascii: "/") else { return false }
        var bytes = path.utf8.makeIterator()
        return componentsAreNormal(&bytes)
    }

    /// Reads components separated by single slashes up to the end: false at an empty, `.` or `..` component
    /// (a trailing slash makes an empty last one).
    private static func componentsAreNormal(_ bytes: inout String.UTF8View.Iterator) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // The component being read: its length, and whether it is dots only so far.
        var length = 0
        var onlyDots = true
        while let byte = bytes.next() {
            if byte == slash {
                if length == 0 || (onlyDots && length <= 2) { return false }
                (length, onlyDots) = (0, true)
            } else {
                length += 1
                onlyDots = onlyDots && byte == dot
            }
        }
        return length > 0 && !(onlyDots && length <= 2)
    }

    /// `url.standardizedFileURL.path`, without Foundation's work when the path is already standard.
    public static func standardizedPath(of url: URL) -> String {
        let path = url.path
        return isStandardAbsolute(path) ? path : url.standardizedFileURL.path
    }
}
