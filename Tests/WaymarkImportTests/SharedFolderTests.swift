import Foundation
import Testing
import WaymarkTestSupport

/// CI always has ../shared beside the checkout. There, its absence is one loud failure — not a crash of the whole
/// run, and not a run of silently disabled tests.
@Suite struct SharedFolderTests {
    @Test(.enabled(if: Fixtures.isCI, "only CI promises ../shared"))
    func ciHasTheSharedFolder() {
        #expect(Fixtures.hasShared, "\(Fixtures.sharedLocation.path)/captures is missing; CI needs ../shared beside the checkout")
    }

    @Test(.enabled(if: Fixtures.isCI, "only CI promises ../shared"), arguments: ["selenese-html", "uivision"])
    func ciHasTheMoreCapturesFolders(folder: String) {
        let url = Fixtures.sharedLocation.appendingPathComponent("more-captures").appendingPathComponent(folder)
        #expect(FileManager.default.fileExists(atPath: url.path), "\(url.path) is missing; CI needs ../shared/more-captures beside the checkout")
    }
}
