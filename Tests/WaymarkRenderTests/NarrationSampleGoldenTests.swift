import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport

/// Golden files for all five narration outputs of every sample capture in `SampleCaptures/` (the native JSON
/// copy of each; the XML copies carry the same model).
@Suite struct NarrationSampleGoldenTests {
    static var sampleFiles: [URL] { Fixtures.files(under: Fixtures.sampleCaptures, extensions: ["json"]) }

    @Test func everySampleHasGoldenNarration() throws {
        #expect(!Self.sampleFiles.isEmpty, "SampleCaptures has no JSON captures")
        for url in Self.sampleFiles {
            let input = try CaptureInput.load(url, displayPath: "SampleCaptures/" + url.lastPathComponent)
            let result = CaptureReader().read(input)
            #expect(!result.hasErrors, "\(url.lastPathComponent): \(result.diagnostics)")
            for capture in result.captures {
                let files = NarrationRenderer().render(StepPhraser().phrase(capture))
                #expect(files.map(\.path) == NarrationRenderer.fileNames)
                for file in files {
                    Snapshot.assert(String(decoding: file.contents, as: UTF8.self), named: file.path, group: "sample-\(capture.id)")
                }
            }
        }
    }
}
