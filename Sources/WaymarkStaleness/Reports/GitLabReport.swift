import WaymarkModel
import WaymarkJSON

/// GitLab Code Quality JSON (`artifacts:reports:codequality`): one issue per finding, with a fingerprint unique in
/// the report and stable across runs, so merge requests show new and fixed findings.
public enum GitLabReport {
    public static func render(_ report: StalenessReport) -> String {
        let identities = ReportWriter.uniqueIdentities(report.findings)
        let issues: [JSONNode] = zip(report.findings, identities).map { finding, identity in
            .object([
                ("type", .string("issue")),
                ("check_name", .string(finding.kind.ruleID)),
                ("description", .string(finding.fullMessage + (finding.owner.map { " (owner: \($0))" } ?? ""))),
                ("categories", .array([.string("Documentation")])),
                ("severity", .string(severity(finding, in: report))),
                ("fingerprint", .string(identity)),
                ("location", .object([
                    ("path", .string(finding.file)),
                    ("lines", .object([("begin", .number(finding.line ?? 1))])),
                ])),
            ])
        }
        return JSONWriter.write(.array(issues))
    }

    static func severity(_ finding: Finding, in report: StalenessReport) -> String {
        guard report.isFailing(finding) else { return finding.kind == .untracked ? "info" : "minor" }
        switch finding.kind {
        case .orphaned, .missing: return "critical"
        default: return "major"
        }
    }
}
