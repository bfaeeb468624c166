/// Writes caption cues as SubRip: numbered cues from 1, `00:00:00,000 --> 00:00:04,400`, the lines, a blank line.
///
/// SubRip has no escaping; players that read `<i>`-style tags would hide a literal `<tag>`, so `<` and `>` are
/// written as the look-alike single angle quotation marks `‹` `›` in captions only.
public enum SRTWriter {
    public static func write(_ timeline: CaptionTimeline) -> String {
        var blocks: [String] = []
        for (index, cue) in timeline.cues.enumerated() {
            let timing = CaptionTimestamp.format(cue.startMilliseconds, fractionSeparator: ",") + " --> "
                + CaptionTimestamp.format(cue.endMilliseconds, fractionSeparator: ",")
            blocks.append(([String(index + 1), timing] + cue.lines.map(protect)).joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func protect(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E }) else { return line }
        var out = ""
        for c in line {
            switch c {
            case "<": out += "‹"
            case ">": out += "›"
            default: out.append(c)
            }
        }
        return out
    }
}
