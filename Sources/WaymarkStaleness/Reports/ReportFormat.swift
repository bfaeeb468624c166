import WaymarkModel

/// The report formats `check` writes. Raw values are the `--report` names.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, junit, github, sarif, gitlab
}

/// Renders a `StalenessReport` in any format. Every writer is a pure function of the report: same findings, same
/// bytes (no timestamps, no absolute paths beyond what the findings hold).
public enum ReportWriter {
    public static func render(_ report: StalenessReport, as format: ReportFormat) -> String {
        switch format {
        case .text: TextReport.render(report)
        case .json: JSONReport.render(report)
        case .junit: JUnitReport.render(report)
        case .github: GitHubReport.render(report).annotations
        case .sarif: SARIFReport.render(report)
        case .gitlab: GitLabReport.render(report)
        }
    }

    /// One identity per finding, unique within the report: the finding's own identity, suffixed with an occurrence
    /// number when two findings share it (two citations of one capture in one file).
    static func uniqueIdentities(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let base = finding.identity
            let n = seen[base, default: 0]
            seen[base] = n + 1
            return n == 0 ? base : Fingerprint.hex(of: "\(base):\(n)")
        }
    }
}
