import Foundation
import WaymarkModel
import WaymarkRender
import WaymarkJSON
import WaymarkSupport

/// Turns a capture's narration files into audio and video with tools the user has installed: espeak-ng speaks
/// `narration.ssml` into `narration.wav`; ffmpeg puts the screenshots on screen for as long as `shotlist.json` says,
/// under that audio, with the captions as a subtitle track, in `walkthrough.mp4`.
///
/// Both tools are optional: Waymark never needs them to build materials. When one is missing, the call fails with a
/// diagnostic that says how to install it. Tools are found on `PATH` and run with `Process` (no shell, so no path
/// or title can be taken for a command).
public struct NarrationMediaAssembler: Sendable {
    /// The `PATH` to search for `espeak-ng` and `ffmpeg`.
    public var searchPath: String

    public static let audioFileName = "narration.wav"
    public static let videoFileName = "walkthrough.mp4"

    public init(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        self.searchPath = searchPath ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// The executable named `tool` on the search path, or nil.
    public func locate(_ tool: String) -> URL? {
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A `narration.tool-missing` error for `tool`, saying what it is for and how to get it.
    public static func missingTool(_ tool: String, purpose: String, package: String) -> Diagnostic {
        Diagnostic(.narrationToolMissing, "\(purpose) needs \(tool), which is not on PATH.",
               hint: "Install it (Debian/Ubuntu: apt-get install \(package); macOS: brew install \(package)) or leave out the option; the text narration files are written either way.")
    }

    // MARK: - Audio

    /// Speaks `folder/narration.ssml` into `folder/narration.wav` at `wordsPerMinute`.
    @discardableResult
    public func renderAudio(in folder: URL, wordsPerMinute: Int) throws(DiagnosticError) -> URL {
        guard let espeak = locate("espeak-ng") else {
            throw DiagnosticError(Self.missingTool("espeak-ng", purpose: "--audio", package: "espeak-ng"))
        }
        let ssml = folder.appendingPathComponent("narration.ssml")
        let wav = folder.appendingPathComponent(Self.audioFileName)
        try run(espeak, ["-m", "-s", String(wordsPerMinute), "-w", wav.path, "-f", ssml.path], tool: "espeak-ng")
        return wav
    }

    // MARK: - Video

    /// One picture of the video and how long it stays on screen.
    public struct Shot: Sendable, Hashable {
        /// Image path relative to the capture's output folder.
        public var image: String
        public var milliseconds: Int

        public init(image: String, milliseconds: Int) {
            self.image = image
            self.milliseconds = milliseconds
        }
    }

    /// The pictures of the video from a shot list: each segment's screen stays up until the next segment starts.
    /// The intro shows the first step's screenshot, the outro and steps without one keep the screen before them.
    /// Empty when no step has a screenshot.
    public static func shots(fromShotList root: JSONNode) -> [Shot] {
        guard let segments = root["segments"]?.arrayValue else { return [] }
        let total = milliseconds(root["totalDuration"])
        let images = segments.map { $0["screenshot"]?["path"]?.stringValue }
        guard let firstImage = images.compactMap({ $0 }).first else { return [] }
        var shots: [Shot] = []
        var current = firstImage
        for (index, segment) in segments.enumerated() {
            if let image = images[index] { current = image }
            let start = milliseconds(segment["start"])
            let end = index + 1 < segments.count ? milliseconds(segments[index + 1]["start"]) : total
            guard end > start else { continue }
            if let last = shots.last, last.image == current {
                shots[shots.count - 1].milliseconds += end - start
            } else {
                shots.append(Shot(image: current, milliseconds: end - start))
            }
        }
        return shots
    }

    /// An ffconcat list for `shots`, with absolute paths under `folder`. The last picture is listed twice, as the
    /// concat demuxer needs, so its duration is honoured.
    public static func concatList(_ shots: [Shot], folder: URL) -> String {
        var out = "ffconcat version 1.0\n"
        for shot in shots {
            out += "file " + quoted(folder.appendingPathComponent(shot.image).path) + "\n"
            out += "duration " + CaptionTimestamp.seconds(shot.milliseconds) + "\n"
        }
        if let last = shots.last { out += "file " + quoted(folder.appendingPathComponent(last.image).path) + "\n" }
        return out
    }

    /// Assembles `folder/walkthrough.mp4` from `shotlist.json`, the images it names, `narration.wav` and
    /// `captions.vtt` (a soft subtitle track). Renders `narration.wav` first, so audio and captions always match.
    @discardableResult
    public func assembleVideo(in folder: URL, wordsPerMinute: Int) throws(DiagnosticError) -> URL {
        guard let ffmpeg = locate("ffmpeg") else {
            throw DiagnosticError(Self.missingTool("ffmpeg", purpose: "--video", package: "ffmpeg"))
        }
        // Always speak the current SSML: a narration.wav left by an earlier run may be of other words or speed.
        let wav = try renderAudio(in: folder, wordsPerMinute: wordsPerMinute)
        let shotListURL = folder.appendingPathComponent("shotlist.json")
        let root: JSONNode
        do {
            root = try JSONParser.parse([UInt8](Data(contentsOf: shotListURL)), file: shotListURL.path)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(.narrationShotlist, "Cannot read \(shotListURL.path): \(error.localizedDescription)"))
        }
        let shots = Self.shots(fromShotList: root)
        let total = Self.milliseconds(root["totalDuration"])
        let (width, height) = Self.frameSize(root)
        let video = folder.appendingPathComponent(Self.videoFileName)
        let captions = folder.appendingPathComponent("captions.vtt")
        let listURL = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-\(UUID().uuidString).ffconcat")
        defer { try? FileManager.default.removeItem(at: listURL) }

        var arguments = ["-y", "-hide_banner", "-loglevel", "error"]
        if shots.isEmpty {
            arguments += ["-f", "lavfi", "-i", "color=c=white:s=\(width)x\(height):r=25:d=\(CaptionTimestamp.seconds(total))"]
        } else {
            for shot in shots where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(shot.image).path) {
                throw DiagnosticError(Diagnostic(
                    .narrationShotMissing, "The shot list names \(shot.image), which is not in \(folder.path).",
                    hint: "Run waymark build (or narrate --video) so the screenshots are copied next to the narration."))
            }
            do {
                try AtomicFileWriter.write(Data(Self.concatList(shots, folder: folder).utf8), to: listURL)
            } catch {
                throw DiagnosticError(Diagnostic(.outputWriteFailed, "Cannot write \(listURL.path): \(error.localizedDescription)"))
            }
            arguments += ["-f", "concat", "-safe", "0", "-i", listURL.path]
        }
        arguments += ["-i", wav.path, "-i", captions.path, "-map", "0:v", "-map", "1:a", "-map", "2:s"]
        let filters = ["scale=\(width):\(height):force_original_aspect_ratio=decrease",
                       "pad=\(width):\(height):(ow-iw)/2:(oh-ih)/2:color=white", "fps=25"]
            + Self.highlightFilters(fromShotList: root, frameWidth: width, frameHeight: height) + ["format=yuv420p"]
        arguments += ["-vf", filters.joined(separator: ",")]
        arguments += ["-c:v", "libx264", "-c:a", "aac", "-c:s", "mov_text", "-t", CaptionTimestamp.seconds(max(total, 1)),
                      "-metadata", "title=" + (root["title"]?.stringValue ?? ""), video.path]
        try run(ffmpeg, arguments, tool: "ffmpeg")
        return video
    }

