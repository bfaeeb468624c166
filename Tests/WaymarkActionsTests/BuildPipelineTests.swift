import Foundation
import Testing
import WaymarkStaleness
@testable import WaymarkActions
import WaymarkImport
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport

/// The build engine: determinism, atomic writes, safe screenshots, duplicate ids, skipped files, secrets.
@Suite struct BuildPipelineTests {
    static func capture(_ id: String, steps: [Step]) -> Capture {
        Capture(id: id, title: "Capture \(id)", owner: "owner@example.com", steps: steps)
    }

    @Test func buildingTwiceGivesByteIdenticalTrees() throws {
        let (first, outA) = BuildTestSupport.build(["SampleCaptures"], jobs: 1)
        let (_, outB) = BuildTestSupport.build(["SampleCaptures"], jobs: 4)
        let a = BuildTestSupport.tree(outA), b = BuildTestSupport.tree(outB)
        #expect(!a.isEmpty)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between runs") }
        // Every file is a recorded output, except the dashboard's last-check.js and last-replay.js (check's and
        // replay's, created empty once) and each capture's step summary file (the lock records its digest).
        #expect(a.keys.contains("last-check.js") && a.keys.contains("last-replay.js"))
        let summaries = a.keys.filter { $0.hasSuffix("/" + StepSummaryFile.fileName) }.count
        #expect(summaries == first.captures.count)
        #expect(first.count(.written) == a.count - 2 - summaries)
        // Rebuilding into the same folder writes nothing.
        let (again, _) = BuildTestSupport.build(["SampleCaptures"], out: outA)
        #expect(again.count(.written) == 0)
        #expect(again.count(.unchanged) == a.count - 2 - summaries)
        #expect(BuildTestSupport.tree(outA) == a)
    }

