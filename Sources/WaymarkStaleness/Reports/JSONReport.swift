import WaymarkModel
import WaymarkJSON

/// Machine-readable findings for scripts and dashboards: the whole report model, canonical JSON.
public enum JSONReport {
    public static let formatVersion = 1

    public static func render(_ report: StalenessReport) -> String {
        JSONWriter.write(json(report))
    }

    public static func json(_ report: StalenessReport) -> JSONNode {
        let statuses = report.statuses
        return .object([
            ("version", .number(formatVersion)),
            ("generator", .string("waymark \(WaymarkVersion.current)")),
            ("failed", .bool(report.fails)),
            ("failOn", .array(report.failOn.sorted().map { .string($0.rawValue) })),
            ("summary", .object([
                ("materials", .number(report.materials.count)),
                ("fresh", .number(report.freshCount)),
                ("counts", .object(report.counts.map { ($0.kind.rawValue, .number($0.count)) })),
                ("text", .string(report.summaryLine)),
            ])),
            ("materials", .array(report.materials.map { m in
                .object(compacting: [
                    ("name", .string(m.name)),
                    ("capture", .string(m.captureID)),
                    ("owner", m.owner.map(JSONNode.string)),
                    ("file", .string(m.file)),
                    ("status", .string(statuses[m.name]?.rawValue ?? "fresh")),
                ])
            })),
            ("findings", .array(report.findings.map { f in
                .object(compacting: [
                    ("status", .string(f.kind.rawValue)),
                    ("level", .string(report.isFailing(f) ? "error" : "warning")),
                    ("capture", .string(f.captureID)),
                    ("material", .string(f.material)),
                    ("owner", f.owner.map(JSONNode.string)),
                    ("file", .string(f.file)),
                    ("line", f.line.map { JSONNode.number($0) }),
                    ("message", .string(f.message)),
                    ("details", f.details.isEmpty ? nil : .array(f.details.map(JSONNode.string))),
                ])
            })),
        ])
    }
}