    /// One ffmpeg `drawbox` per step with a highlight: the rectangle, scaled and offset as the screenshot is fitted
    /// into the frame, drawn while that step's screen is up (from its start to the next part's start).
    public static func highlightFilters(fromShotList root: JSONNode, frameWidth: Int, frameHeight: Int) -> [String] {
        guard let segments = root["segments"]?.arrayValue else { return [] }
        let total = milliseconds(root["totalDuration"])
        var filters: [String] = []
        for (index, segment) in segments.enumerated() {
            guard let shot = segment["screenshot"], let rect = shot["highlight"], !rect.isNull,
                  let imageWidth = shot["width"]?.intValue, let imageHeight = shot["height"]?.intValue,
                  imageWidth > 0, imageHeight > 0,
                  let x = rect["x"]?.intValue, let y = rect["y"]?.intValue,
                  let w = rect["width"]?.intValue, let h = rect["height"]?.intValue, w > 0, h > 0 else { continue }
            let scale = min(Double(frameWidth) / Double(imageWidth), Double(frameHeight) / Double(imageHeight))
            let offsetX = (Double(frameWidth) - Double(imageWidth) * scale) / 2
            let offsetY = (Double(frameHeight) - Double(imageHeight) * scale) / 2
            let start = milliseconds(segment["start"])
            let end = index + 1 < segments.count ? milliseconds(segments[index + 1]["start"]) : total
            guard end > start else { continue }
            let box = [Int((offsetX + Double(x) * scale).rounded()), Int((offsetY + Double(y) * scale).rounded()),
                       Int((Double(w) * scale).rounded()), Int((Double(h) * scale).rounded())]
            filters.append("drawbox=x=\(box[0]):y=\(box[1]):w=\(box[2]):h=\(box[3]):color=orange@0.9:t=3"
                           + ":enable='between(t,\(CaptionTimestamp.seconds(start)),\(CaptionTimestamp.seconds(end)))'")
        }
        return filters
    }

