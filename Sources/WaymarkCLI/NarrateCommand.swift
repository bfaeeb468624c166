import ArgumentParser
import Foundation
import WaymarkBuild
import WaymarkImport
import WaymarkModel
import WaymarkRender

/// `waymark narrate FILE`: the narration of a capture for a video tool or a speech engine, and nothing else.
///
/// Writes `narration.txt`, `narration.ssml`, `captions.vtt`, `captions.srt` and `shotlist.json` into
/// `DIR/<capture-id>/` (the same files `build` writes). `--audio` and `--video` then run espeak-ng and ffmpeg when
/// they are installed; when they are not, the text files are still written and the command exits 2 saying so.
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
        // waymark.yml in the working folder supplies defaults (wpm, pause) and redaction patterns, as for build.
        let configuration = try ProjectContext.load().configuration
        let wordsPerMinute = wpm ?? configuration.wordsPerMinute.map { Int($0.rounded()) } ?? NarrationOptions.defaultWordsPerMinute
        let pauseSeconds = pause ?? configuration.pauseSeconds ?? NarrationOptions.defaultPauseSeconds
        let optionProblems = NarrationOptions.validate(wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
        if !optionProblems.isEmpty {
            DiagnosticConsole.report(optionProblems)
            throw ExitStatus.invalidInput
        }
        let options = NarrationOptions(wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
        let phraser = StepPhraser(redactPatterns: configuration.redact)
        let loaded = CaptureLoading.load([file], format: format.format)
        var diagnostics = loaded.flatMap(\.diagnostics)
        // Prepared as the build prepares them (control characters removed, secrets marked and masked).
        let redactor = Redactor(patterns: configuration.redact)
        let captures = loaded.flatMap(\.captures).map(redactor.prepare)
        if captures.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(.error("narration.no-captures", "\(file) holds no capture to narrate.",
                                      at: SourceLocation(file: file)))
        }
        if diagnostics.hasErrors {
            DiagnosticConsole.report(diagnostics)
            throw ExitStatus.invalidInput
        }

        let captureFolder = URL(fileURLWithPath: file).deletingLastPathComponent()
        let outFolder = URL(fileURLWithPath: out)
        let assembler = NarrationMediaAssembler()
        var failed = false
        for capture in captures {
            guard Self.isSafeFolderName(capture.id) else {
                diagnostics.append(.error("narration.capture-id", "The capture id '\(capture.id)' cannot be used as a folder name.",
                                          hint: "Give the capture an id of lowercase letters, digits and hyphens."))
                failed = true
                continue
            }
            let guide = phraser.phrase(capture)
            diagnostics += guide.diagnostics.map { $0.inFile(file) }
            var files = NarrationRenderer(options: options).render(guide)
            if video {
                let images = NarrationMediaAssembler.screenshotFiles(for: guide, captureFolder: captureFolder)
                files += images.files
                diagnostics += images.diagnostics
            }
            let folder = outFolder.appendingPathComponent(capture.id)
            do {
                try Self.write(files, into: folder)
            } catch {
                diagnostics += error.diagnostics
                failed = true
                continue
            }
            var made = files.filter { !$0.path.hasPrefix("images/") }.map(\.path)
            do {
                if video {
                    try assembler.assembleVideo(in: folder, wordsPerMinute: options.wordsPerMinute)
                    made += [NarrationMediaAssembler.audioFileName, NarrationMediaAssembler.videoFileName]
                } else if audio {
                    try assembler.renderAudio(in: folder, wordsPerMinute: options.wordsPerMinute)
                    made.append(NarrationMediaAssembler.audioFileName)
                }
            } catch {
                diagnostics += error.diagnostics
                failed = true
            }
            let shown = DisplayPath.of(folder.path, relativeTo: FileManager.default.currentDirectoryPath)
            DiagnosticConsole.printOut("Wrote \(shown)/: " + made.joined(separator: ", "))
        }
        DiagnosticConsole.report(diagnostics)
        if failed || diagnostics.hasErrors { throw ExitStatus.invalidInput }
    }

    /// A capture id that stays one folder inside `--out`.
    static func isSafeFolderName(_ id: String) -> Bool {
        !id.isEmpty && id != "." && id != ".." && !id.contains("/") && !id.contains("\\") && !id.contains("\0")
    }

    /// Writes each file atomically (temporary file, then rename), creating folders as needed.
    static func write(_ files: [RenderedFile], into folder: URL) throws(DiagnosticError) {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, options: .atomic)
            } catch {
                throw DiagnosticError(.error("output.write", "Cannot write \(url.path): \(error.localizedDescription)",
                                             hint: "Check that the output folder is writable, or choose another with --out."))
            }
        }
    }
}
