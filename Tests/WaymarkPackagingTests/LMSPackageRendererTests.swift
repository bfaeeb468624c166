import Foundation
import Testing
import WaymarkModel
import WaymarkRender
import WaymarkTestSupport
import ZIPFoundation
@testable import WaymarkPackaging

/// The archives themselves: names, entry order, determinism, and what the page inside holds.
@Suite struct LMSPackageRendererTests {
    static let capture = Capture(
        id: "file-expenses", title: "File your expenses", steps: [
            Step(action: .navigate, url: "https://expenses.example/"),
            Step(action: .click, target: Target(label: "New report", role: "button")),
            Step(action: .type, target: Target(label: "Amount", role: "textbox"), value: "42.50"),
            Step(action: .click, target: Target(label: "Receipts", role: "tab")),
            Step(action: .type, target: Target(label: "Card number", role: "textbox"), value: "4111 1111 1111 1111", sensitive: true),
            Step(action: .click, target: Target(label: "Submit", role: "button")),
            Step(action: .click, target: Target(label: "Done", role: "button")),
        ])

    static func render(kinds: [PackageKind] = PackageKind.allCases, quiz: QuizMode = .always) throws -> [RenderedFile] {
        var context = RenderContext(quiz: quiz)
        context.stylesheetHref = "../assets/waymark.css"
        return try LMSPackageRenderer(kinds: kinds).render(StepPhraser().phrase(capture), context: context)
    }

    static func entries(_ file: RenderedFile) throws -> [(path: String, data: Data)] {
        let archive = try Archive(data: file.contents, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    @Test func onePackagePerKindNamedAfterTheCapture() throws {
        let files = try Self.render()
        #expect(files.map(\.path) == ["file-expenses-scorm12.zip", "file-expenses-cmi5.zip"])
        #expect(try LMSPackageRenderer(kinds: []).render(StepPhraser().phrase(Self.capture), context: RenderContext()).isEmpty)
    }

    @Test func archivesAreByteIdenticalOnEveryRun() throws {
        #expect(try Self.render() == (try Self.render()))
    }

    @Test func descriptionFirstThenEveryFileByPath() throws {
        let scorm = try Self.entries(try Self.render(kinds: [.scorm12])[0]).map(\.path)
        #expect(scorm.first == "imsmanifest.xml")
        #expect(Array(scorm.dropFirst()) == scorm.dropFirst().sorted())
        #expect(Set(scorm).isSuperset(of: SCORM12Manifest.schemaFiles + ["guide.html", "job-aid.html", "assets/waymark-scorm12.js"]))
        let cmi5 = try Self.entries(try Self.render(kinds: [.cmi5])[0]).map(\.path)
        #expect(cmi5.first == "cmi5.xml")
        #expect(cmi5.contains("assets/waymark-cmi5.js") && !cmi5.contains("imscp_rootv1p1p2.xsd"))
    }

    @Test func thePageHasTheQuizButNoAnswerKeyInItsTextAndNoSecret() throws {
        let entries = try Self.entries(try Self.render(kinds: [.scorm12])[0])
        let page = String(decoding: try #require(entries.first { $0.path == "guide.html" }).data, as: UTF8.self)
        #expect(page.contains(#"<form class="wm-quiz" novalidate>"#))
        #expect(page.contains("<legend>"))
        #expect(!page.contains("**Answers:**") && !page.contains("Answers:"))
        #expect(!page.contains("All guides"))  // no dashboard in a package
        #expect(page.contains(#"<link rel="stylesheet" href="assets/waymark.css">"#))
        #expect(page.contains(#"<script src="assets/waymark-scorm12.js"></script>"#))
        #expect(page.contains(#""standard":"scorm12""#))
        for entry in entries { #expect(!String(decoding: entry.data, as: UTF8.self).contains("4111 1111")) }
    }

    @Test func noQuizWhenSwitchedOff() throws {
        let entries = try Self.entries(try Self.render(kinds: [.scorm12], quiz: .never)[0])
        let page = String(decoding: try #require(entries.first { $0.path == "guide.html" }).data, as: UTF8.self)
        #expect(!page.contains("wm-quiz-question"))
        #expect(page.contains(#""answers":[]"#))
        let manifest = String(decoding: try #require(entries.first { $0.path == "imsmanifest.xml" }).data, as: UTF8.self)
        #expect(!manifest.contains("masteryscore"))
    }

    @Test func insertionFallsBackToTheEndForPagesWithoutTheTags() {
        #expect(CoursePage.insert("<x>", before: "</main>", in: "<p>plain</p>", last: true) == "<p>plain</p><x>")
        #expect(CoursePage.insert("<x>", before: "</main>", in: "a</main>b</main>", last: true) == "a</main>b<x></main>")
    }
}
