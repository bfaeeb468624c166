import Foundation
import Testing

/// Golden-file ("snapshot") assertions in the style of swift-argument-parser's tests.
///
/// Expected outputs live in a `__Snapshots__` folder beside the calling test file. Set `WAYMARK_RECORD=1` to write
/// (re-record) them; otherwise a mismatch fails with a unified-style line diff that names the first differing line.
/// A recording run records an issue for every file it writes, so it always fails: it cannot pass by accident, and
/// the next run without the variable checks what was recorded.
public enum Snapshot {
    public static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment["WAYMARK_RECORD"] ?? ""
        return value == "1" || value.lowercased() == "true"
    }

    /// Compares `actual` with `__Snapshots__/<group>/<name>` beside `filePath`.
    public static func assert(
        _ actual: String, named name: String, group: String,
        filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__").appendingPathComponent(group).appendingPathComponent(name)
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(Comment(rawValue: "Recorded new golden file \(group)/\(name); run the tests again without WAYMARK_RECORD to check it."),
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record(Comment(rawValue: "Could not record golden file \(url.path): \(error)"), sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            let message = "No golden file at \(url.path). Run the tests with WAYMARK_RECORD=1 to record it."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let diff = lineDiff(expected: expected, actual: actual)
            let message = "Output differs from golden file \(group)/\(name) (re-record with WAYMARK_RECORD=1 if intended):\n\(diff)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// A compact diff: the changed region with three lines of context, `-` expected, `+` actual.
    public static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        var lines: [String] = ["@@ first difference at line \(start + 1) @@"]
        for i in max(0, start - 3)..<start { lines.append("  " + a[i]) }
        for i in start..<endA { lines.append("- " + a[i]) }
        for i in start..<endB { lines.append("+ " + b[i]) }
        for i in endA..<min(a.count, endA + 3) { lines.append("  " + a[i]) }
        return lines.joined(separator: "\n")
    }
}
