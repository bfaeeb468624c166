import Foundation
import WaymarkModel
import WaymarkJSON

/// SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDEs): one rule per status, one
/// result per finding with its level, location and a `partialFingerprints` entry so a finding keeps its identity
/// across runs.
public enum SARIFReport {
    public static func render(_ report: StalenessReport) -> String {
        let kinds = FindingKind.allCases
        let rules: [JSONNode] = kinds.map { kind in
            rule(id: kind.ruleID, kind: kind.rawValue, title: kind.title, help: kind.help,
                 failing: report.failOn.contains(kind))
        }
        let identities = ReportWriter.uniqueIdentities(report.findings)
        let results: [JSONNode] = zip(report.findings, identities).map { finding, identity in
            var region: [(String, JSONNode)] = []
            if let line = finding.line { region.append(("startLine", .number(line))) }
            var physical: [(String, JSONNode)] = [("artifactLocation", .object([("uri", .string(uri(finding.file)))]))]
            if !region.isEmpty { physical.append(("region", .object(region))) }
            return .object(compacting: [
                ("ruleId", .string(finding.kind.ruleID)),
                ("ruleIndex", .number(kinds.firstIndex(of: finding.kind)!)),
                ("level", .string(report.isFailing(finding) ? "error" : "warning")),
                ("message", .object([("text", .string(finding.fullMessage))])),
                ("locations", .array([.object([("physicalLocation", .object(physical))])])),
                ("partialFingerprints", .object([("waymarkFinding/v1", .string(identity))])),
                ("properties", .object(compacting: [
                    ("capture", .string(finding.captureID)),
                    ("material", .string(finding.material)),
                    ("owner", finding.owner.map(JSONNode.string)),
                ])),
            ])
        }
        return log(rules: rules, results: results)
    }

    /// One rule of the log: a finding kind (`kind` in kebab case) with its title, help and default level. `check`
    /// and `replay` describe their kinds the same way, so dashboards show both alike.
    public static func rule(id: String, kind: String, title: String, help: String, failing: Bool) -> JSONNode {
        .object([
            ("id", .string(id)),
            ("name", .string(kind.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())),
            ("shortDescription", .object([("text", .string(title))])),
            ("fullDescription", .object([("text", .string(title + ". " + help))])),
            ("help", .object([("text", .string(help))])),
            ("defaultConfiguration", .object([("level", .string(failing ? "error" : "warning"))])),
        ])
    }

    /// The SARIF 2.1.0 log of one `waymark` run with these rules and results.
    public static func log(rules: [JSONNode], results: [JSONNode]) -> String {
        let run = JSONNode.object([
            ("tool", .object([("driver", .object([
                ("name", .string("waymark")),
                ("version", .string(WaymarkVersion.current)),
                ("semanticVersion", .string(WaymarkVersion.current)),
                ("rules", .array(rules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return JSONWriter.write(.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]))
    }

    /// A relative URI reference for a path (replay's SARIF report uses it too): `/` kept, everything outside RFC 3986 unreserved characters
    /// percent-encoded (so spaces and `#` in file names stay part of the path).
    public static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
