import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport
@testable import WaymarkStaleness
import WaymarkJSON

@Suite("Reports")
struct ReportWriterTests {
    /// One report with every kind of finding, two owners and no owner, and text that needs escaping everywhere.
    static func sampleReport() -> StalenessReport {
        let materials = [
            CheckedMaterial(name: "create-order", captureID: "create-order", owner: "Ana Ruiz", file: "out/create-order/guide.md",
                            checks: ["source", "outputs", "review", "template"]),
            CheckedMaterial(name: "refund", captureID: "refund", owner: "Ben Okafor", file: "out/refund/guide.md",
                            checks: ["source", "outputs", "review", "template"]),
            CheckedMaterial(name: "export", captureID: "export", owner: nil, file: "out/export/guide.md", checks: ["source"]),
            CheckedMaterial(name: "new-one", captureID: "new-one", owner: nil, file: "captures/new one.json", checks: ["tracked"]),
            CheckedMaterial(name: "docs/faq.md (cites refund)", captureID: "refund", owner: "Ben Okafor", file: "docs/faq.md", checks: ["source"]),
            CheckedMaterial(name: "fresh-one", captureID: "fresh-one", owner: "Ana Ruiz", file: "out/fresh-one/guide.md",
                            checks: ["source", "outputs", "review", "template"]),
        ]
        let findings = [
            Finding(kind: .stale, captureID: "create-order", owner: "Ana Ruiz", file: "captures/create-order.json",
                    message: "Capture 'create-order' (Create an order) changed since its materials were built: 1 step change.",
                    details: ["step 4 changed: 'Pay 100%: card, cash\nor voucher' → 'Send'"]),
            Finding(kind: .edited, captureID: "create-order", owner: "Ana Ruiz", file: "out/create-order/guide.md",
                    message: "out/create-order/guide.md of 'create-order' was edited by hand; the next build will not overwrite it without --force."),
            Finding(kind: .missing, captureID: "refund", owner: "Ben Okafor", file: "out/refund/job-aid.md",
                    message: "out/refund/job-aid.md of 'refund' is missing."),
            Finding(kind: .overdue, captureID: "refund", owner: "Ben Okafor", file: "captures/refund.xml",
                    message: "Review of 'refund' was due on 2025-12-01 (31 days ago). Owner: Ben Okafor."),
            Finding(kind: .outdatedTemplate, captureID: "refund", owner: "Ben Okafor", file: "out/refund/guide.md",
                    message: "Materials of 'refund' are out of date: the templates changed."),
            Finding(kind: .orphaned, captureID: "export", owner: nil, file: "out/export/guide.md",
                    message: "Capture 'export' (Export <data> & \"more\") is gone from captures/export.json, but its materials remain."),
            Finding(kind: .untracked, captureID: "new-one", owner: nil, file: "captures/new one.json",
                    message: "Capture 'new-one' (New one) has no materials yet."),
            Finding(kind: .stale, captureID: "refund", material: "docs/faq.md (cites refund)", owner: "Ben Okafor",
                    file: "docs/faq.md", line: 12, message: "docs/faq.md describes capture 'refund' as it was before it changed."),
            Finding(kind: .stale, captureID: "refund", material: "docs/faq.md (cites refund)", owner: "Ben Okafor",
                    file: "docs/faq.md", line: 40, message: "docs/faq.md describes capture 'refund' as it was before it changed."),
        ]
        return StalenessReport(materials: materials, findings: findings)
    }

    @Test("every format matches its golden file", arguments: ReportFormat.allCases)
    func golden(format: ReportFormat) {
        let ext = ["text": "txt", "json": "json", "junit": "xml", "github": "txt", "sarif": "sarif.json", "gitlab": "json"][format.rawValue]!
        Snapshot.assert(ReportWriter.render(Self.sampleReport(), as: format), named: "\(format.rawValue).\(ext)", group: "Reports")
    }

