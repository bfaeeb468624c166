import Foundation
import WaymarkModel
import WaymarkRender
import WaymarkSupport

/// `waymark narrate FILE`: a capture's narration for a video tool or a speech engine, and nothing else.
///
/// Writes `narration.txt`, `narration.ssml`, `captions.vtt`, `captions.srt` and `shotlist.json` into
/// `DIR/<capture-id>/` (the same files `build` writes), atomically. `audio` and `video` then run espeak-ng and
/// ffmpeg when they are installed; when they are not, the text files are still written and the outcome fails.
public enum NarrateAction {
    public struct Request: Sendable {
        public var file: String
        public var format: CaptureFormat?
        public var out = "out"
        public var wordsPerMinute: Int?
        public var pauseSeconds: Double?
        public var audio = false
        public var video = false

        public init(file: String) { self.file = file }
    }

    public struct Outcome: Sendable {
        /// One line per capture: the folder and the files written into it.
        public var lines: [String] = []
        public var diagnostics: [Diagnostic] = []
        /// Something the user asked for was not produced (a file not written, a tool missing or failing).
        public var failed = false
    }

    /// Narrates every capture of `request.file`. Throws on bad options or a file that cannot be read.
    public static func run(_ request: Request, in project: Project) throws(DiagnosticError) -> Outcome {
        let configuration = project.configuration
        let wordsPerMinute = request.wordsPerMinute ?? configuration.wordsPerMinute.map { Int($0.rounded()) }
            ?? NarrationOptions.defaultWordsPerMinute
        let pauseSeconds = request.pauseSeconds ?? configuration.pauseSeconds ?? NarrationOptions.defaultPauseSeconds
        let optionProblems = NarrationOptions.validate(wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)
        if !optionProblems.isEmpty { throw DiagnosticError(optionProblems) }
        let options = NarrationOptions(wordsPerMinute: wordsPerMinute, pauseSeconds: pauseSeconds)

        var outcome = Outcome()
        let loaded = CaptureLoading.load([request.file], format: request.format)
        outcome.diagnostics = loaded.flatMap(\.diagnostics)
        let captures = loaded.flatMap { file in file.captures.map { project.preparation.prepare($0, displayPath: file.path) } }
        if captures.isEmpty, !outcome.diagnostics.hasErrors {
            outcome.diagnostics.append(Diagnostic(
                .inputNoCaptures, "\(request.file) holds no capture to narrate.", at: SourceLocation(file: request.file)))
        }
        if outcome.diagnostics.hasErrors { throw DiagnosticError(outcome.diagnostics) }

        let captureFolder = project.url(request.file).deletingLastPathComponent()
        let outFolder = project.url(request.out)
        let assembler = NarrationMediaAssembler()
        for capture in captures {
            let guide = StepPhraser().phrase(capture)
            outcome.diagnostics += guide.diagnostics.map { $0.inFile(request.file) }
            var files = NarrationRenderer(options: options).render(guide)
            if request.video {
                let images = NarrationMediaAssembler.screenshotFiles(for: guide, captureFolder: captureFolder)
                files += images.files
                outcome.diagnostics += images.diagnostics
            }
            let folder = outFolder.appendingPathComponent(capture.id)
            do {
                try write(files, into: folder)
            } catch {
                outcome.diagnostics += error.diagnostics
                outcome.failed = true
                continue
            }
            var made = files.filter { !$0.path.hasPrefix("images/") }.map(\.path)
            do {
                if request.video {
                    try assembler.assembleVideo(in: folder, wordsPerMinute: options.wordsPerMinute)
                    made += [NarrationMediaAssembler.audioFileName, NarrationMediaAssembler.videoFileName]
                } else if request.audio {
                    try assembler.renderAudio(in: folder, wordsPerMinute: options.wordsPerMinute)
                    made.append(NarrationMediaAssembler.audioFileName)
                }
            } catch {
                outcome.diagnostics += error.diagnostics
                outcome.failed = true
            }
            let shown = DisplayPath.of(folder.path, relativeTo: project.workingDirectory.path)
            outcome.lines.append("Wrote \(shown)/: " + made.joined(separator: ", "))
        }
        if outcome.diagnostics.hasErrors { outcome.failed = true }
        return outcome
    }

    /// Writes each file atomically (`AtomicFileWriter`), creating folders as needed.
    static func write(_ files: [RenderedFile], into folder: URL) throws(DiagnosticError) {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try AtomicFileWriter.write(file.contents, to: url)
            } catch {
                throw DiagnosticError(Diagnostic(
                    .outputWriteFailed, "Cannot write \(url.path): \(error.localizedDescription)",
                    hint: "Check that the output folder is writable, or choose another with --out."))
            }
        }
    }
}
