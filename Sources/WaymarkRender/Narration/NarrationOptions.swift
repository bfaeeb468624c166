import WaymarkModel

/// How fast the narration is spoken and how long it rests between steps.
///
/// Both values feed the documented timing model (`SpeechTimingModel`) and the SSML (`<break>` between steps), and
/// `--audio` passes the same words per minute to espeak-ng, so captions, shot list and audio stay in step.
public struct NarrationOptions: Sendable, Hashable {
    /// Speaking rate in words per minute (default 150, a calm instructional pace).
    public var wordsPerMinute: Int
    /// Silence between the intro, each step and the outro, in milliseconds (default 800).
    public var pauseMilliseconds: Int

    public static let defaultWordsPerMinute = 150
    public static let defaultPauseSeconds = 0.8
    /// Accepted speaking rates: slower is a drone, faster is not understood (espeak-ng accepts 80–450).
    public static let wordsPerMinuteRange = 80...400
    /// Accepted pauses, in seconds.
    public static let pauseSecondsRange = 0.0...10.0

    public init(wordsPerMinute: Int = NarrationOptions.defaultWordsPerMinute, pauseSeconds: Double = NarrationOptions.defaultPauseSeconds) {
        self.wordsPerMinute = wordsPerMinute
        self.pauseMilliseconds = Int((pauseSeconds * 1000).rounded())
    }

    /// Checks the values a user gave (`--wpm`, `--pause`, `waymark.yml`), returning one diagnostic per problem.
    public static func validate(wordsPerMinute: Int, pauseSeconds: Double) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if !wordsPerMinuteRange.contains(wordsPerMinute) {
            problems.append(Diagnostic(
                .narrationWpm, "Words per minute must be between \(wordsPerMinuteRange.lowerBound) and \(wordsPerMinuteRange.upperBound), not \(wordsPerMinute).",
                hint: "Use --wpm 150 for a calm instructional pace."))
        }
        if !pauseSecondsRange.contains(pauseSeconds) || pauseSeconds.isNaN {
            problems.append(Diagnostic(
                .narrationPause, "The pause between steps must be between 0 and 10 seconds, not \(pauseSeconds).",
                hint: "Use --pause 0.8 for a short breath between steps."))
        }
        return problems
    }

    /// The pause as SSML writes it (`800ms`).
    public var pauseSSML: String { "\(pauseMilliseconds)ms" }
}
