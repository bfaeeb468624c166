/// Writes the script a presenter reads from: a title, the running time, then one paragraph per part under a
/// heading (`INTRO`, `STEP 1 · On the Reports page`, `OUTRO`). Plain text, one paragraph per line, no markup.
public enum NarrationTextWriter {
    public static func write(_ script: NarrationScript, timeline: CaptionTimeline, options: NarrationOptions) -> String {
        var out = script.title + "\n"
        out += "Narration script. Running time about \(runningTime(timeline.totalMilliseconds)) at \(options.wordsPerMinute) words per minute"
        out += ", with a \(CaptionTimestamp.seconds(options.pauseMilliseconds)) s pause between parts.\n"
        for segment in script.segments {
            out += "\n"
            switch segment.kind {
            case .intro: out += "INTRO"
            case .step(let n): out += "STEP \(n)"
            case .outro: out += "OUTRO"
            }
            if let heading = segment.presenterHeading { out += " · " + heading }
            out += "\n" + segment.spokenText + "\n"
        }
        return out
    }

    /// `1 min 12 s`, `45 s`.
    static func runningTime(_ milliseconds: Int) -> String {
        let seconds = (milliseconds + 500) / 1000
        if seconds < 60 { return "\(seconds) s" }
        return "\(seconds / 60) min \(seconds % 60) s"
    }
}
