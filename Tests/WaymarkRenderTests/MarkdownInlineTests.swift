import Testing
import WaymarkEscaping
import WaymarkModel
@testable import WaymarkRender

/// Labels and values from real screens must come out as literal text in every Markdown consumer.
@Suite struct MarkdownInlineTests {
    @Test func markupInLabelsIsEscaped() {
        let hostile = Instruction([
            .text("Click "), .label("<script>alert(1)</script>"), .text(" then "), .label("\"><img src=x onerror=alert(1)>"),
            .text(" and "), .label("*bold* _em_ `code` [link](x) | pipe {{mustache}} ~~strike~~ \\"),
        ])
        let md = MarkdownInline.render(hostile)
        #expect(md == "Click **&lt;script&gt;alert(1)&lt;/script&gt;** then **\"&gt;&lt;img src=x onerror=alert(1)&gt;**"
            + " and **\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](x) \\| pipe \\{\\{mustache\\}\\} \\~\\~strike\\~\\~ \\\\**")
    }

    @Test func codeSpansHoldBackticks() {
        #expect(MarkdownEscaping.codeSpan("42.50") == "`42.50`")
        #expect(MarkdownEscaping.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownEscaping.codeSpan("`x`") == "`` `x` ``")
        #expect(MarkdownEscaping.codeSpan("a\n# heading") == "`a # heading`")
    }

    @Test func linesCannotStartABlock() {
        #expect(MarkdownInline.render(Instruction([.text("# not a heading")])) == "\\# not a heading")
        #expect(MarkdownInline.render(Instruction([.text("1. not a list")])) == "1\\. not a list")
        #expect(MarkdownInline.render(Instruction([.text("- not a list")])) == "\\- not a list")
        #expect(MarkdownInline.render(Instruction([.text("> not a quote")])) == "&gt; not a quote")
    }

    @Test func onlyWebAddressesBecomeLinks() {
        #expect(MarkdownEscaping.link(url: "https://example.com/a?b=c", text: "example.com") == "<https://example.com/a?b=c>")
        #expect(MarkdownEscaping.link(url: "javascript:alert(1)", text: "x") == "`javascript:alert(1)`")
        #expect(MarkdownEscaping.link(url: "https://example.com/<x>", text: "x") == "`https://example.com/<x>`")
    }

    @Test func writerMarkupIsKeptAndEverythingElseEscaped() {
        let parsed = WriterText.parse("Click **Save** and type `a`b` <i>x</i>")
        #expect(parsed.segments == [.text("Click "), .label("Save"), .text(" and type "), .literal("a"), .text("b` <i>x</i>")])
    }
}

/// Property: whatever a label or value holds, cmark shows exactly that text (no markup, no lost characters).
@Suite struct MarkdownRoundTripTests {
    static let alphabet = Array("ab <>&\"'`*_[]()!#|{}~\\/-+=.:;%$^@?,1234567890xyzÄé–\u{00A0}")

    static func randomStrings(count: Int) -> [String] {
        var generator = SplitMix64(seed: "markdown-round-trip")
        return (0..<count).map { _ in
            let length = Int(generator.next() % 24) + 1
            return String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }

    /// What a reader sees of the Markdown: the text of cmark's tree.
    static func text(ofMarkdown markdown: String) -> String {
        CmarkAdapter.parse(markdown).plainText
    }

    @Test func labelsSurviveCmarkExactly() {
        for value in Self.randomStrings(count: 400) {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let markdown = MarkdownInline.render(Instruction([.text("Click "), .label(trimmed), .text(".")]))
            let html = MarkdownHTML.render(markdown: markdown)
            #expect(html.hasPrefix("<p>Click <strong>"), "\(value.debugDescription) → \(html)")
            #expect(Self.text(ofMarkdown: markdown) == "Click \(trimmed).", "\(value.debugDescription) → \(markdown)")
        }
    }

    @Test func literalsSurviveCmarkExactly() {
        for value in Self.randomStrings(count: 400) {
            let markdown = MarkdownInline.render(Instruction([.text("Type "), .literal(value), .text(".")]))
            let html = MarkdownHTML.render(markdown: markdown)
            let shown = Self.text(ofMarkdown: markdown)
            let expected = MarkdownEscaping.containsTemplateDelimiters(value) ? "Type “\(value)”." : "Type \(value)."
            #expect(shown == expected, "\(value.debugDescription) → \(markdown) → \(html)")
            #expect(!html.contains("<a ") && !html.contains("<em>") && !html.contains("<img"))
        }
    }
}