    /// Captures are imported and built a batch at a time; ids are still claimed across batches in input order, and
    /// the report lists every capture once, in that order.
    @Test func idsAreClaimedAcrossImportBatches() throws {
        let count = BuildPipeline.importBatchPerWorker * 2 + 10
        var captures: [String: Capture] = [:]
        for n in 0..<count {
            let id = n == count - 1 ? "c-0000" : "c-\(String(format: "%04d", n))"
            captures[String(format: "f%04d.json", n)] = Self.capture(id, steps: [Step(action: .click, target: Target(label: "OK"))])
        }
        let folder = try BuildTestSupport.folder(with: captures)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, out) = BuildTestSupport.build([folder.path], jobs: 1)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(report.captures.map(\.id) == (0..<(count - 1)).map { "c-\(String(format: "%04d", $0))" })
        let duplicates = report.allDiagnostics.filter { $0.code == "capture.duplicate-id" }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.message.contains("f0000.json") == true)
        #expect(duplicates.first?.location?.file?.hasSuffix("f\(String(format: "%04d", count - 1)).json") == true)
    }

    @Test func reportIsInInputOrderWhateverTheJobs() {
        let (one, _) = BuildTestSupport.build(["SampleCaptures"], jobs: 1)
        let (many, _) = BuildTestSupport.build(["SampleCaptures"], jobs: 8)
        #expect(one.captures.map(\.id) == many.captures.map(\.id))
        #expect(one.allDiagnostics == many.allDiagnostics)
        #expect(one.captures.allSatisfy { $0.outputs.map(\.path).contains("\($0.id)/guide.md") })
    }

    @Test func noSensitiveValueOfAnySampleReachesAnyOutput() throws {
        let secrets = BuildTestSupport.sampleCaptures.flatMap(\.steps).filter(\.sensitive).compactMap(\.value)
        try #require(!secrets.isEmpty, "the samples hold no sensitive values to check")
        let (_, out) = BuildTestSupport.build(["SampleCaptures"], configure: { $0.selfContained = true })
        for (path, data) in BuildTestSupport.tree(out) {
            for secret in secrets {
                #expect(data.range(of: Data(secret.utf8)) == nil, "\(path) contains a sensitive value")
            }
        }
    }

    @Test func screenshotsNeverEscapeTheCaptureFolder() throws {
        let outside = Fixtures.temporaryDirectory("waymark-outside")
        try BuildTestSupport.png(width: 10, height: 10).write(to: outside.appendingPathComponent("secret.png"))
        let click = { (path: String) in
            Step(action: .click, target: Target(label: "Save"), screenshot: Screenshot(path: path, highlight: Rect(x: 0, y: 0, width: 5, height: 5)))
        }
        let folder = try BuildTestSupport.folder(
            with: [:], files: ["shots/ok.png": BuildTestSupport.png(width: 200, height: 100)])
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("shots/link.png"), withDestinationURL: outside.appendingPathComponent("secret.png"))
        // Built directly (not through an importer, which rejects some of these paths itself): the pipeline must hold
        // the line on its own, whatever an importer lets through.
        let capture = Self.capture("shots", steps: [
            click("shots/ok.png"), click("../secret.png"), click(outside.appendingPathComponent("secret.png").path),
            click("shots/link.png"), click("shots/missing.png"), click("shots/../../secret.png"),
        ])
        let out = Fixtures.temporaryDirectory()
        let pipeline = BuildPipeline(options: BuildOptions(inputs: [], outputDirectory: out))
        let result = pipeline.build(
            BuildPipeline.ImportedCapture(capture: capture, fileURL: folder.appendingPathComponent("c.json"), displayPath: "c.json"),
            templates: .builtIn, outputRoot: out)
        #expect(!result.diagnostics.hasErrors)
        let codes = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "image.outside-capture-folder" }.count == 4)
        #expect(codes.filter { $0 == "image.missing" }.count == 1)
        let tree = BuildTestSupport.tree(out)
        #expect(tree.keys.filter { $0.hasPrefix("shots/images/") } == ["shots/images/step-01.png"])
        let html = String(decoding: tree["shots/guide.html"] ?? Data(), as: UTF8.self)
        // Size read from the PNG header: the highlight box is scaled by it.
        #expect(html.contains("width=\"200\" height=\"100\""))
        #expect(html.contains("left:0.00%;top:0.00%;width:2.50%;height:5.00%"))
        #expect(!tree.values.contains(BuildTestSupport.png(width: 10, height: 10)))
    }

    @Test func embeddedScreenshotBytesAreWrittenWithoutReadingDisk() throws {
        let bytes = BuildTestSupport.png(width: 4, height: 2)
        let capture = Capture(id: "embedded", title: "Embedded", steps: [
            Step(action: .click, target: Target(label: "OK"), screenshot: Screenshot(path: "not-on-disk.jpg", embeddedData: bytes)),
        ])
        let pipeline = BuildPipeline(options: BuildOptions(inputs: [], outputDirectory: Fixtures.temporaryDirectory()))
        let folder = Fixtures.temporaryDirectory()
        let result = pipeline.build(
            BuildPipeline.ImportedCapture(capture: capture, fileURL: folder.appendingPathComponent("x.json"), displayPath: "x.json"),
            templates: .builtIn, outputRoot: pipeline.options.outputDirectory)
        #expect(result.outputs.map(\.path).contains("embedded/images/step-01.jpg"))
        let written = FileManager.default.contents(atPath: pipeline.options.outputDirectory.appendingPathComponent("embedded/images/step-01.jpg").path)
        #expect(written == bytes)
    }

    @Test func duplicateIdsAreAnErrorNamingBothFilesAndTheRestIsBuilt() throws {
        let folder = try BuildTestSupport.folder(with: [
            "a.json": Self.capture("same", steps: [Step(action: .click, target: Target(label: "A"))]),
            "b.json": Self.capture("same", steps: [Step(action: .click, target: Target(label: "B"))]),
            "c.json": Self.capture("other", steps: [Step(action: .click, target: Target(label: "C"))]),
        ])
        let (report, out) = BuildTestSupport.build([folder.path], base: folder)
        let duplicate = try #require(report.allDiagnostics.first { $0.code == "capture.duplicate-id" })
        #expect(duplicate.severity == .error)
        #expect(duplicate.message.contains("a.json") && duplicate.message.contains("b.json"))
        #expect(report.captures.map(\.id) == ["same", "other"])
        let guide = try String(contentsOf: out.appendingPathComponent("same/guide.md"), encoding: .utf8)
        #expect(guide.contains("Click **A**."))
    }

    @Test func filesNoImporterRecognisesAreSkippedWithANote() throws {
        let folder = try BuildTestSupport.folder(
            with: ["c.json": Self.capture("c", steps: [Step(action: .click, target: Target(label: "A"))])],
            files: ["package.json": Data("{\"name\": \"x\"}".utf8), "notes.xml": Data("<notes/>".utf8)])
        let (report, _) = BuildTestSupport.build([folder.path], base: folder)
        #expect(!report.hasErrors)
        #expect(report.diagnostics.filter { $0.code == "input.skipped" }.map { $0.location?.file } == ["notes.xml", "package.json"])
        #expect(report.captures.map(\.id) == ["c"])
    }

    @Test func noCapturesAtAllIsAnError() throws {
        let folder = try BuildTestSupport.folder(with: [:], files: ["notes.json": Data("{}".utf8)])
        let (report, _) = BuildTestSupport.build([folder.path], base: folder)
        #expect(report.diagnostics.map(\.code) == ["input.skipped", "input.none"])
        #expect(report.hasErrors)
    }

    @Test func aBrokenCaptureIsReportedAndTheOthersAreBuilt() throws {
        let folder = try BuildTestSupport.folder(
            with: ["good.json": Self.capture("good", steps: [Step(action: .click, target: Target(label: "A"))])],
            files: ["bad.json": Data("{\"waymark\": 1, \"id\": \"bad\", \"title\": ".utf8)])
        let (report, out) = BuildTestSupport.build([folder.path, folder.appendingPathComponent("bad.json").path], base: folder)
        #expect(report.hasErrors)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("good/guide.html").path))
    }

    @Test func ownersFromConfigurationFillCapturesWithoutOne() throws {
        var capture = Self.capture("owned", steps: [Step(action: .click, target: Target(label: "A"))])
        capture.owner = nil
        capture.application = "Northwind Expenses"
        let folder = try BuildTestSupport.folder(with: ["team/c.json": capture])
        let (report, out) = BuildTestSupport.build([folder.path], base: folder) {
            $0.configuration.owners = ["team": "team@example.com", "Northwind Expenses": "finance@example.com"]
        }
        #expect(!report.hasErrors)
        let guide = try String(contentsOf: out.appendingPathComponent("owned/guide.md"), encoding: .utf8)
        #expect(guide.contains("owner: \"finance@example.com\""))
        #expect(ProjectConfiguration(owners: ["team": "t@x", "team/sub": "s@x"])
            .defaultOwner(sourcePath: "team/sub/c.json", application: nil) == "s@x")
    }

    @Test func templateOverridesReplaceFilesByName() throws {
        let templates = Fixtures.temporaryDirectory("waymark-templates")
        try Data("{{% CONTENT_TYPE: TEXT }}\nJOB AID {{title}}\n".utf8).write(to: templates.appendingPathComponent("job-aid.md.mustache"))
        try Data("stray".utf8).write(to: templates.appendingPathComponent("guide.mustache"))
        let folder = try BuildTestSupport.folder(with: ["c.json": Self.capture("t", steps: [Step(action: .click, target: Target(label: "A"))])])
        let (report, out) = BuildTestSupport.build([folder.path], base: folder) { $0.templatesDirectory = templates }
        #expect(try String(contentsOf: out.appendingPathComponent("t/job-aid.md"), encoding: .utf8) == "JOB AID Capture t\n")
        #expect(report.diagnostics.map(\.code) == ["template.unused"])
        let broken = Fixtures.temporaryDirectory("waymark-templates")
        try Data("{{#open}}".utf8).write(to: broken.appendingPathComponent("guide.md.mustache"))
        let (failed, _) = BuildTestSupport.build([folder.path], base: folder) { $0.templatesDirectory = broken }
        #expect(failed.diagnostics.map(\.code) == ["template.syntax"])
        #expect(failed.captures.isEmpty)
    }

    @Test func writeGuardKeepsFilesItProtects() throws {
        let folder = try BuildTestSupport.folder(with: ["c.json": Self.capture("g", steps: [Step(action: .click, target: Target(label: "A"))])])
        let out = Fixtures.temporaryDirectory()
        _ = BuildTestSupport.build([folder.path], out: out, base: folder)
        let guideURL = out.appendingPathComponent("g/guide.md")
        try Data("edited by hand\n".utf8).write(to: guideURL)
        var pipeline = BuildPipeline(options: BuildOptions(inputs: [folder.path], outputDirectory: out, baseDirectory: folder))
        pipeline.writeGuard = { path, _ in Diagnostic(.outputEdited, "\(path) was edited by hand; left alone.") }
        let report = pipeline.run()
        #expect(report.allOutputs.first { $0.path == "g/guide.md" }?.status == .kept)
        #expect(try String(contentsOf: guideURL, encoding: .utf8) == "edited by hand\n")
        pipeline.options.force = true
        _ = pipeline.run()
        #expect(try String(contentsOf: guideURL, encoding: .utf8) != "edited by hand\n")
    }

    /// An output written without fsync can come back empty after a power cut; an empty file holds no edit to
    /// keep, so the next build writes it again instead of reporting it as edited by hand.
    @Test func anEmptyOutputIsRewrittenNotKept() throws {
        let folder = try BuildTestSupport.folder(with: ["c.json": Self.capture("g", steps: [Step(action: .click, target: Target(label: "A"))])])
        let out = Fixtures.temporaryDirectory()
        _ = BuildTestSupport.build([folder.path], out: out, base: folder)
        let guideURL = out.appendingPathComponent("g/guide.md")
        let built = try Data(contentsOf: guideURL)
        try Data().write(to: guideURL)
        var pipeline = BuildPipeline(options: BuildOptions(inputs: [folder.path], outputDirectory: out, baseDirectory: folder))
        pipeline.writeGuard = { path, _ in Diagnostic(.outputEdited, "\(path) was edited by hand; left alone.") }
        let report = pipeline.run()
        #expect(report.allOutputs.first { $0.path == "g/guide.md" }?.status == .written)
        #expect(report.diagnostics.allSatisfy { $0.code != "output.edited" })
        #expect(try Data(contentsOf: guideURL) == built)
    }
}
