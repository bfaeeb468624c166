import WaymarkModel

/// What the narrator says, in order: an intro, one segment per step, an outro.
///
/// This is the single spoken form of a guide. The script text, the SSML, the captions and the shot list are all
/// written from it, so the words a viewer hears, reads and sees timed are the same words.
public struct NarrationScript: Sendable, Hashable {
    public var title: String
    /// BCP 47 language tag for `xml:lang` (`en` when the capture names none or an invalid one).
    public var language: String
    public var segments: [NarrationSegment]

    public init(title: String, language: String, segments: [NarrationSegment]) {
        self.title = title
        self.language = language
        self.segments = segments
    }

    /// The steps' segments only, in order.
    public var stepSegments: [NarrationSegment] { segments.filter { if case .step = $0.kind { true } else { false } } }
}

/// One part of the script that is spoken without a pause: the intro, a step (with its notes) or the outro.
public struct NarrationSegment: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case intro
        case step(number: Int)
        case outro
    }

    public var kind: Kind
    /// A heading for the presenter only, never spoken (the section a step belongs to, like "On the Reports page").
    public var presenterHeading: String?
    public var sentences: [SpokenSentence]
    /// The step's screenshot as recorded (its highlight rectangle goes into the shot list).
    public var screenshot: Screenshot?
    /// Where the screenshot is in the output and how big it is; set by the renderer from what the build placed.
    public var image: ShotListImage?

    public init(kind: Kind, presenterHeading: String? = nil, sentences: [SpokenSentence], screenshot: Screenshot? = nil) {
        self.kind = kind
        self.presenterHeading = presenterHeading
        self.sentences = sentences
        self.screenshot = screenshot
        self.image = nil
    }

    /// The segment's words as spoken, sentences separated by one space.
    public var spokenText: String { sentences.map(\.spokenText).joined(separator: " ") }

    /// Stable name used by SSML marks and the shot list: `intro`, `step-3`, `outro`.
    public var markName: String {
        switch kind {
        case .intro: "intro"
        case .step(let n): "step-\(n)"
        case .outro: "outro"
        }
    }
}

/// One sentence as pieces, so the SSML can say a key combination with `<sub>` while the captions print its words.
public struct SpokenSentence: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        /// Words read as written.
        case words(String)
        /// Something written one way and said another (`Ctrl+S` said "Control plus S").
        case substitution(written: String, spoken: String)
        /// A single letter or digit said as a character (a key such as `S` or `5`).
        case characters(String)
    }

    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = parts }

    public init(words: String) { self.parts = [.words(words)] }

    /// The sentence as a listener hears it and a caption prints it.
    public var spokenText: String {
        parts.map { part in
            switch part {
            case .words(let w): w
            case .substitution(_, let spoken): spoken
            case .characters(let c): c
            }
        }.joined()
    }
}

/// A screenshot as the output holds it: path relative to the capture's output folder, natural size in pixels.
public struct ShotListImage: Sendable, Hashable {
    public var path: String
    public var width: Int?
    public var height: Int?

    public init(path: String, width: Int? = nil, height: Int? = nil) {
        self.path = path
        self.width = width
        self.height = height
    }
}
