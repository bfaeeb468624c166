import WaymarkModel

/// Renders a phrased guide's narration: `narration.txt`, `narration.ssml`, `captions.vtt`, `captions.srt` and
/// `shotlist.json`, relative to the capture's output folder.
///
/// A pure function of the guide and the options: same guide, same bytes. No file is read and nothing about the
/// build itself (time, host, paths) is written.
public struct NarrationRenderer: Sendable {
    public var options: NarrationOptions

    /// The files this renderer writes, in the order it returns them.
    public static let fileNames = ["narration.txt", "narration.ssml", "captions.vtt", "captions.srt", "shotlist.json"]

    public init(options: NarrationOptions = NarrationOptions()) { self.options = options }

    public func render(_ guide: PhrasedGuide) -> [RenderedFile] {
        let script = SpokenPhrasing().script(for: guide)
        let timeline = CaptionTimeline(script: script, timing: SpeechTimingModel(options))
        return [
            RenderedFile(path: "narration.txt", text: NarrationTextWriter.write(script, timeline: timeline, options: options)),
            RenderedFile(path: "narration.ssml", text: SSMLWriter(options: options).write(script)),
            RenderedFile(path: "captions.vtt", text: WebVTTWriter.write(timeline)),
            RenderedFile(path: "captions.srt", text: SRTWriter.write(timeline)),
            RenderedFile(path: "shotlist.json", text: ShotListWriter.write(script, timeline: timeline, options: options, captureID: guide.capture.id)),
        ]
    }
}
