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

    /// Renders the five files. `images` are the screenshots as the build placed them in the output, by step
    /// number: their paths and sizes go into the shot list. Without an entry, a step's screenshot is listed where
    /// the build would place it (`images/step-NN.<ext>`) with the size the capture gives.
    public func render(_ guide: PhrasedGuide, images: [Int: ShotListImage] = [:]) -> [RenderedFile] {
        var script = SpokenPhrasing().script(for: guide)
        for index in script.segments.indices {
            guard case .step(let number) = script.segments[index].kind else { continue }
            if let image = images[number] {
                script.segments[index].image = image
            } else if let shot = script.segments[index].screenshot {
                script.segments[index].image = ShotListImage(
                    path: GuideImagePath.path(forStep: number, source: shot.path), width: shot.width, height: shot.height)
            }
        }
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
