import Testing
import Foundation
@testable import WaymarkActions
import WaymarkModel
import WaymarkPackaging

/// `--package pdf`, `paper:` in waymark.yml and `--paper` on the command line, and what they do to the settings
/// hash that decides incremental rebuilds.
@Suite struct PDFSettingsTests {
    @Test func readsPaperAndThePDFPackage() throws {
        let config = try ConfigurationLoader.parse("packages: [pdf, scorm12]\npaper: Letter\n", file: "waymark.yml")
        #expect(config.packages == [.scorm12, .pdf])
        #expect(config.paper == .letter)
        #expect(try ConfigurationLoader.parse("packages: pdf\n", file: "w.yml").paper == nil)
        #expect(try PaperSize.parse(" A4 ") == .a4)
    }

    @Test func anUnknownPaperIsAnErrorAtItsPosition() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigurationLoader.parse("packages: [pdf]\npaper: legal\n", file: "waymark.yml")
        }
        let found = (error?.diagnostics ?? []).map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" }
        #expect(found == ["2:8 package.paper"])
        #expect(error?.diagnostics.first?.message == "'legal' is not a paper size Waymark prints on.")
        #expect(error?.diagnostics.first?.hint == "Use a4 or letter.")
    }

    @Test func theCommandLineWinsOverWaymarkYmlAndA4IsTheDefault() throws {
        var request = BuildAction.Request()
        request.packages = ["pdf"]
        let plain = Project(workingDirectory: URL(fileURLWithPath: "/tmp"), configuration: ProjectConfiguration())
        #expect(try BuildAction.options(for: request, in: plain).paper == .a4)
        #expect(try BuildAction.options(for: request, in: plain).packages == [.pdf])

        var configuration = ProjectConfiguration()
        configuration.paper = .letter
        let letterProject = Project(workingDirectory: URL(fileURLWithPath: "/tmp"), configuration: configuration)
        #expect(try BuildAction.options(for: request, in: letterProject).paper == .letter)
        request.paper = "a4"
        #expect(try BuildAction.options(for: request, in: letterProject).paper == .a4)
        request.paper = "tabloid"
        let error = #expect(throws: DiagnosticError.self) { try BuildAction.options(for: request, in: letterProject) }
        #expect(error?.diagnostics.map(\.code) == ["package.paper"])
    }

    @Test func paperShapesTheSettingsHashOnlyWhenPDFsArePrinted() {
        let plain = BuildOptions(inputs: [], outputDirectory: .init(fileURLWithPath: "/tmp/out"))
        var letterWithoutPDF = plain
        letterWithoutPDF.paper = .letter
        // Paper alone changes nothing a build writes, so it must not rebuild anything.
        #expect(letterWithoutPDF.settingsHash == plain.settingsHash)
        var a4 = plain
        a4.packages = [.pdf]
        var letter = a4
        letter.paper = .letter
        #expect(Set([plain.settingsHash, a4.settingsHash, letter.settingsHash]).count == 3)
    }

    @Test func onlyLMSPackagesMakeTheRendererRunOrCarryImageBytes() {
        var options = BuildOptions(inputs: [], outputDirectory: .init(fileURLWithPath: "/tmp/out"))
        options.packages = [.pdf]
        #expect(BuildPipeline(options: options).packageRenderers.isEmpty)
        options.packages = [.cmi5, .pdf]
        #expect(BuildPipeline(options: options).packageRenderers.count == 1)
    }
}