    /// The video frame: the largest screenshot size in the shot list (even numbers, as H.264 needs), else 1280×720.
    static func frameSize(_ root: JSONNode) -> (Int, Int) {
        var width = 0, height = 0
        for segment in root["segments"]?.arrayValue ?? [] {
            width = max(width, segment["screenshot"]?["width"]?.intValue ?? 0)
            height = max(height, segment["screenshot"]?["height"]?.intValue ?? 0)
        }
        if width == 0 || height == 0 { return (1280, 720) }
        return (width + width % 2, height + height % 2)
    }

    static func milliseconds(_ node: JSONNode?) -> Int {
        Int(((node?.doubleValue ?? 0) * 1000).rounded())
    }

    static func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func run(_ executable: URL, _ arguments: [String], tool: String) throws(DiagnosticError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticError(Diagnostic(.narrationToolFailed, "Cannot start \(tool): \(error.localizedDescription)"))
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message.prefix(2000), as: UTF8.self).trimming(.whitespacesAndNewlines)
            throw DiagnosticError(Diagnostic(
                .narrationToolFailed, "\(tool) failed with exit status \(process.terminationStatus)" + (detail.isEmpty ? "." : ": \(detail)"),
                hint: "Run the same command by hand to see the full output; the text narration files are written either way."))
        }
    }

    // MARK: - Screenshots for narrate --video

    /// The step screenshots of `guide` as files named like the shot list names them (`images/step-NN.ext`), read
    /// from `embeddedData` or from the capture's folder. Missing or unsafe paths become warnings, never crashes.
    public static func screenshotFiles(for guide: PhrasedGuide, captureFolder: URL) -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        var files: [RenderedFile] = []
        var diagnostics: [Diagnostic] = []
        for step in guide.steps {
            guard let shot = step.screenshot else { continue }
            let target = GuideImage.outputPath(stepNumber: step.number, sourcePath: shot.path)
            if let data = shot.embeddedData {
                files.append(RenderedFile(path: target, contents: data))
                continue
            }
            let parts = shot.path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            guard !shot.path.isEmpty, !shot.path.hasPrefix("/"), !shot.path.hasPrefix("~"), !parts.contains(".."),
                  !shot.path.contains("\0") else {
                diagnostics.append(Diagnostic(.narrationImagePath, "Step \(step.number)'s screenshot path \(shot.path) leaves the capture's folder; it is left out of the video."))
                continue
            }
            let url = captureFolder.appendingPathComponent(shot.path)
            // A symlink may point anywhere: the real file must stay inside the real capture folder.
            let realFolder = captureFolder.resolvingSymlinksInPath().standardizedFileURL.path
            let realFile = url.resolvingSymlinksInPath().standardizedFileURL.path
            guard realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else {
                diagnostics.append(Diagnostic(.narrationImagePath, "Step \(step.number)'s screenshot \(shot.path) links outside the capture's folder; it is left out of the video."))
                continue
            }
            guard let data = try? Data(contentsOf: url) else {
                diagnostics.append(Diagnostic(.narrationImageMissing, "Step \(step.number)'s screenshot \(shot.path) was not found next to the capture.",
                                            hint: "Keep screenshots at the paths the capture names, relative to the capture file."))
                continue
            }
            files.append(RenderedFile(path: target, contents: data))
        }
        return (files, diagnostics)
    }
}
