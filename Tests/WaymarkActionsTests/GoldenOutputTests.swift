import Foundation
import Testing
import WaymarkActions
import WaymarkModel
import WaymarkTestSupport

/// Golden files of what `waymark build SampleCaptures` writes: every guide output kind for every sample (the test
/// iterates the folder, so a new sample is covered by recording its files) and the dashboard.
@Suite struct GoldenOutputTests {
    static let kinds = ["guide.md", "guide.html", "job-aid.md", "job-aid.html"]

    @Test func everySampleHasGoldenGuideOutputs() throws {
        let samples = BuildTestSupport.sampleCaptures
        try #require(!samples.isEmpty, "SampleCaptures holds no capture the importers read")
        let (report, out) = BuildTestSupport.build(["SampleCaptures"])
        #expect(!report.hasErrors, "\(report.allDiagnostics)")
        #expect(Set(report.captures.map(\.id)) == Set(samples.map(\.id)))
        for capture in samples {
            for kind in Self.kinds {
                let url = out.appendingPathComponent(capture.id).appendingPathComponent(kind)
                let text = try #require(try? String(contentsOf: url, encoding: .utf8), "\(capture.id)/\(kind) missing")
                Snapshot.assert(text, named: kind, group: "samples/\(capture.id)")
            }
        }
        for name in ["index.md", "index.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            Snapshot.assert(text, named: name, group: "samples/dashboard")
        }
        let css = try String(contentsOf: out.appendingPathComponent("assets/waymark.css"), encoding: .utf8)
        #expect(css == String(decoding: try Data(contentsOf: Fixtures.templates.appendingPathComponent("assets/waymark.css")), as: UTF8.self))
    }
}
