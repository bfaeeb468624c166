import Foundation
import Testing
import WaymarkTestSupport

/// `waymark import --out` keeps the screenshots a Steps Recorder file carries inside it.
@Suite struct ImportEmbeddedScreenshotsTests {
    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing)) func stepsRecorderScreenshotsAreWrittenBesideTheConvertedCapture() throws {
        let shared = try #require(Fixtures.shared)
        let zip = shared.appendingPathComponent("captures/psr/microsoft-UFO__sample_record.zip")
        let out = Fixtures.temporaryDirectory("import-psr")
        let result = try CLIRunner.run(["import", zip.path, "--out", out.path])
        #expect(result.status == 0, "\(result)")

        let files = Fixtures.files(under: out).map { String($0.path.dropFirst(out.path.count + 1)) }
        let images = files.filter { $0.hasPrefix("images/") }
        #expect(images.count == 7, "\(files)")
        for image in images {
            let bytes = try Data(contentsOf: out.appendingPathComponent(image))
            #expect(bytes.starts(with: [0xFF, 0xD8]), "\(image) is not a JPEG")
        }

        // The converted capture points at those files and validates without missing-image warnings.
        let json = try #require(files.first { $0.hasSuffix(".json") })
        let text = try String(contentsOf: out.appendingPathComponent(json), encoding: .utf8)
        for image in images { #expect(text.contains("\"\(image)\"")) }
        let validate = try CLIRunner.run(["validate", out.appendingPathComponent(json).path])
        #expect(validate.status == 0, "\(validate)")
        #expect(!validate.stderr.contains("image"), "\(validate)")
    }

    @Test(.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing)) func printingWarnsThatEmbeddedScreenshotsCannotBeKept() throws {
        let shared = try #require(Fixtures.shared)
        let zip = shared.appendingPathComponent("captures/psr/microsoft-UFO__sample_record.zip")
        let result = try CLIRunner.run(["import", zip.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("import.embedded-screenshots-dropped"))
        #expect(result.stderr.contains("--out DIR"))
    }
}
