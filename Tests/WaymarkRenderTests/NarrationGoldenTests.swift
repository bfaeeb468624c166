import Foundation
import Testing
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport

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
        let files = NarrationRenderer().render(
            NarrationFixtures.expenseReport,
            images: [2: ShotListImage(path: "images/step-02.webp", width: 1920, height: 1080)])
        let root = try JSONParser.parse([UInt8](files[4].contents))
        let steps = try #require(root["segments"]?.arrayValue).filter { $0["kind"]?.stringValue == "step" }
        #expect(steps[1]["screenshot"]?["path"]?.stringValue == "images/step-02.webp")
        #expect(steps[1]["screenshot"]?["width"]?.intValue == 1920)
        #expect(steps[1]["screenshot"]?["highlight"]?["x"]?.intValue == 980)
        // Without an entry: where the build places it, with the capture's size.
        #expect(steps[0]["screenshot"]?["path"]?.stringValue == "images/step-01.png")
        #expect(steps[3]["screenshot"]?.isNull == true)
    }

    private func totalDuration(_ data: Data) -> Double? {
        (try? JSONParser.parse([UInt8](data)))?["totalDuration"]?.doubleValue
    }
}
