/// The default report, for people reading a terminal or a CI log: findings grouped by owner (the person to ask),
/// each with its file, then a one-line summary.
public enum TextReport {
    public static func render(_ report: StalenessReport) -> String {
        var out = ""
        let groups = Dictionary(grouping: report.findings) { $0.owner ?? "" }
        let owners = groups.keys.sorted { a, b in a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
        for owner in owners {
            let findings = groups[owner] ?? []
            let count = findings.count
            out += (owner.isEmpty ? "No owner" : "Owner: \(owner)") + " (\(count) finding\(count == 1 ? "" : "s"))\n"
            for finding in findings {
                let level = report.isFailing(finding) ? "error" : "warning"
                let place = finding.line.map { "\(finding.file):\($0)" } ?? finding.file
                out += "  \(level)[\(finding.kind.rawValue)] \(place): \(finding.message)\n"
                for detail in finding.details { out += "      \(detail)\n" }
            }
            out += "\n"
        }
        out += report.summaryLine + "\n"
        return out
    }
}
