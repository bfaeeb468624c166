import ArgumentParser
import WaymarkActions
import WaymarkModel

/// `waymark narrate FILE`: the narration of a capture for a video tool or a speech engine, and nothing else.
public struct NarrateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "narrate",
        abstract: "Write a capture's narration script, SSML, captions (WebVTT, SRT) and shot list.",
        discussion: """
            Captions are timed by words per minute and a pause between steps (see docs/narration.md). \
            --audio speaks narration.ssml with espeak-ng into narration.wav; --video also assembles \
            walkthrough.mp4 with ffmpeg from the screenshots, the audio and the captions.
            """)

    @Argument(help: "The capture file to narrate.")
    public var file: String

    @Option(name: .long, help: "Output folder; files go into DIR/<capture-id>/.")
    public var out: String = "out"

    @Option(name: .long, help: "Speaking rate in words per minute, 80–400 (default: `wpm` of waymark.yml, else 150).")
    public var wpm: Int?

    @Option(name: .long, help: "Pause between the intro, each step and the outro in seconds, 0–10 (default: `pause` of waymark.yml, else 0.8).")
    public var pause: Double?

    @Option(help: "The input format, or auto to recognise it by content.")
    public var format: CaptureFormatChoice = CaptureFormatChoice(format: nil)

    @Flag(help: "Also speak narration.ssml into narration.wav with espeak-ng.")
    public var audio = false

    @Flag(help: "Also assemble walkthrough.mp4 with ffmpeg (implies --audio).")
    public var video = false

    public init() {}

    public func run() throws {
        var request = NarrateAction.Request(file: file)
        request.format = format.format
        request.out = out
        request.wordsPerMinute = wpm
        request.pauseSeconds = pause
        request.audio = audio
        request.video = video
        let outcome = try DiagnosticConsole.orExit { () throws(DiagnosticError) in
            try NarrateAction.run(request, in: try Project.load())
        }
        for line in outcome.lines { DiagnosticConsole.printOut(line) }
        DiagnosticConsole.report(outcome.diagnostics)
        if outcome.failed { throw ExitStatus.invalidInput }
    }
}
