import ArgumentParser
import WaymarkActions
import WaymarkModel

extension ImportAction.NativeFormat: ExpressibleByArgument {}

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

    @Argument(help: "The capture file to read.")
    public var file: String

    @Option(help: "The input format, or auto to recognise it by content.")
    public var format: CaptureFormatChoice = CaptureFormatChoice(format: nil)

    @Option(name: .customLong("to"), help: "The native format to write.")
    public var target: ImportAction.NativeFormat = .json

    @Option(help: "Write one file per capture into this folder instead of printing.")
    public var out: String?

    public init() {}

    public func run() throws {
        var request = ImportAction.Request(file: file)
        request.format = format.format
        request.target = target
        request.out = out
        let outcome = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try ImportAction.run(request, in: Project()) }
        DiagnosticConsole.report(outcome.diagnostics)
        if let printed = outcome.printed { DiagnosticConsole.writeOut(printed) }
    }
}
