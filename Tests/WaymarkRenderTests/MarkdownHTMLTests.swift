import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkRender

/// The Swift renderer of the Markdown tree must give exactly what cmark's own renderer gives (the `cmark` program,
/// safe by default; `make test` installs it), so moving HTML out of text surgery changed no byte of any guide.
@Suite struct MarkdownHTMLTests {
    static let cases: [String] = [
        "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com/a?b=1&c='d' \"T & t\").\n",
        "1. one\n2. two\n\n   ![alt *x* `y` <b>z</b>](images/step-02.png \"title\")\n3. three\n",
        "- tight\n- list\n  - nested\n\n> quote\n> > nested quote\n\n---\n\nfooter\n",
        "3. starts at three\n4. four\n",
        "```swift extra words\nlet a = \"<b>&\"\n```\n\n    indented code\n",
        "<div>raw block</div>\n\ninline <span>raw</span> html and &amp; &copy; &#x27; entities\\\n hard break\nsoft break\n",
        "[js](javascript:alert(1)) [vb](VBScript:x) [file](file:///etc/passwd) [data](data:text/html,x) ![ok](data:image/png;base64,AA) ![svg](data:image/svg+xml,x)\n",
        "[spaces](<a b c>) [unicode](https://例え.jp/ä?q=ö) [tilde](https://x.org/~me) [brackets](https://x.org/[a]) <https://auto.link/x>\n",
        "Setext\n======\n\n## ATX *heading* with `code`\n\n* item with\n\n  two paragraphs\n* second\n",
        "- [ ] task\n- [x] done\n\n1) paren\n2) list\n",
        String(repeating: "> ", count: 60) + "deep, but within the depth the tree keeps\n",
        "Line with trailing spaces  \nnext\t\ttabs\n\n\\* escaped \\_ chars \\` and <not a tag\n",
    ]

    static func cmark(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cmark"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every guide and job aid the golden files hold, and the cases above.
    static var corpus: [String] {
        let goldens = Fixtures.files(under: Fixtures.packageRoot.appendingPathComponent("Tests"), extensions: ["md"])
            .filter { $0.path.contains("__Snapshots__") }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        return cases + goldens.map(GuideHTMLWriter.stripFrontMatter)
    }

    @Test func rendersExactlyWhatCmarkRenders() throws {
        let corpus = Self.corpus
        #expect(corpus.count > 20)
        for markdown in corpus {
            let expected = try Self.cmark(markdown)
            let actual = MarkdownHTML.render(markdown: markdown)
            #expect(actual == expected, "\n\(Snapshot.lineDiff(expected: expected, actual: actual))")
        }
    }

    @Test func deepNestingKeepsTheWordsWithoutDeepTrees() {
        let markdown = String(repeating: "> ", count: 5_000) + "still here\n"
        let html = MarkdownHTML.render(markdown: markdown)
        #expect(html.contains("still here"))
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == CmarkAdapter.maximumDepth - 1)
    }

    @Test func waymarkMarkupAndAttributesAreAddedToTheTree() {
        let tree = MarkdownNode.document([
            .heading(level: 2, attributes: [HTMLAttribute("id", "a\"b")], [.text("T")]),
            .list(MarkdownList(ordered: true, start: 1, tight: true), items: [
                .item(attributes: [HTMLAttribute("class", "c")], [.markupInline("<i>x</i>"), .paragraph([.text("<y>")])]),
                .item(attributes: [], [.markupBlock("<figure></figure>")]),
            ]),
        ])
        #expect(MarkdownHTML.render(tree) == "<h2 id=\"a&quot;b\">T</h2>\n<ol>\n<li class=\"c\"><i>x</i>&lt;y&gt;</li>\n<li><figure></figure></li>\n</ol>\n")
    }
}
