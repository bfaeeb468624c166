import Foundation
import WaymarkEscaping

/// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`) and a Markdown step summary.
///
/// GitHub shows at most 10 annotations of each level per step, so at most 10 of each are written, followed by a
/// plain line saying how many more there are; the step summary lists every finding.
public enum GitHubReport {
    public static let maximumPerLevel = 10

    public static func render(_ report: StalenessReport) -> (annotations: String, summary: String) {
        var out = ""
        var shown: [String: Int] = [:]
        var hidden: [String: Int] = [:]
        for finding in report.findings {
            let level = report.isFailing(finding) ? "error" : "warning"
            guard shown[level, default: 0] < maximumPerLevel else {
                hidden[level, default: 0] += 1
                continue
            }
            shown[level, default: 0] += 1
            var properties = ["file=" + escapeProperty(finding.file)]
            if let line = finding.line { properties.append("line=\(line)") }
            let owner = finding.owner.map { " (owner: \($0))" } ?? ""
            properties.append("title=" + escapeProperty("\(finding.kind.title)\(owner)"))
            out += "::\(level) \(properties.joined(separator: ","))::\(escapeData(finding.fullMessage))\n"
        }
        for level in ["error", "warning"] where hidden[level, default: 0] > 0 {
            out += "\(hidden[level]!) more \(level == "error" ? "errors" : "warnings") not annotated (GitHub shows \(maximumPerLevel) per level); see the step summary.\n"
        }
        out += report.summaryLine + "\n"
        return (out, summary(report))
    }

    /// The step summary: a heading, the summary line and a table of every finding.
    public static func summary(_ report: StalenessReport) -> String {
        var md = "## Waymark check\n\n" + report.summaryLine + "\n"
        guard !report.findings.isEmpty else { return md + "\n" }
        md += "\n| Status | Material | Owner | File | What happened |\n|---|---|---|---|---|\n"
        for f in report.findings {
            let place = f.line.map { "\(f.file):\($0)" } ?? f.file
            let status = (report.isFailing(f) ? "❌ " : "⚠️ ") + f.kind.rawValue
            md += "| \(status) | \(MarkdownEscaping.tableCell(f.material)) | \(MarkdownEscaping.tableCell(f.owner ?? "—")) | \(MarkdownEscaping.tableCell(place)) | \(MarkdownEscaping.tableCell(f.fullMessage)) |\n"
        }
        return md + "\n"
    }

    /// Escaping for the message part of a workflow command.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a property value (`file=`, `title=`): the data escapes plus `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
