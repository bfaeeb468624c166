import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport
@testable import WaymarkPackaging

/// Golden files for `imsmanifest.xml` and `cmi5.xml` of every sample capture and of a capture with a hostile title,
/// made through the renderer as the build makes them. xmllint validates the same files against the official XSDs in
/// Tests/consumers/test_packages.py.
@Suite struct PackageDescriptionTests {
    static func sampleCaptures() throws -> [Capture] {
        try Fixtures.files(under: Fixtures.sampleCaptures, extensions: ["json"]).flatMap { url in
            CaptureReader().read(try CaptureInput.load(url, displayPath: "SampleCaptures/" + url.lastPathComponent)).captures
        }
    }

    static let hostile = Capture(
        id: "7-odd", title: "Bestellung \"prüfen\" <A&B> ]]> 東京 it's", purpose: "Line one\n  and <two> & ]]>",
        language: "de-CH",
        steps: [
            Step(action: .navigate, url: "https://orders.example/"),
            Step(action: .click, target: Target(label: "Prüfen")),
        ],
        masteryScore: 65)

    /// The description file of each package kind, as packed into the archive.
    static func descriptions(_ capture: Capture, masteryScore: MasteryScore = .default) throws -> [String: String] {
        let guide = StepPhraser().phrase(capture)
        var images: [Int: GuideImage] = [:]
        for step in guide.steps where step.screenshot != nil {
            images[step.number] = GuideImage(
                path: GuideImage.outputPath(stepNumber: step.number, sourcePath: step.screenshot!.path), data: Data([1, 2, 3]))
        }
        let contents = try PackageContents(
            guide: guide, context: RenderContext(images: images),
            masteryScore: MasteryScore.forCapture(capture, projectDefault: masteryScore))
        var out: [String: String] = [:]
        for kind in PackageKind.allCases where kind.isLMSPackage {
            let first = try #require(try contents.files(for: kind).first)
            out[first.path] = String(decoding: first.contents, as: UTF8.self)
        }
        return out
    }

    @Test func everySampleHasGoldenDescriptions() throws {
        let captures = try Self.sampleCaptures()
        #expect(captures.count == 6)
        for capture in captures {
            for (name, text) in try Self.descriptions(capture) {
                Snapshot.assert(text, named: name, group: "sample-\(capture.id)")
            }
        }
    }

    @Test func hostileTitlesAreEscapedOnce() throws {
        let files = try Self.descriptions(Self.hostile)
        for (name, text) in files { Snapshot.assert(text, named: name, group: "hostile") }
        let manifest = try #require(files["imsmanifest.xml"])
        #expect(manifest.contains("<title>Bestellung \"prüfen\" &lt;A&amp;B&gt; ]]&gt; 東京 it's</title>"))
        #expect(manifest.contains(#"identifier="waymark-7-odd""#))
        let structure = try #require(files["cmi5.xml"])
        #expect(structure.contains(#"<langstring lang="de-CH">Line one and &lt;two&gt; &amp; ]]&gt;</langstring>"#))
        // Two steps: no knowledge check, so no mastery score although the capture names one.
        #expect(!manifest.contains("masteryscore"))
        #expect(structure.contains(#"moveOn="Completed" launchMethod"#))
    }

    @Test func theCapturesMasteryScoreReachesBothFiles() throws {
        var capture = try #require(try Self.sampleCaptures().first { $0.id == "reset-password" })
        capture.masteryScore = 65
        let files = try Self.descriptions(capture, masteryScore: MasteryScore(percent: 90)!)
        #expect(files["imsmanifest.xml"]?.contains("<adlcp:masteryscore>65</adlcp:masteryscore>") == true)
        #expect(files["cmi5.xml"]?.contains(#"masteryScore="0.65""#) == true)
    }
}
