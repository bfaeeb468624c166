import Testing
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
        #expect(MarkdownInline.codeSpan("42.50") == "`42.50`")
        #expect(MarkdownInline.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownInline.codeSpan("`x`") == "`` `x` ``")
        #expect(MarkdownInline.codeSpan("a\n# heading") == "`a # heading`")
    }

    @Test func linesCannotStartABlock() {
        #expect(MarkdownInline.render(Instruction([.text("# not a heading")])) == "\\# not a heading")
        #expect(MarkdownInline.render(Instruction([.text("1. not a list")])) == "1\\. not a list")
        #expect(MarkdownInline.render(Instruction([.text("- not a list")])) == "\\- not a list")
        #expect(MarkdownInline.render(Instruction([.text("> not a quote")])) == "&gt; not a quote")
    }

    @Test func onlyWebAddressesBecomeLinks() {
        #expect(MarkdownInline.link(url: "https://example.com/a?b=c", text: "example.com") == "<https://example.com/a?b=c>")
        #expect(MarkdownInline.link(url: "javascript:alert(1)", text: "x") == "`javascript:alert(1)`")
        #expect(MarkdownInline.link(url: "https://example.com/<x>", text: "x") == "`https://example.com/<x>`")
    }

    @Test func writerMarkupIsKeptAndEverythingElseEscaped() {
        let parsed = WriterText.parse("Click **Save** and type `a`b` <i>x</i>")
        #expect(parsed.segments == [.text("Click "), .label("Save"), .text(" and type "), .literal("a"), .text("b` <i>x</i>")])
    }
}
