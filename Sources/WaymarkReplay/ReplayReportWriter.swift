import Foundation
import WaymarkEscaping
import WaymarkJSON
import WaymarkModel
import WaymarkStaleness

/// Renders a `ReplayReport` in the formats `check` writes (`--report text|json|junit|github|sarif|gitlab`), with
/// the same shapes and escaping: a CI job that reads `check`'s reports reads replay's. Pure: same report, same bytes.
public enum ReplayReportWriter {
    public static func render(_ report: ReplayReport, as format: ReportFormat) -> String {
        switch format {
        case .text: text(report)
        case .json: JSONWriter.write(json(report))
        case .junit: junit(report)
        case .github: github(report)
        case .sarif: sarif(report)
        case .gitlab: gitlab(report)
        }
    }

    static func level(_ f: ReplayFinding, _ report: ReplayReport) -> String { report.isFailing(f) ? "error" : "warning" }

    /// Findings grouped by owner (the person to ask), then the summary line.
    static func text(_ report: ReplayReport) -> String {
        var out = ""
        let groups = Dictionary(grouping: report.findings) { $0.owner ?? "" }
        let owners = groups.keys.sorted { a, b in a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
        for owner in owners {
            let findings = groups[owner] ?? []
            out += (owner.isEmpty ? "No owner" : "Owner: \(owner)") + " (\(findings.count) finding\(findings.count == 1 ? "" : "s"))\n"
            for f in findings {
                out += "  \(level(f, report))[\(f.kind.rawValue)] \(f.file) (\(f.captureID)): \(f.message)\n"
            }
            out += "\n"
        }
        for c in report.captures where c.stoppedAfter != nil {
            out += "\(c.file) (\(c.captureID)): replay stopped after step \(c.stoppedAfter!) of \(c.steps).\n"
        }
        return out + report.summaryLine + "\n"
    }

    static func json(_ report: ReplayReport) -> JSONNode {
        .object([
            ("version", .number(1)),
            ("generator", .string("waymark \(WaymarkVersion.current)")),
            ("failed", .bool(report.fails)),
            ("failOn", .array(report.failOn.sorted().map { .string($0.rawValue) })),
            ("summary", .string(report.summaryLine)),
            ("captures", .array(report.captures.map { c in
                .object(compacting: [
                    ("capture", .string(c.captureID)),
                    ("title", .string(c.title)),
                    ("owner", c.owner.map(JSONNode.string)),
                    ("file", .string(c.file)),
                    ("steps", .number(c.steps)),
                    ("stepsReplayed", .number(c.stepsReplayed)),
                    ("stoppedAfter", c.stoppedAfter.map { .number($0) }),
                ])
            })),
            ("findings", .array(report.findings.map { f in
                .object(compacting: [
                    ("status", .string(f.kind.rawValue)),
                    ("level", .string(level(f, report))),
                    ("capture", .string(f.captureID)),
                    ("owner", f.owner.map(JSONNode.string)),
                    ("file", .string(f.file)),
                    ("step", .number(f.step)),
                    ("message", .string(f.message)),
                    ("recorded", f.recorded.map(JSONNode.string)),
                    ("observed", f.observed.map(JSONNode.string)),
                ])
            })),
        ])
    }

    /// One test case per capture step that replay reached or found wrong; failing findings are failures, the
    /// others pass with the finding in `system-out`.
    static func junit(_ report: ReplayReport) -> String {
        var cases: [(classname: String, name: String, file: String, failing: [ReplayFinding], passing: [ReplayFinding])] = []
        for c in report.captures {
            let findings = report.findings.filter { $0.captureID == c.captureID && $0.file == c.file }
            for n in 1...max(1, c.steps) {
                let here = findings.filter { $0.step == n }
                cases.append((c.captureID, "step \(n)", c.file, here.filter(report.isFailing), here.filter { !report.isFailing($0) }))
            }
        }
        let failures = cases.filter { !$0.failing.isEmpty }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"waymark replay\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"waymark replay\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for c in cases {
            out += "    <testcase classname=\"\(XMLEscaping.lenientAttribute(c.classname))\" name=\"\(XMLEscaping.lenientAttribute(c.name))\" file=\"\(XMLEscaping.lenientAttribute(c.file))\""
            if c.failing.isEmpty, c.passing.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if let first = c.failing.first {
                let kinds = Set(c.failing.map(\.kind.rawValue)).sorted().joined(separator: ",")
                let body = c.failing.map { "\($0.file): \($0.message)" + ($0.owner.map { "\nOwner: \($0)" } ?? "") }.joined(separator: "\n\n")
                out += "      <failure message=\"\(XMLEscaping.lenientAttribute(first.message))\" type=\"\(XMLEscaping.lenientAttribute(kinds))\">\(XMLEscaping.lenientAttribute(body))</failure>\n"
            }
            if !c.passing.isEmpty {
                let body = c.passing.map { "warning[\($0.kind.rawValue)] \($0.file): \($0.message)" }.joined(separator: "\n")
                out += "      <system-out>\(XMLEscaping.lenientAttribute(body))</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    /// GitHub workflow commands, at most `GitHubReport.maximumPerLevel` per level, as `check` writes them.
    static func github(_ report: ReplayReport) -> String {
        var out = ""
        var shown: [String: Int] = [:]
        var hidden: [String: Int] = [:]
        for f in report.findings {
            let lvl = level(f, report)
            guard shown[lvl, default: 0] < GitHubReport.maximumPerLevel else {
                hidden[lvl, default: 0] += 1
                continue
            }
            shown[lvl, default: 0] += 1
            let owner = f.owner.map { " (owner: \($0))" } ?? ""
            let properties = ["file=" + GitHubReport.escapeProperty(f.file),
                              "title=" + GitHubReport.escapeProperty("\(f.kind.title)\(owner)")]
            out += "::\(lvl) \(properties.joined(separator: ","))::\(GitHubReport.escapeData(f.message))\n"
        }
        for lvl in ["error", "warning"] where hidden[lvl, default: 0] > 0 {
            out += "\(hidden[lvl]!) more \(lvl == "error" ? "errors" : "warnings") not annotated (GitHub shows \(GitHubReport.maximumPerLevel) per level).\n"
        }
        return out + report.summaryLine + "\n"
    }

    static func sarif(_ report: ReplayReport) -> String {
        let kinds = ReplayFindingKind.allCases
        let rules: [JSONNode] = kinds.map { kind in
            SARIFReport.rule(id: kind.ruleID, kind: kind.rawValue, title: kind.title, help: kind.help,
                             failing: report.failOn.contains(kind))
        }
        let results: [JSONNode] = report.findings.map { f in
            .object(compacting: [
                ("ruleId", .string(f.kind.ruleID)),
                ("ruleIndex", .number(kinds.firstIndex(of: f.kind) ?? 0)),
                ("level", .string(level(f, report))),
                ("message", .object([("text", .string(f.message))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(SARIFReport.uri(f.file)))])),
                ]))])])),
                ("partialFingerprints", .object([("waymarkReplayFinding/v1", .string(f.identity))])),
                ("properties", .object(compacting: [
                    ("capture", .string(f.captureID)),
                    ("step", .number(f.step)),
                    ("owner", f.owner.map(JSONNode.string)),
                ])),
            ])
        }
        return SARIFReport.log(rules: rules, results: results)
    }

    static func gitlab(_ report: ReplayReport) -> String {
        let issues: [JSONNode] = report.findings.map { f in
            .object([
                ("type", .string("issue")),
                ("check_name", .string(f.kind.ruleID)),
                ("description", .string(f.message + (f.owner.map { " (owner: \($0))" } ?? ""))),
                ("categories", .array([.string("Documentation")])),
                ("severity", .string(report.isFailing(f) ? (f.kind == .broken ? "critical" : "major") : "minor")),
                ("fingerprint", .string(f.identity)),
                ("location", .object([
                    ("path", .string(f.file)),
                    ("lines", .object([("begin", .number(1))])),
                ])),
            ])
        }
        return JSONWriter.write(.array(issues))
    }
}
