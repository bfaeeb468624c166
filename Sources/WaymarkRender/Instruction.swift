import WaymarkModel

/// One step's instruction as structured words, before it becomes Markdown, HTML or speech.
///
/// `StepPhraser` decides *what* to say once; the guide writes the segments as Markdown (`Click **Save**.`), the
/// narration speaks them (`Click Save.`, `Press Control plus S.`), captions print them plainly. Keeping the
/// decision in one place is what makes the guide and the video say the same thing.
public struct Instruction: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        /// Plain words of the sentence ("Click ", " from ", ".").
        case text(String)
        /// Something the learner reads on screen: a button, field, menu or page name. Bold in Markdown.
        case label(String)
        /// Something the learner types or picks exactly: shown as code in Markdown, spoken as is.
        case literal(String)
        /// A key combination, named key by key (`["Ctrl", "S"]`). **Ctrl+S** in Markdown, "Control plus S" spoken.
        case keys([String])
        /// An address: a link in Markdown, spoken as `spoken` (host or page title).
        case link(url: String, spoken: String)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) { self.segments = segments }

    /// The words with no markup at all (for captions, alt text and quiz prompts).
    public var plainText: String {
        segments.map { segment in
            switch segment {
            case .text(let t), .label(let t), .literal(let t): t
            case .keys(let keys): keys.joined(separator: "+")
            case .link(let url, _): url
            }
        }.joined()
    }
}
