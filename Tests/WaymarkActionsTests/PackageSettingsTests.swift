import Testing
import Foundation
@testable import WaymarkActions
import WaymarkModel
import WaymarkPackaging

/// `packages:` and `mastery_score:` in waymark.yml, `--package` on the command line, and what they do to the
/// settings hash that decides incremental rebuilds.
@Suite struct PackageSettingsTests {
    @Test func readsPackagesAndMasteryScore() throws {
        let config = try ConfigurationLoader.parse("packages: [cmi5, scorm12, cmi5]\nmastery_score: 75\n", file: "waymark.yml")
        #expect(config.packages == [.scorm12, .cmi5])
        #expect(config.masteryScore?.percent == 75)
        #expect(try ConfigurationLoader.parse("packages: scorm12\n", file: "w.yml").packages == [.scorm12])
    }

    @Test func badEntriesAreErrorsAtTheirPosition() {
        let yaml = "out: site\npackages:\n  - scorm12\n  - xapi\nmastery_score: eighty\n"
        let error = #expect(throws: DiagnosticError.self) { try ConfigurationLoader.parse(yaml, file: "waymark.yml") }
        let found = (error?.diagnostics ?? []).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" }
        #expect(found == ["4:5 package.unknown-kind", "5:16 package.mastery-score"])
    }

    @Test func theCommandLineReplacesTheConfiguredList() throws {
        var configuration = ProjectConfiguration()
        configuration.packages = [.cmi5]
        let project = Project(workingDirectory: URL(fileURLWithPath: "/tmp"), configuration: configuration)
        var request = BuildAction.Request()
        #expect(try BuildAction.options(for: request, in: project).packages == [.cmi5])
        request.packages = ["scorm12"]
        #expect(try BuildAction.options(for: request, in: project).packages == [.scorm12])
        request.packages = ["xapi"]
        #expect(throws: DiagnosticError.self) { try BuildAction.options(for: request, in: project) }
    }

    @Test func packageSettingsShapeTheSettingsHashOnlyWhenUsed() {
        let plain = BuildOptions(inputs: [], outputDirectory: .init(fileURLWithPath: "/tmp/out"))
        var packaged = plain
        packaged.packages = [.scorm12]
        var stricter = packaged
        stricter.configuration.masteryScore = MasteryScore(percent: 90)
        let hashes = [plain.settingsHash, packaged.settingsHash, stricter.settingsHash]
        #expect(Set(hashes).count == 3)
        // A build without packages keeps the hash locks recorded before packages existed (that of the six default
        // settings), so upgrading Waymark does not rebuild every guide.
        #expect(plain.settingsHash == "4420ec106fd1446f")
    }
}
