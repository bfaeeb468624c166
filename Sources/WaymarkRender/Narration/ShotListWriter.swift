import WaymarkModel
import WaymarkJSON

/// Writes `shotlist.json`: what a video tool or an ffmpeg script needs to put each screen on screen while it is
/// spoken about.
///
/// ```json
/// { "captureId": "...", "title": "...", "language": "en", "wordsPerMinute": 150, "pauseSeconds": 0.800,
///   "totalDuration": 42.000,
///   "segments": [
///     { "kind": "intro", "start": 0.000, "end": 4.400, "caption": "In this video ..." },
///     { "kind": "step", "number": 1, "start": 5.200, "end": 7.600, "caption": "Go to ...",
///       "screenshot": { "path": "images/step-01.png", "highlight": {"x":..,"y":..,"width":..,"height":..},
///                       "width": 1280, "height": 800 } },
///     { "kind": "outro", ... } ] }
/// ```
/// Times are seconds with three decimals; `end` is when the segment's last caption ends. The screen of a segment
/// stays up until the next segment starts (the pause belongs to the screen before it). `screenshot` is null for
/// the intro, the outro and steps without one. Keys are sorted (canonical `JSONWriter`).
public enum ShotListWriter {
    public static func write(_ script: NarrationScript, timeline: CaptionTimeline, options: NarrationOptions, captureID: String) -> String {
        var segments: [JSONNode] = []
        for (index, segment) in script.segments.enumerated() {
            let span = timeline.segments[index]
            var pairs: [(String, JSONNode?)] = [
                ("start", seconds(span.startMilliseconds)),
                ("end", seconds(span.endMilliseconds)),
                ("caption", .string(segment.spokenText)),
                ("mark", .string(segment.markName)),
            ]
            switch segment.kind {
            case .intro: pairs.append(("kind", .string("intro")))
            case .outro: pairs.append(("kind", .string("outro")))
            case .step(let n):
                pairs.append(("kind", .string("step")))
                pairs.append(("number", .number(n)))
                pairs.append(("screenshot", segment.image.map { screenshot($0, highlight: segment.screenshot?.highlight) } ?? .null))
            }
            segments.append(.object(compacting: pairs))
        }
        let root = JSONNode.object([
            ("captureId", .string(captureID)),
            ("title", .string(script.title)),
            ("language", .string(script.language)),
            ("wordsPerMinute", .number(options.wordsPerMinute)),
            ("pauseSeconds", seconds(options.pauseMilliseconds)),
            ("totalDuration", seconds(timeline.totalMilliseconds)),
            ("segments", .array(segments)),
        ])
        return JSONWriter.write(root)
    }

    static func seconds(_ milliseconds: Int) -> JSONNode {
        JSONNode(.number(CaptionTimestamp.seconds(milliseconds)))
    }

    static func screenshot(_ image: ShotListImage, highlight: Rect?) -> JSONNode {
        .object(compacting: [
            ("path", .string(image.path)),
            ("highlight", highlight.map { rect in
                .object([("x", .number(rect.x)), ("y", .number(rect.y)), ("width", .number(rect.width)), ("height", .number(rect.height))])
            } ?? .null),
            ("width", image.width.map { .number($0) } ?? .null),
            ("height", image.height.map { .number($0) } ?? .null),
        ])
    }
}
