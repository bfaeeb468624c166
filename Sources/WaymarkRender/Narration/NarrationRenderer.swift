import WaymarkModel

/// Renders a phrased guide's narration: `narration.txt`, `narration.ssml`, `captions.vtt`, `captions.srt` and
/// `shotlist.json`, relative to the capture's output folder.
///
/// A pure function of the guide and the options: same guide, same bytes. No file is read and nothing about the
/// build itself (time, host, paths) is written. `waymark build` runs it as a `MaterialRenderer` (words per minute
/// and pause from `waymark.yml`); `waymark narrate` calls `render(_:images:)` directly.
public struct NarrationRenderer: Sendable, MaterialRenderer {
    public var options: NarrationOptions

    /// The files this renderer writes, in the order it returns them.
    public static let fileNames = ["narration.txt", "narration.ssml", "captions.vtt", "captions.srt", "shotlist.json"]

    public init(options: NarrationOptions = NarrationOptions()) { self.options = options }

    /// Renders the five files. `images` are the screenshots as the build placed them in the output, by step
    /// number: their paths and sizes go into the shot list. When `images` is nil, a step's screenshot is listed
    /// where the build places it (`GuideImage.outputPath`) with the size the capture gives.
    public func render(_ guide: PhrasedGuide, images: [Int: ShotListImage]? = nil) -> [RenderedFile] {
        renderWithTimeline(guide, images: images).files
    }

    func renderWithTimeline(
        _ guide: PhrasedGuide, images: [Int: ShotListImage]?
    ) -> (files: [RenderedFile], totalMilliseconds: Int) {
        var script = SpokenPhrasing().script(for: guide)
        for index in script.segments.indices {
            guard case .step(let number) = script.segments[index].kind else { continue }
            if let images {
                script.segments[index].image = images[number]
            } else if let shot = script.segments[index].screenshot {
                script.segments[index].image = ShotListImage(
                    path: GuideImage.outputPath(stepNumber: number, sourcePath: shot.path), width: shot.width, height: shot.height)
            }
        }
        let timeline = CaptionTimeline(script: script, timing: SpeechTimingModel(options))
        return ([
            RenderedFile(path: "narration.txt", text: NarrationTextWriter.write(script, timeline: timeline, options: options)),
            RenderedFile(path: "narration.ssml", text: SSMLWriter(options: options).write(script)),
            RenderedFile(path: "captions.vtt", text: WebVTTWriter.write(timeline)),
            RenderedFile(path: "captions.srt", text: SRTWriter.write(timeline)),
            RenderedFile(path: "shotlist.json", text: ShotListWriter.write(script, timeline: timeline, options: options, captureID: guide.capture.id)),
        ], timeline.totalMilliseconds)
    }

    /// How long the narration runs (end of the last caption), in milliseconds: the same number as `shotlist.json`'s
    /// `totalDuration`, for dashboards and estimates that should agree with the captions.
    public func runningMilliseconds(_ guide: PhrasedGuide) -> Int {
        CaptionTimeline(script: SpokenPhrasing().script(for: guide), timing: SpeechTimingModel(options)).totalMilliseconds
    }

    /// The build's entry point: speed and pause from the context (`waymark.yml` `wpm`, `pause`), screenshots as the
    /// build copied them (a step whose picture could not be copied has none in the shot list).
    public func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile] {
        let wpm = context.wordsPerMinute.isFinite ? Int(context.wordsPerMinute.rounded()) : 0
        let problems = NarrationOptions.validate(wordsPerMinute: wpm, pauseSeconds: context.pauseSeconds)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        let renderer = NarrationRenderer(options: NarrationOptions(wordsPerMinute: wpm, pauseSeconds: context.pauseSeconds))
        let images = context.images.mapValues { ShotListImage(path: $0.path, width: $0.width, height: $0.height) }
        let (files, milliseconds) = renderer.renderWithTimeline(guide, images: images)
        context.shared?.recordNarration(
            wordsPerMinute: wpm, pauseMilliseconds: renderer.options.pauseMilliseconds, milliseconds: milliseconds)
        return files
    }
}
