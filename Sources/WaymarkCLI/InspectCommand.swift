import ArgumentParser
import WaymarkActions
import WaymarkModel

/// `waymark inspect FILE`: what a capture holds, at a glance — title, owner, and a table of its steps.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a capture's title, owner and steps as a table (sensitive values masked).")

    @Argument(help: "The capture file to read.")
    public var file: String

    @Option(help: "The input format, or auto to recognise it by content.")
    public var format: CaptureFormatChoice = CaptureFormatChoice(format: nil)

    public init() {}

    public func run() throws {
        let (text, diagnostics) = try DiagnosticConsole.orExit { () throws(DiagnosticError) in
            try InspectAction.run(file: file, format: format.format, in: try Project.load())
        }
        DiagnosticConsole.report(diagnostics)
        DiagnosticConsole.writeOut(TerminalText.sanitize(text))
    }
}