    @Test("per-material statuses and the fresh count are those of the one-material questions")
    func statusesMatchStatusOfEachMaterial() {
        let report = Self.sampleReport()
        let statuses = report.statuses
        for material in report.materials {
            #expect(statuses[material.name] == report.status(of: material.name), "\(material.name)")
            #expect((report.findingsByMaterial[material.name] ?? []) == report.findings.filter { $0.material == material.name })
        }
        #expect(report.freshCount == report.materials.filter { report.status(of: $0.name) == nil }.count)
        #expect(report.freshCount == 1)
    }

    @Test("GitHub step summary golden file")
    func githubSummary() {
        Snapshot.assert(GitHubReport.render(Self.sampleReport()).summary, named: "github-summary.md", group: "Reports")
    }

    @Test("text groups by owner and ends with the summary line")
    func text() {
        let text = TextReport.render(Self.sampleReport())
        let owners = text.split(separator: "\n").filter { $0.hasPrefix("Owner: ") || $0.hasPrefix("No owner") }
        #expect(owners == ["Owner: Ana Ruiz (2 findings)", "Owner: Ben Okafor (5 findings)", "No owner (2 findings)"])
        #expect(text.hasSuffix("6 materials checked: 1 fresh. Findings: 3 stale, 1 edited, 1 missing, 1 orphaned, 1 untracked, 1 overdue, 1 outdated-template.\n"))
    }

    @Test("GitHub escaping follows the workflow command rules")
    func githubEscaping() {
        #expect(GitHubReport.escapeData("100% done:\r\nyes, really") == "100%25 done:%0D%0Ayes, really")
        #expect(GitHubReport.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        let out = GitHubReport.render(Self.sampleReport()).annotations
        #expect(out.contains("'Pay 100%25: card, cash%0Aor voucher' → 'Send'"))
        #expect(out.contains("::error file=captures/create-order.json,title=Material is stale (owner%3A Ana Ruiz)::"))
        #expect(out.contains("::error file=docs/faq.md,line=12,title="))
        for line in out.split(separator: "\n") where line.hasPrefix("::") {
            let properties = line.dropFirst(2).prefix { $0 != ":" }
            #expect(!properties.contains("\n"))
        }
    }

    @Test("GitHub shows at most 10 annotations per level and says how many it left out")
    func githubLimit() {
        let findings = (0..<25).map { i in
            Finding(kind: i < 12 ? .stale : .overdue, captureID: "c\(i)", owner: nil, file: "f\(i).json", message: "m\(i)")
        }
        let report = StalenessReport(materials: [], findings: findings)
        let out = GitHubReport.render(report).annotations
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(out.split(separator: "\n").filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(out.contains("2 more errors not annotated"))
        #expect(out.contains("3 more warnings not annotated"))
        #expect(GitHubReport.summary(report).split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 26)
    }

    @Test("GitLab and SARIF fingerprints are unique, even for two findings of one kind in one file")
    func uniqueFingerprints() throws {
        let gitlab = try JSONParser.parse(GitLabReport.render(Self.sampleReport()))
        let fingerprints = gitlab.arrayValue?.compactMap { $0["fingerprint"]?.stringValue } ?? []
        #expect(fingerprints.count == 9)
        #expect(Set(fingerprints).count == 9)
        let sarif = try JSONParser.parse(SARIFReport.render(Self.sampleReport()))
        let results = sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
        let partial = results.compactMap { $0["partialFingerprints"]?["waymarkFinding/v1"]?.stringValue }
        #expect(Set(partial).count == 9)
    }

    @Test("JUnit has one test case per material × check, failures only for --fail-on kinds")
    func junit() {
        let xml = JUnitReport.render(Self.sampleReport())
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 4 + 4 + 1 + 1 + 1 + 4)
        #expect(xml.contains("tests=\"15\" failures=\"5\""))
        #expect(xml.contains("Export &lt;data&gt; &amp; &quot;more&quot;"))
    }
}
