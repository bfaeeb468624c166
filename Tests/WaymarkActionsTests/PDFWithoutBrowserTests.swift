import Testing
import Foundation
@testable import WaymarkActions
import WaymarkModel
import WaymarkTestSupport

/// `--package pdf` on a machine without chromedriver: the documented browser diagnostic, naming the Debian package,
/// on the capture — and every other material still built, the lock still written.
@Suite struct PDFWithoutBrowserTests {
    @Test func aMissingDriverIsAnErrorAndTheOtherMaterialsAreBuilt() throws {
        let out = Fixtures.temporaryDirectory("pdf-no-driver")
        defer { try? FileManager.default.removeItem(at: out) }
        var options = BuildOptions(
            inputs: [Fixtures.sampleCaptures.appendingPathComponent("reset-password.json").path], outputDirectory: out,
            jobs: 1)
        options.packages = [.pdf]
        options.chromedriverPath = out.appendingPathComponent("no-such-chromedriver").path
        let report = LockedBuild(options: options).run()

        let problems = report.captures.flatMap(\.diagnostics).filter { $0.severity == .error }
        // One per page that was to be printed; the driver is looked for once and not again.
        #expect(problems.map(\.code) == ["browser.driver-missing", "browser.driver-missing"])
        #expect(problems.first?.message.hasPrefix("guide.pdf was not printed: chromedriver was not found at") == true)
        #expect(problems.first?.hint?.contains("chromium-driver") == true)
        #expect(problems.first?.location?.file?.hasSuffix("reset-password.json") == true)
        #expect(report.hasErrors)

        let folder = out.appendingPathComponent("reset-password")
        for built in ["guide.html", "guide.md", "job-aid.html", "narration.txt"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(built).path), "\(built)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("guide.pdf").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("waymark.lock").path))
    }
}
