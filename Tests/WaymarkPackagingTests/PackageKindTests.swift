import Testing
import WaymarkModel
import WaymarkRender
@testable import WaymarkPackaging

@Suite struct PackageKindTests {
    @Test func namesParseInAFixedOrderWithoutRepeats() throws {
        #expect(try PackageKind.parse(["cmi5", "SCORM12", " scorm12 "]) == [.scorm12, .cmi5])
        #expect(try PackageKind.parse(["pdf", "cmi5", "PDF"]) == [.cmi5, .pdf])
        #expect(PackageKind.cmi5.archiveName(captureID: "reset-password") == "reset-password-cmi5.zip")
    }

    @Test func pdfIsAPackageButNotAnLMSArchive() throws {
        #expect(!PackageKind.pdf.isLMSPackage)
        #expect(PackageKind.pdf.archiveName(captureID: "reset-password") == nil)
        #expect(PackageKind.allCases.filter(\.isLMSPackage) == [.scorm12, .cmi5])
        // The LMS renderer leaves the PDFs to the build: asked for pdf alone, it writes nothing.
        let guide = StepPhraser().phrase(Capture(id: "x", title: "X", steps: [Step(action: .click, target: Target(label: "OK", role: "button"))]))
        #expect(try LMSPackageRenderer(kinds: [.pdf]).render(guide, context: RenderContext()).isEmpty)
    }

    @Test func anUnknownKindIsADiagnosticWithItsCode() {
        do {
            _ = try PackageKind.parse(["scorm2004"], at: SourceLocation(file: "waymark.yml", line: 3, column: 14))
            Issue.record("scorm2004 was accepted")
        } catch {
            #expect(error.diagnostics.map(\.code) == [DiagnosticCode.packageUnknownKind.id])
            #expect(error.diagnostics.first?.location?.line == 3)
            #expect(error.diagnostics.first?.hint == "Use scorm12, cmi5 or pdf.")
        }
    }

    @Test func masteryScoresArePercentagesWithAnExactScaledForm() throws {
        #expect(try MasteryScore.parse("80").scaled == "0.8")
        #expect(MasteryScore(percent: 5)?.scaled == "0.05")
        #expect(MasteryScore(percent: 100)?.scaled == "1")
        #expect(MasteryScore(percent: 0)?.scaled == "0")
        #expect(MasteryScore(percent: 101) == nil)
        for bad in ["101", "-1", "0.8", "eighty", ""] {
            #expect(throws: DiagnosticError.self) { try MasteryScore.parse(bad) }
        }
    }

    @Test func theCaptureScoreWinsOverTheProjectDefault() {
        var capture = Capture(id: "x", title: "X")
        #expect(MasteryScore.forCapture(capture, projectDefault: .default).percent == 80)
        capture.masteryScore = 65
        #expect(MasteryScore.forCapture(capture, projectDefault: MasteryScore(percent: 90)!).percent == 65)
    }

    @Test func identifiersAreValidNCNamesAndIRIsForAnyCaptureID() {
        let identity = PackageIdentity(captureID: "2027-q1-close")
        #expect(identity.manifestIdentifier == "waymark-2027-q1-close")
        #expect(identity.resourceIdentifier.first?.isLetter == true)
        #expect(identity.auIRI == "urn:waymark:course:2027-q1-close:au:guide")
        #expect(PackageIdentity(captureID: "Not A Slug!").captureID == "not-a-slug")
    }
}
