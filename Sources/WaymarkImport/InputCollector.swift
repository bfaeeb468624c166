import Foundation
import WaymarkModel

/// Expands the paths a user passes (files or folders, recursively) into the capture files to read.
///
/// Folders are walked in sorted order so every run sees the same files in the same order. Hidden files and
/// folders, `.build` and output folders are skipped; inside folders only files with capture extensions are taken,
/// while a file named explicitly is always taken. HTML files in folders are taken only when they start like a
/// Selenese test case or suite: a folder of recordings often holds guides and other web pages too.
public enum InputCollector {
    /// Extensions that may hold a capture.
    public static let captureExtensions: Set<String> = ["json", "xml", "side", "zip", "mht", "mhtml", "html", "htm"]

    /// Extensions taken from folders only when the content looks like a recording.
    static let sniffedExtensions: Set<String> = ["html", "htm"]

    /// Whether an HTML file found in a folder is a Selenese test case (reads its first 4 KiB). A Selenium IDE
    /// suite is not taken from a folder: its test cases sit in that folder (a suite never reads outside its own),
    /// so they are taken themselves; name the suite to read its test cases in its order.
    static func looksLikeRecording(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 4096)) ?? Data()
        let input = CaptureInput(path: path, data: prefix)
        return SeleneseHTMLImporter().recognizes(input) && !SeleneseHTMLImporter.isSuite(input)
    }

    public static func collect(_ paths: [String], relativeTo base: URL? = nil) -> (files: [URL], diagnostics: [Diagnostic]) {
        var files: [URL] = []
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(
                    .inputNotFound, "No such file or folder.", hint: "Check the path and run again.",
                    at: SourceLocation(file: path)))
                continue
            }
            if isDirectory.boolValue {
                files.append(contentsOf: walk(url))
            } else {
                files.append(url)
            }
        }
        var seen = Set<String>()
        files = files.filter { seen.insert($0.path).inserted }
        return (files, diagnostics)
    }

    /// Plain `readdir` with the entry types it returns (`FileManager`'s enumerator asked for resource values per
    /// file, a tenth of a 10,000-capture check). Symlinks are not followed, hidden entries are skipped.
    private static func walk(_ folder: URL) -> [URL] {
        var paths: [String] = []
        var pending = [folder.path]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR)
                        : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                if type == UInt8(DT_DIR) {
                    if name != ".build" && name != "node_modules" { pending.append(path) }
                } else if type == UInt8(DT_REG), let dot = name.lastIndex(of: ".") {
                    let ext = name[name.index(after: dot)...].lowercased()
                    guard captureExtensions.contains(ext) else { continue }
                    if sniffedExtensions.contains(ext), !looksLikeRecording(path) { continue }
                    paths.append(path)
                }
            }
        }
        return paths.sorted().map { URL(fileURLWithPath: $0) }
    }
}
