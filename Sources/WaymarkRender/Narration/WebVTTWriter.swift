import WaymarkEscaping
/// Writes caption cues as WebVTT: `WEBVTT`, then cues `00:00:00.000 --> 00:00:04.400` with one or two lines.
///
/// Cue text escapes `&`, `<` and `>` as WebVTT requires (so `-->` can never appear in a cue), and carries no
/// styling tags.
public enum WebVTTWriter {
    public static func write(_ timeline: CaptionTimeline) -> String {
        var blocks = ["WEBVTT"]
        for cue in timeline.cues {
            let timing = CaptionTimestamp.format(cue.startMilliseconds, fractionSeparator: ".") + " --> "
                + CaptionTimestamp.format(cue.endMilliseconds, fractionSeparator: ".")
            blocks.append(([timing] + cue.lines.map(WebVTTEscaping.cueText)).joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
