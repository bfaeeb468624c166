import WaymarkEscaping
import WaymarkModel

/// Writes an `Instruction` (or plain text from a capture) as inline CommonMark that shows exactly the text it holds:
/// labels bold, values as code, keys bold, addresses as links, every character of recorded text escaped with
/// `MarkdownEscaping`.
public enum MarkdownInline {
    /// Options for how labels are written.
    public enum LabelStyle: Sendable {
        /// `**Save**`: for steps and notes.
        case bold
        /// Plain text: for headings and table cells where bold is noise.
        case plain
    }

    public static func render(_ instruction: Instruction, labels: LabelStyle = .bold) -> String {
        var out = ""
        for segment in instruction.segments {
            switch segment {
            case .text(let text):
                out += MarkdownEscaping.inline(text)
            case .label(let label):
                let clean = MarkdownEscaping.oneLine(label).trimming(.whitespaces)
                guard !clean.isEmpty else { continue }
                out += labels == .bold ? "**\(MarkdownEscaping.inline(clean))**" : MarkdownEscaping.inline(clean)
            case .literal(let literal):
                out += MarkdownEscaping.containsTemplateDelimiters(literal) ? "“" + MarkdownEscaping.inline(literal) + "”" : MarkdownEscaping.codeSpan(literal)
            case .keys(let keys):
                let joined = keys.map { MarkdownEscaping.inline(MarkdownEscaping.oneLine($0)) }.joined(separator: "+")
                guard !joined.isEmpty else { continue }
                out += labels == .bold ? "**\(joined)**" : joined
            case .link(let url, let spoken):
                out += MarkdownEscaping.link(url: url, text: spoken)
            }
        }
        return MarkdownEscaping.protectLineStart(out)
    }
}
