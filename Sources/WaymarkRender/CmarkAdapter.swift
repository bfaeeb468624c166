internal import CCmark

/// The only file that talks to libcmark: CommonMark text in, HTML out, in cmark's safe mode.
///
/// Safe mode (the default since cmark 0.29) replaces raw HTML with a comment and drops `javascript:`, `vbscript:`,
/// `file:` and most `data:` links, so even a hand-edited or hostile guide cannot inject markup into guide.html.
enum CmarkAdapter {
    static func html(fromMarkdown markdown: String) -> String {
        var utf8 = Array(markdown.utf8)
        utf8.append(0)
        let length = utf8.count - 1
        let rendered: String? = utf8.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            let pointer = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                cmark_markdown_to_html(chars, length, CMARK_OPT_DEFAULT)
            }
            guard let pointer else { return nil }
            defer { waymark_cmark_free(pointer) }
            return String(cString: pointer)
        }
        return rendered ?? ""
    }
}
