import Foundation

/// Where a link in a Selenese test suite points, decided before anything is opened.
///
/// A suite may only name test cases in its own folder or below it: links are relative paths, `..` may not climb
/// above the suite's folder, and the file found (after symbolic links) must still be inside that folder. Absolute
/// paths, `file:` and web URLs, drive letters and backslash roots are refused, so a suite found in a download can
/// never make Waymark read `/etc/passwd` or a file beside the project.
enum SeleneseSuiteLink: Equatable {
    case inside(URL, relativePath: String)
    case outside(String)
    case missing(String)

    static func resolve(_ href: String, in folder: URL?) -> SeleneseSuiteLink {
        var text = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        text = text.removingPercentEncoding ?? text
        if text.isEmpty { return .missing("which is empty") }
        if text.contains("\u{0}") { return .outside("which holds a NUL byte") }
        if text.hasPrefix("/") || text.hasPrefix("\\") || text.hasPrefix("~") {
            return .outside("an absolute path outside the suite's folder")
        }
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            return .outside("a URL or drive path, not a file beside the suite")
        }
        var parts: [Substring] = []
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return .outside("which climbs out of the suite's folder") }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty else { return .missing("which names the suite's folder, not a file") }
        let relative = parts.joined(separator: "/")
        guard let folder else { return .missing("which cannot be opened: the suite was not read from a file") }
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return .missing("which does not exist beside the suite")
        }
        let realFolder = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let realFile = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else {
            return .outside("a symbolic link to a file outside the suite's folder")
        }
        return .inside(url, relativePath: relative)
    }

    /// The path of a linked test case as diagnostics and captures show it: beside the suite's shown path.
    static func display(_ href: String, under shownFolder: String) -> String {
        var text = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        text = text.removingPercentEncoding ?? text
        var parts: [Substring] = []
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "\\" }) where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        let relative = parts.joined(separator: "/")
        return shownFolder.isEmpty ? relative : shownFolder + "/" + relative
    }
}
