import WaymarkEscaping
import WaymarkJSON
import WaymarkModel

/// When each guide was last verified against the application, as a script the dashboard loads
/// (`out/last-replay.js`), so the dashboard can say "verified 2026-12-01: 2 broken" beside every guide.
///
/// Like `last-check.js`, it is a `<script src>` rather than JSON because the dashboard must work from `file://`,
/// where `fetch` is refused; the build writes the empty form once and never records or overwrites it. Each replay
/// run updates the captures it replayed and keeps the others' last verification, so a nightly job that replays one
/// folder at a time still leaves a complete column.
public enum LastReplayScript {
    public static let fileName = "last-replay.js"
    static let comment = "/* Written by waymark replay: when each guide was last verified against the application. */\n"
    static let assignment = "window.waymarkLastReplay = "

    /// What the build leaves when no replay has run yet.
    public static let empty = comment + assignment + "null;\n"

    /// The script after a replay run at `time` (ISO 8601, UTC), merged with `previous` (the file's text, if any).
    public static func render(_ report: ReplayReport, time: String, previous: String? = nil) -> String {
        let replayed = Set(report.captures.map(\.captureID))
        var entries = previousEntries(previous).filter { !replayed.contains($0.id) }
        for capture in report.captures {
            let findings = report.findings.filter { $0.captureID == capture.captureID }
            let counts = ReplayFindingKind.allCases.compactMap { kind -> (String, JSONNode)? in
                let n = findings.filter { $0.kind == kind }.count
                return n == 0 ? nil : (kind.rawValue, .number(n))
            }
            let node: JSONNode = .object(compacting: [
                ("capture", .string(capture.captureID)),
                ("verified", .string(time)),
                ("steps", .number(capture.steps)),
                ("stepsReplayed", .number(capture.stepsReplayed)),
                ("failed", .bool(findings.contains(where: report.isFailing))),
                ("counts", .object(counts)),
                ("findings", .array(findings.map { f in
                    .object([("status", .string(f.kind.rawValue)), ("step", .number(f.step)), ("message", .string(f.message))])
                })),
            ])
            entries.append((capture.captureID, node))
        }
        entries.sort { $0.id < $1.id }
        let root: JSONNode = .object([
            ("generator", .string("waymark \(WaymarkVersion.current)")),
            ("captures", .array(entries.map(\.node))),
        ])
        var json = HTMLEscaping.rawTextElementContent(JSONWriter.write(root))
        if json.hasSuffix("\n") { json.removeLast() }
        return comment + assignment + json + ";\n"
    }

    /// The captures an earlier run recorded; nothing when the file is the empty form, unreadable or not ours.
    static func previousEntries(_ text: String?) -> [(id: String, node: JSONNode)] {
        guard let text, let start = text.range(of: assignment) else { return [] }
        var body = String(text[start.upperBound...]).trimming(.whitespacesAndNewlines)
        guard body.hasSuffix(";") else { return [] }
        body.removeLast()
        guard let root = try? JSONParser.parse(body), let captures = root["captures"]?.arrayValue else { return [] }
        return captures.compactMap { node in node["capture"]?.stringValue.map { ($0, node) } }
    }
}
