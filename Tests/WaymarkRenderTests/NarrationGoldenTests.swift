import Foundation
import Testing
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport
import WaymarkJSON

/// Golden files for all five narration outputs of every guide the tests know.
@Suite struct NarrationGoldenTests {
    @Test(arguments: NarrationFixtures.all.map(\.name))
    func narrationOutputsMatchGoldenFiles(name: String) throws {
        let guide = try #require(NarrationFixtures.all.first { $0.name == name }?.guide)
        let files = NarrationRenderer().render(guide)
        #expect(files.map(\.path) == NarrationRenderer.fileNames)
        for file in files {
            Snapshot.assert(String(decoding: file.contents, as: UTF8.self), named: file.path, group: "narration-\(name)")
        }
    }

    @Test func sameGuideGivesSameBytes() {
        for (_, guide) in NarrationFixtures.all {
            #expect(NarrationRenderer().render(guide) == NarrationRenderer().render(guide))
        }
    }

    @Test func optionsChangeTimingButNotWords() throws {
        let slow = NarrationRenderer(options: NarrationOptions(wordsPerMinute: 100, pauseSeconds: 2)).render(NarrationFixtures.expenseReport)
        let fast = NarrationRenderer(options: NarrationOptions(wordsPerMinute: 200, pauseSeconds: 0.5)).render(NarrationFixtures.expenseReport)
        let slowSSML = String(decoding: slow[1].contents, as: UTF8.self)
        let fastSSML = String(decoding: fast[1].contents, as: UTF8.self)
        #expect(slowSSML.contains("<break time=\"2000ms\"/>"))
        #expect(fastSSML.contains("<break time=\"500ms\"/>"))
        #expect(slowSSML.replacingOccurrences(of: "2000ms", with: "500ms") == fastSSML)
        let slowTotal = try #require(totalDuration(slow[4].contents))
        let fastTotal = try #require(totalDuration(fast[4].contents))
        #expect(slowTotal > fastTotal * 1.5)
    }

    @Test func shotListUsesTheImagesAsTheBuildPlacedThem() throws {
        let built = NarrationRenderer().render(
            NarrationFixtures.expenseReport,
            images: [2: ShotListImage(path: "images/step-02.webp", width: 1920, height: 1080)])
        let root = try JSONParser.parse([UInt8](built[4].contents))
        let steps = try #require(root["segments"]?.arrayValue).filter { $0["kind"]?.stringValue == "step" }
        #expect(steps[1]["screenshot"]?["path"]?.stringValue == "images/step-02.webp")
        #expect(steps[1]["screenshot"]?["width"]?.intValue == 1920)
        #expect(steps[1]["screenshot"]?["highlight"]?["x"]?.intValue == 980)
        // The build could not place step 1's picture: the shot list does not promise it.
        #expect(steps[0]["screenshot"]?.isNull == true)

        // Without the build's images: where the build places them, with the capture's sizes.
        let alone = try JSONParser.parse([UInt8](NarrationRenderer().render(NarrationFixtures.expenseReport)[4].contents))
        let aloneSteps = try #require(alone["segments"]?.arrayValue).filter { $0["kind"]?.stringValue == "step" }
        #expect(aloneSteps[0]["screenshot"]?["path"]?.stringValue == "images/step-01.png")
        #expect(aloneSteps[5]["screenshot"]?["path"]?.stringValue == "images/step-06.jpeg")
        #expect(aloneSteps[3]["screenshot"]?.isNull == true)
    }

    @Test func buildContextSetsSpeedPauseAndImages() throws {
        let context = RenderContext(images: [1: GuideImage(path: "images/step-01.png", width: 640, height: 400)],
                                    wordsPerMinute: 120, pauseSeconds: 1.5)
        let files = try NarrationRenderer().render(NarrationFixtures.expenseReport, context: context)
        let expected = NarrationRenderer(options: NarrationOptions(wordsPerMinute: 120, pauseSeconds: 1.5))
            .render(NarrationFixtures.expenseReport, images: [1: ShotListImage(path: "images/step-01.png", width: 640, height: 400)])
        #expect(files == expected)
        #expect(String(decoding: files[1].contents, as: UTF8.self).contains("<break time=\"1500ms\"/>"))
        #expect(throws: DiagnosticError.self) {
            try NarrationRenderer().render(NarrationFixtures.expenseReport, context: RenderContext(wordsPerMinute: 2000))
        }
    }

    @Test func runningTimeIsTheShotListTotal() throws {
        for (_, guide) in NarrationFixtures.all {
            let renderer = NarrationRenderer(options: NarrationOptions(wordsPerMinute: 170, pauseSeconds: 0.5))
            let total = try #require(totalDuration(renderer.render(guide)[4].contents))
            #expect(Int((total * 1000).rounded()) == renderer.runningMilliseconds(guide))
        }
    }

    private func totalDuration(_ data: Data) -> Double? {
        (try? JSONParser.parse([UInt8](data)))?["totalDuration"]?.doubleValue
    }
}
