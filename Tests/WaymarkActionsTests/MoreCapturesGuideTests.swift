import Foundation
import Testing
import WaymarkActions
import WaymarkModel
import WaymarkTestSupport

/// The real Selenese HTML test cases and UI.Vision macros in ../shared/more-captures build into guides, checked
/// against golden files like the guides of the samples.
@Suite struct MoreCapturesGuideTests {
    static var folder: URL? { Fixtures.shared?.appendingPathComponent("more-captures") }
    static var hasMoreCaptures: Bool { folder.map { FileManager.default.fileExists(atPath: $0.path) } ?? false }
    static let missing: Comment = "../shared/more-captures is not beside this checkout; these tests build the real recordings in it"

    @Test(.enabled(if: hasMoreCaptures, missing))
    func everyRecordingBuildsAGoldenGuide() throws {
        let folder = try #require(Self.folder)
        // Built relative to ../shared, so `source:` in the goldens does not depend on where the checkout lives.
        let (report, out) = BuildTestSupport.build(["more-captures"], base: folder.deletingLastPathComponent())
        #expect(!report.hasErrors, "\(report.allDiagnostics)")
        let ids = report.captures.map(\.id).sorted()
        #expect(ids == ["artificial-intelligence-seat", "simple-test"])
        for id in ids {
            for kind in ["guide.md", "job-aid.md"] {
                let url = out.appendingPathComponent(id).appendingPathComponent(kind)
                let text = try #require(try? String(contentsOf: url, encoding: .utf8), "\(id)/\(kind) missing")
                Snapshot.assert(text, named: kind, group: "more-captures/\(id)")
            }
        }
    }
}
