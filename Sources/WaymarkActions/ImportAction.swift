import Foundation
import WaymarkImport
import WaymarkModel
import WaymarkSupport

/// `waymark import FILE`: a capture in any supported format, written in a native format, canonically.
public enum ImportAction {
    public enum NativeFormat: String, Sendable, CaseIterable {
        case json, xml
    }

    public struct Request: Sendable {
        public var file: String
        public var format: CaptureFormat?
        public var target: NativeFormat = .json
        /// Write one file per capture into this folder instead of returning the text.
        public var out: String?

        public init(file: String) { self.file = file }
    }

    public struct Outcome: Sendable {
        /// The converted capture(s) for standard output; nil when written to `out`.
        public var printed: String?
        public var diagnostics: [Diagnostic] = []
    }

    /// Converts the captures of `request.file`. With `out`, each capture goes to `DIR/<capture-id>.json|xml` and
    /// screenshots carried inside the recording to `DIR/images/<capture-id>/`, every file written atomically.
    public static func run(_ request: Request, in project: Project) throws(DiagnosticError) -> Outcome {
        let loaded = CaptureLoading.load([request.file], format: request.format)
        var outcome = Outcome(diagnostics: loaded.flatMap(\.diagnostics))
        if outcome.diagnostics.hasErrors { throw DiagnosticError(outcome.diagnostics) }
        let captures = loaded.flatMap(\.captures)
        guard !captures.isEmpty else {
            throw DiagnosticError(outcome.diagnostics + [Diagnostic(
                .inputNoCaptures, "The file holds no capture.", at: SourceLocation(file: request.file))])
        }
        do throws(DiagnosticError) {
            if let out = request.out {
                let folder = project.url(out)
                for original in captures {
                    let capture = try extractEmbeddedScreenshots(of: original, into: folder)
                    let text = try render([capture], as: request.target, single: true)
                    try write(Data(text.utf8), to: folder.appendingPathComponent("\(capture.id).\(request.target.rawValue)"))
                }
            } else {
                let embedded = captures.flatMap(\.steps).filter { $0.screenshot?.embeddedData != nil }.count
                if embedded > 0 {
                    outcome.diagnostics.append(Diagnostic(
                        .importEmbeddedScreenshotsDropped,
                        "The recording carries \(embedded) screenshots inside it; printed output cannot hold them.",
                        at: SourceLocation(file: request.file)))
                }
                outcome.printed = try render(captures, as: request.target, single: captures.count == 1)
            }
        } catch {
            throw DiagnosticError(outcome.diagnostics + error.diagnostics.map { $0.inFile(request.file) })
        }
        return outcome
    }

    /// Writes screenshots carried inside a recording (Steps Recorder) to `images/<capture-id>/` beside the
    /// exported file and points the capture at them, so the converted capture keeps its pictures.
    static func extractEmbeddedScreenshots(of capture: Capture, into folder: URL) throws(DiagnosticError) -> Capture {
        var capture = capture
        let imageFolder = folder.appendingPathComponent("images").appendingPathComponent(capture.id)
        for index in capture.steps.indices {
            guard var screenshot = capture.steps[index].screenshot, let data = screenshot.embeddedData else { continue }
            let name = URL(fileURLWithPath: screenshot.path).lastPathComponent
            let safeName = name.isEmpty || name == "." || name == ".." ? "step-\(index + 1).jpeg" : name
            try write(data, to: imageFolder.appendingPathComponent(safeName))
            screenshot.path = "images/\(capture.id)/\(safeName)"
            screenshot.embeddedData = nil
            capture.steps[index].screenshot = screenshot
        }
        return capture
    }

    static func write(_ data: Data, to url: URL) throws(DiagnosticError) {
        do {
            try AtomicFileWriter.write(data, to: url)
        } catch {
            throw DiagnosticError(Diagnostic(
                .outputWriteFailed, "Cannot write the output: \(error.localizedDescription)",
                hint: "Check that the --out folder is writable.", at: SourceLocation(file: url.path)))
        }
    }

    static func render(_ captures: [Capture], as target: NativeFormat, single: Bool) throws(DiagnosticError) -> String {
        switch target {
        case .json: single ? NativeCaptureWriter.json(captures[0]) : NativeCaptureWriter.json(captures)
        case .xml: single ? try NativeCaptureWriter.xml(captures[0]) : try NativeCaptureWriter.xml(captures)
        }
    }
}

/// The schemas of the native capture formats, for `waymark schema`.
public enum NativeSchema: String, Sendable, CaseIterable {
    /// JSON Schema 2020-12.
    case json
    /// XML Schema 1.0.
    case xsd

    public var text: String {
        switch self {
        case .json: CaptureSchemas.jsonSchema
        case .xsd: CaptureSchemas.xsd
        }
    }
}
