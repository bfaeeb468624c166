import Foundation
import WaymarkModel

/// Estimated time to read a guide and to narrate it, as shown on the dashboard.
///
/// The model is deliberately simple and documented, so numbers can be checked by hand:
/// - reading: every word a learner reads (purpose, audience, objectives, prerequisites, steps, notes) at
///   `readingWordsPerMinute` (200), plus 5 seconds to look at each screenshot, rounded up to whole minutes;
/// - narration: the running time of the narration's captions (intro, steps, outro) under the caption timing model
///   (docs/narration.md) at the configured speed and pause (waymark.yml `wpm`, default 150; `pause`, default
///   0.8 s), rounded to whole seconds — the same number as `shotlist.json`'s total duration.
public struct GuideTiming: Sendable, Hashable {
    public static let readingWordsPerMinute = 200.0
    public static let secondsPerScreenshot = 5.0

    public var readingMinutes: Int
    public var narrationSeconds: Int

    public init(readingMinutes: Int, narrationSeconds: Int) {
        self.readingMinutes = readingMinutes
        self.narrationSeconds = narrationSeconds
    }

    public init(guide: PhrasedGuide, context: RenderContext) {
        let capture = guide.capture
        var readWords = 0
        for text in [capture.title, capture.purpose, capture.audience].compactMap({ $0 }) + capture.objectives
            + capture.prerequisites {
            readWords += Self.wordCount(text)
        }
        var screenshots = 0
        for step in guide.steps {
            let words = Self.wordCount(step.instruction.plainText) + step.notes.map(Self.wordCount).reduce(0, +)
            readWords += words
            if context.images[step.number] != nil { screenshots += 1 }
        }
        let readingSeconds = Double(readWords) / Self.readingWordsPerMinute * 60 + Double(screenshots) * Self.secondsPerScreenshot
        readingMinutes = max(1, Int((readingSeconds / 60).rounded(.up)))
        // The narration estimate is the captions' own running time, so the dashboard and the video agree.
        let wpm = context.wordsPerMinute > 0 ? Int(context.wordsPerMinute.rounded()) : NarrationOptions.defaultWordsPerMinute
        let options = NarrationOptions(wordsPerMinute: wpm, pauseSeconds: max(0, context.pauseSeconds))
        let milliseconds = context.shared?.narrationMilliseconds(wordsPerMinute: wpm, pauseMilliseconds: options.pauseMilliseconds)
            ?? NarrationRenderer(options: options).runningMilliseconds(guide)
        narrationSeconds = Int((Double(milliseconds) / 1000).rounded())
    }

    public static func wordCount(_ text: String) -> Int {
        // Counted on the bytes while they are ASCII (where the ASCII spaces are the only ones), without making the
        // words; other text is split by Character.
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte >= 0x80 { return text.split(whereSeparator: { $0.isWhitespaceQuick }).count }
            let isSpace = byte.isASCIIWhitespace
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// "3 min".
    public var readingText: String { "\(readingMinutes) min" }

    /// "45 s", "2 min 05 s".
    public var narrationText: String {
        if narrationSeconds < 60 { return "\(narrationSeconds) s" }
        let seconds = narrationSeconds % 60
        return "\(narrationSeconds / 60) min " + (seconds < 10 ? "0" : "") + "\(seconds) s"
    }
}
