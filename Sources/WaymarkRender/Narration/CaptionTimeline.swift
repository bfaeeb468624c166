/// One caption on screen: its lines and when it shows, in milliseconds from the start of the narration.
public struct CaptionCue: Sendable, Hashable {
    public var startMilliseconds: Int
    public var endMilliseconds: Int
    /// One or two lines, each at most 42 characters.
    public var lines: [String]
    /// Index of the script segment (intro, step, outro) the cue belongs to.
    public var segmentIndex: Int

    public init(startMilliseconds: Int, endMilliseconds: Int, lines: [String], segmentIndex: Int) {
        self.startMilliseconds = startMilliseconds
        self.endMilliseconds = endMilliseconds
        self.lines = lines
        self.segmentIndex = segmentIndex
    }

    /// Characters on screen (grapheme clusters, line breaks not counted).
    public var characterCount: Int { lines.reduce(0) { $0 + $1.count } }
    public var durationMilliseconds: Int { endMilliseconds - startMilliseconds }
    /// The cue's words on one line.
    public var text: String { lines.joined(separator: " ") }
}

/// When each part of the script is spoken, and the caption cues that show it.
///
/// Built by `SpeechTimingModel` rules (see there): segments follow each other separated by the pause; within a
/// segment, sentences follow each other without a gap; cues cover every word of the script in order, never overlap,
/// and never ask a viewer to read faster than 17 characters per second.
public struct CaptionTimeline: Sendable, Hashable {
    public struct SegmentSpan: Sendable, Hashable {
        public var startMilliseconds: Int
        public var endMilliseconds: Int
    }

    public var cues: [CaptionCue]
    /// One span per script segment, in script order: from its first cue's start to its last cue's end.
    public var segments: [SegmentSpan]

    /// End of the last cue: the running time of the narration.
    public var totalMilliseconds: Int { segments.last?.endMilliseconds ?? 0 }

    public init(script: NarrationScript, timing: SpeechTimingModel, lineBreaker: CaptionLineBreaker = .standard) {
        var cues: [CaptionCue] = []
        var spans: [SegmentSpan] = []
        var clock = 0
        for (index, segment) in script.segments.enumerated() {
            if index > 0 { clock += timing.pauseMilliseconds }
            let segmentStart = clock
            for sentence in segment.sentences {
                let text = sentence.spokenText
                let chunks = lineBreaker.cues(for: text)
                guard !chunks.isEmpty else { continue }
                let spoken = timing.sentenceMilliseconds(text)
                let totalCharacters = max(1, chunks.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
                var charactersBefore = 0
                let sentenceStart = clock
                for lines in chunks {
                    let characters = lines.reduce(0) { $0 + $1.count }
                    charactersBefore += characters
                    // Where this cue would end if speech alone set the pace, shared by characters.
                    let spokenEnd = sentenceStart + spoken * charactersBefore / totalCharacters
                    let end = max(spokenEnd, clock + SpeechTimingModel.minimumMilliseconds(forCharacters: characters))
                    cues.append(CaptionCue(startMilliseconds: clock, endMilliseconds: end, lines: lines, segmentIndex: index))
                    clock = end
                }
            }
            spans.append(SegmentSpan(startMilliseconds: segmentStart, endMilliseconds: clock))
        }
        self.cues = cues
        self.segments = spans
    }
}

/// Formats milliseconds as caption timestamps.
public enum CaptionTimestamp {
    /// `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SubRip).
    public static func format(_ milliseconds: Int, fractionSeparator: Character) -> String {
        let ms = max(0, milliseconds)
        let hours = ms / 3_600_000
        let minutes = ms / 60_000 % 60
        let seconds = ms / 1000 % 60
        let fraction = ms % 1000
        // Written as bytes: every cue of every caption file has two of these.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        appendDigits(hours, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(minutes, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds, width: 2, to: &bytes)
        bytes.append(contentsOf: fractionSeparator.utf8)
        appendDigits(fraction, width: 3, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The decimal digits of `n` (not negative), with zeros in front up to `width`.
    private static func appendDigits(_ n: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        var count = 1
        while n / divisor >= 10 {
            divisor *= 10
            count += 1
        }
        if count < width { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - count)) }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            divisor /= 10
        }
    }

    /// Seconds with exactly three decimals (`4.400`), for the shot list.
    public static func seconds(_ milliseconds: Int) -> String {
        "\(milliseconds / 1000).\(pad(milliseconds % 1000, 3))"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
