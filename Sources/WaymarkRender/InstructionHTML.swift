import WaymarkModel

extension Instruction {
    /// The instruction as guide.html shows it, for pages that place it in markup of their own (an LMS package's
    /// quiz): its Markdown through cmark in safe mode, without the paragraph cmark puts around it. Going through the
    /// same Markdown keeps escaping in one place.
    package var inlineHTML: String {
        var html = MarkdownHTML.render(markdown: MarkdownInline.render(self)).trimming(.whitespacesAndNewlines)
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}
