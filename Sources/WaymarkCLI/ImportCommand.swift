import ArgumentParser
import Foundation
import WaymarkImport
import WaymarkModel

/// `waymark import FILE`: reads a capture in any supported format and prints it in a native format, canonically.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a capture to Waymark's native JSON or XML format (canonical, lossless).",
        discussion: """
            Prints the capture to standard output. A file that holds several captures (a Selenium IDE project) \
            prints a JSON array or an XML <captures> document; with --out, each capture is written to \
            DIR/<capture-id>.json or .xml instead.
            """)

    public enum Target: String, ExpressibleByArgument, CaseIterable, Sendable {
        case json, xml
    }

    @Argument(help: "The capture file to read.")
    public var file: String

    @Option(help: "The input format, or auto to recognise it by content.")
    public var format: CaptureFormatChoice = CaptureFormatChoice(format: nil)

    @Option(name: .customLong("to"), help: "The native format to write.")
    public var target: Target = .json

    @Option(help: "Write one file per capture into this folder instead of printing.")
    public var out: String?

    public init() {}

    public func run() throws {
        let loaded = CaptureLoading.load([file], format: format.format)
        let diagnostics = loaded.flatMap(\.diagnostics)
        DiagnosticConsole.report(diagnostics)
        if diagnostics.hasErrors { throw ExitStatus.invalidInput }
        let captures = loaded.flatMap(\.captures)
        guard !captures.isEmpty else { throw ExitStatus.invalidInput }

        do {
            if let out {
                let folder = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for original in captures {
                    let capture = try Self.extractEmbeddedScreenshots(of: original, into: folder)
                    let text = try render([capture], single: true)
                    let url = folder.appendingPathComponent("\(capture.id).\(target.rawValue)")
                    try Data(text.utf8).write(to: url, options: .atomic)
                }
            } else {
                let embedded = captures.flatMap(\.steps).filter { $0.screenshot?.embeddedData != nil }.count
                if embedded > 0 {
                    DiagnosticConsole.report([.warning(
                        "import.embedded-screenshots-dropped",
                        "The recording carries \(embedded) screenshots inside it; printed output cannot hold them.",
                        hint: "Pass --out DIR to write the capture together with its screenshots.",
                        at: SourceLocation(file: file))])
                }
                let text = try render(captures, single: captures.count == 1)
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let error as DiagnosticError {
            DiagnosticConsole.report(error.diagnostics.map { $0.inFile(file) })
            throw ExitStatus.invalidInput
        } catch {
            DiagnosticConsole.report([.error(
                "output.unwritable", "Cannot write the output: \(error.localizedDescription)",
                hint: "Check that the --out folder is writable.", at: SourceLocation(file: out))])
            throw ExitStatus.invalidInput
        }
    }

    /// Writes screenshots carried inside a recording (Steps Recorder) to `images/<capture-id>/` beside the
    /// exported file and points the capture at them, so the converted capture keeps its pictures.
    static func extractEmbeddedScreenshots(of capture: Capture, into folder: URL) throws -> Capture {
        var capture = capture
        let imageFolder = folder.appendingPathComponent("images").appendingPathComponent(capture.id)
        for index in capture.steps.indices {
            guard var screenshot = capture.steps[index].screenshot, let data = screenshot.embeddedData else { continue }
            let name = URL(fileURLWithPath: screenshot.path).lastPathComponent
            let safeName = name.isEmpty || name == "." || name == ".." ? "step-\(index + 1).jpeg" : name
            try FileManager.default.createDirectory(at: imageFolder, withIntermediateDirectories: true)
            try data.write(to: imageFolder.appendingPathComponent(safeName), options: .atomic)
            screenshot.path = "images/\(capture.id)/\(safeName)"
            screenshot.embeddedData = nil
            capture.steps[index].screenshot = screenshot
        }
        return capture
    }

    private func render(_ captures: [Capture], single: Bool) throws(DiagnosticError) -> String {
        switch target {
        case .json: single ? NativeCaptureWriter.json(captures[0]) : NativeCaptureWriter.json(captures)
        case .xml: single ? try NativeCaptureWriter.xml(captures[0]) : try NativeCaptureWriter.xml(captures)
        }
    }
}
