import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport
import Yams
@testable import WaymarkRender

/// Golden files for every output kind of the captures built in code, plus the properties each output must keep.
@Suite struct GuideRenderingTests {
    static func context(for guide: PhrasedGuide, selfContained: Bool = false) -> RenderContext {
        var images: [Int: GuideImage] = [:]
        for step in guide.steps {
            guard let shot = step.screenshot else { continue }
            images[step.number] = GuideImage(
                path: GuideImage.outputPath(stepNumber: step.number, sourcePath: shot.path),
                width: shot.width, height: shot.height, data: selfContained ? Data([0x89, 0x50, 0x4E, 0x47]) : nil)
        }
        return RenderContext(images: images, fingerprint: "sha256:0123456789abcdef", sourcePath: guide.capture.source.path,
                             selfContained: selfContained)
    }

    static func files(_ capture: Capture) throws -> [String: String] {
        let guide = StepPhraser().phrase(capture)
        let context = context(for: guide)
        var out: [String: String] = [:]
        for renderer in [GuideRenderer(), JobAidRenderer()] as [any MaterialRenderer] {
            for file in try renderer.render(guide, context: context) {
                out[file.path] = String(decoding: file.contents, as: UTF8.self)
            }
        }
        return out
    }

    @Test(arguments: CapturesInCode.all.map(\.id))
    func goldenFiles(id: String) throws {
        let capture = try #require(CapturesInCode.all.first { $0.id == id })
        let files = try Self.files(capture)
        #expect(files.keys.sorted() == ["guide.html", "guide.md", "job-aid.html", "job-aid.md"])
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            Snapshot.assert(text, named: name, group: "in-code/\(id)")
        }
    }

    @Test func dashboardGoldenFiles() {
        let entries = CapturesInCode.all.map { capture -> DashboardEntry in
            let guide = StepPhraser().phrase(capture)
            return DashboardEntry(guide: guide, context: Self.context(for: guide))
        }
        for file in DashboardRenderer().render(entries) {
            Snapshot.assert(String(decoding: file.contents, as: UTF8.self), named: file.path, group: "in-code/dashboard")
        }
    }

    @Test func frontMatterIsValidYAMLWithTheRightValues() throws {
        for capture in CapturesInCode.all {
            let markdown = try #require(try Self.files(capture)["guide.md"])
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "---")
            let end = try #require(lines.dropFirst().firstIndex(of: "---"))
            let yaml = lines[1..<end].joined(separator: "\n")
            let parsed = try #require(try Yams.load(yaml: yaml) as? [String: Any])
            #expect(parsed["title"] as? String == capture.title)
            #expect(parsed["id"] as? String == capture.id)
            #expect(parsed["owner"] as? String == capture.owner)
            #expect(parsed["generator"] as? String == "waymark \(WaymarkVersion.current)")
            #expect(parsed["fingerprint"] as? String == "sha256:0123456789abcdef")
        }
    }

    @Test func hostileLabelsRenderAsText() throws {
        let files = try Self.files(CapturesInCode.hostileLabels)
        let page = try #require(files["guide.html"])
        // The template's own script (progressive enhancement) is the only script: remove it, then nothing may remain.
        let template = try #require(TemplateSet.builtIn.sources["guide.html.mustache"])
        let ownScript = try #require(template.range(of: "<script>").flatMap { start in
            template.range(of: "</script>", range: start.upperBound..<template.endIndex).map { template[start.lowerBound..<$0.upperBound] }
        })
        #expect(page.contains(ownScript))
        let html = page.replacingOccurrences(of: ownScript, with: "")
        for forbidden in ["<script", "<img src=x", "<i>c</i>", "<b>App</b>", "<!-- comment", "<!-- raw HTML",
                          "href=\"javascript", "<a href=\"z\"", "<h1>Heading", "<li>item"] {
            #expect(!html.contains(forbidden), "guide.html contains \(forbidden)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Template delimiters and Markdown in labels are shown literally, never expanded.
        #expect(html.contains("<strong>{{#evil}}{{/evil}} ![img](x.png)</strong>"))
        #expect(html.contains("<strong>*Name* _x_ [y](z) | `tick`</strong>"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // Outside the quoted YAML front matter, no raw markup or template delimiter survives in the Markdown.
        let markdown = try #require(files["guide.md"])
        let body = GuideHTMLWriter.stripFrontMatter(markdown)
        for forbidden in ["<script", "<img", "<i>", "<!--", "<a href", "{{", "\n# Heading"] {
            #expect(!body.contains(forbidden), "guide.md contains \(forbidden)")
        }
        #expect(body.contains("In **\\*Name\\* \\_x\\_ \\[y\\](z) \\| \\`tick\\`**, type “a\\`\\`b &lt;i&gt;c&lt;/i&gt; \\{\\{x\\}\\}”."))
    }

    @Test func sensitiveValuesAppearInNoOutput() throws {
        let files = try Self.files(CapturesInCode.expenseReport)
        for (name, text) in files { #expect(!text.contains("7391"), "\(name) contains the PIN") }
        #expect(files["guide.md"]?.contains("Enter your PIN in **Corporate card PIN**.") == true)
    }

    @Test func highlightBoxIsScaledToTheImage() {
        #expect(GuideHTMLWriter.highlightStyle(Rect(x: 40, y: 120, width: 160, height: 40), width: 1280, height: 800)
            == "left:3.12%;top:15.00%;width:12.50%;height:5.00%")
        // A box hanging off the image is clipped to it.
        #expect(GuideHTMLWriter.highlightStyle(Rect(x: 1200, y: -10, width: 200, height: 50), width: 1280, height: 800)
            == "left:93.75%;top:0.00%;width:6.25%;height:5.00%")
    }

    @Test func selfContainedHTMLInlinesStylesAndImages() throws {
        let guide = StepPhraser().phrase(CapturesInCode.expenseReport)
        let html = try GuideRenderer().render(guide, context: Self.context(for: guide, selfContained: true))
            .first { $0.path == "guide.html" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\""))
        #expect(!html.contains("src=\"images/"))
    }

    @Test func quizFollowsTheOptions() {
        let guide = StepPhraser().phrase(CapturesInCode.expenseReport)
        let automatic = KnowledgeCheck.make(for: guide, mode: .automatic)
        #expect((3...5).contains(automatic?.questions.count ?? 0))
        #expect(KnowledgeCheck.make(for: guide, mode: .never) == nil)
        #expect(KnowledgeCheck.make(for: guide, mode: .automatic) == automatic, "same capture, same quiz")
        let short = StepPhraser().phrase(Capture(id: "s", title: "S", steps: Array(CapturesInCode.expenseReport.steps.prefix(3))))
        #expect(KnowledgeCheck.make(for: short, mode: .automatic) == nil)
        // Every option is a label of the capture itself.
        let labels = Set(CapturesInCode.expenseReport.steps.compactMap { $0.target?.label })
        for question in automatic?.questions ?? [] {
            for option in question.options { #expect(labels.contains(option.plainText)) }
            #expect(Set(question.options).count == question.options.count)
        }
    }
}
