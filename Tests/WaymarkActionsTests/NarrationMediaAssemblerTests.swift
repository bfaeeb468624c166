import Foundation
import WaymarkTestSupport
import Testing
import WaymarkActions
import WaymarkModel
import WaymarkRender
import WaymarkJSON

/// The pure parts of audio/video assembly (which picture, how long) and the missing-tool diagnostics.
@Suite struct NarrationMediaAssemblerTests {
    static let shotList = """
    {
      "segments": [
        {"kind": "intro", "start": 0.000, "end": 4.000, "screenshot": null},
        {"kind": "step", "number": 1, "start": 4.800, "end": 7.000, "screenshot": {"path": "images/step-01.png", "width": 641, "height": 400}},
        {"kind": "step", "number": 2, "start": 7.800, "end": 9.000, "screenshot": null},
        {"kind": "step", "number": 3, "start": 9.800, "end": 12.000, "screenshot": {"path": "images/step-03.jpg", "width": 800, "height": 599}},
        {"kind": "outro", "start": 12.800, "end": 15.500}
      ],
      "totalDuration": 15.500
    }
    """

    @Test func eachScreenStaysUpUntilTheNextPartStarts() throws {
        let root = try JSONParser.parse(Self.shotList)
        let shots = NarrationMediaAssembler.shots(fromShotList: root)
        // The intro borrows step 1's screen; step 2 keeps it; the outro keeps step 3's.
        #expect(shots == [
            .init(image: "images/step-01.png", milliseconds: 9800),
            .init(image: "images/step-03.jpg", milliseconds: 5700),
        ])
        #expect(shots.reduce(0) { $0 + $1.milliseconds } == 15_500)
    }

    @Test func concatListRepeatsTheLastPictureAndQuotesPaths() {
        let list = NarrationMediaAssembler.concatList(
            [.init(image: "images/step-01.png", milliseconds: 9800), .init(image: "images/step-03.jpg", milliseconds: 5700)],
            folder: URL(fileURLWithPath: "/tmp/o'brien"))
        #expect(list == """
            ffconcat version 1.0
            file '/tmp/o'\\''brien/images/step-01.png'
            duration 9.800
            file '/tmp/o'\\''brien/images/step-03.jpg'
            duration 5.700
            file '/tmp/o'\\''brien/images/step-03.jpg'

            """)
    }

    @Test func highlightsAreScaledIntoTheFrameAndShownWhileTheirStepIsUp() throws {
        let root = try JSONParser.parse("""
            {"segments": [
              {"kind": "step", "number": 1, "start": 0.000, "end": 2.000,
               "screenshot": {"path": "images/step-01.png", "width": 640, "height": 400,
                              "highlight": {"x": 100, "y": 50, "width": 40, "height": 20}}},
              {"kind": "step", "number": 2, "start": 2.800, "end": 4.000,
               "screenshot": {"path": "images/step-02.png", "width": 320, "height": 400,
                              "highlight": {"x": 10, "y": 10, "width": 30, "height": 30}}},
              {"kind": "step", "number": 3, "start": 4.800, "end": 6.000,
               "screenshot": {"path": "images/step-03.png", "width": 640, "height": 400, "highlight": null}}
            ], "totalDuration": 6.000}
            """)
        #expect(NarrationMediaAssembler.highlightFilters(fromShotList: root, frameWidth: 640, frameHeight: 400) == [
            "drawbox=x=100:y=50:w=40:h=20:color=orange@0.9:t=3:enable='between(t,0.000,2.800)'",
            // A narrower picture is centred: offset 160 px.
            "drawbox=x=170:y=10:w=30:h=30:color=orange@0.9:t=3:enable='between(t,2.800,4.800)'",
        ])
        #expect(NarrationMediaAssembler.highlightFilters(fromShotList: root, frameWidth: 1280, frameHeight: 800).first
                == "drawbox=x=200:y=100:w=80:h=40:color=orange@0.9:t=3:enable='between(t,0.000,2.800)'")
    }

    @Test func noScreenshotsMeansNoShots() throws {
        let root = try JSONParser.parse(#"{"segments": [{"kind": "intro", "start": 0, "end": 2}], "totalDuration": 2}"#)
        #expect(NarrationMediaAssembler.shots(fromShotList: root).isEmpty)
    }

    @Test func missingToolsAreDiagnosticsNotCrashes() {
        let assembler = NarrationMediaAssembler(searchPath: Fixtures.temporaryDirectory("no-tools").path)
        #expect(assembler.locate("espeak-ng") == nil)
        do {
            try assembler.renderAudio(in: Fixtures.temporaryDirectory(), wordsPerMinute: 150)
            Issue.record("renderAudio succeeded without espeak-ng")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["narration.tool-missing"])
            #expect(error.diagnostics.first?.message.contains("espeak-ng") == true)
        }
        do {
            try assembler.assembleVideo(in: Fixtures.temporaryDirectory(), wordsPerMinute: 150)
            Issue.record("assembleVideo succeeded without ffmpeg")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["narration.tool-missing"])
            #expect(error.diagnostics.first?.message.contains("ffmpeg") == true)
        }
    }

    @Test func screenshotsAreCopiedOnlyFromInsideTheCaptureFolder() throws {
        let root = Fixtures.temporaryDirectory("narration-shots")
        let captureFolder = root.appendingPathComponent("captures")
        try FileManager.default.createDirectory(at: captureFolder.appendingPathComponent("shots"), withIntermediateDirectories: true)
        try Data("inside".utf8).write(to: captureFolder.appendingPathComponent("shots/one.PNG"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.png"))
        try FileManager.default.createSymbolicLink(
            at: captureFolder.appendingPathComponent("shots/link.png"), withDestinationURL: root.appendingPathComponent("secret.png"))
        func step(_ n: Int, _ shot: Screenshot) -> PhrasedStep {
            PhrasedStep(number: n, sourceIndices: [n - 1], instruction: Instruction([.text("Click.")]), screenshot: shot, action: .click)
        }
        let guide = PhrasedGuide(capture: Capture(id: "x", title: "X"), sections: [GuideSection(title: nil, steps: [
            step(1, Screenshot(path: "shots/one.PNG")),
            step(2, Screenshot(path: "../secret.png")),
            step(3, Screenshot(path: "/etc/passwd")),
            step(4, Screenshot(path: "shots/link.png")),
            step(5, Screenshot(path: "shots/missing.png")),
            step(6, Screenshot(path: "embedded.jpg", embeddedData: Data([0xFF, 0xD8]))),
        ])])
        let result = NarrationMediaAssembler.screenshotFiles(for: guide, captureFolder: captureFolder)
        #expect(result.files.map(\.path) == ["images/step-01.png", "images/step-06.jpg"])
        #expect(result.files.first?.contents == Data("inside".utf8))
        #expect(result.diagnostics.map(\.code) == ["narration.image-path", "narration.image-path", "narration.image-path", "narration.image-missing"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }
}
