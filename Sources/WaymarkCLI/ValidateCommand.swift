import ArgumentParser
import WaymarkActions
import WaymarkModel

/// `waymark validate FILE...`: reports every problem in the given captures; exits 2 when any is an error.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check capture files and report every problem with file, line and column.",
        discussion: """
            Folders are searched recursively for capture files. Each file gets one summary line on standard \
            output; diagnostics go to standard error. Exit status: 0 when no file has an error (warnings \
            allowed), 2 otherwise.
            """)

    @Argument(help: "Capture files or folders.")
    public var paths: [String]

    @Option(help: "The input format, or auto to recognise each file by content.")
    public var format: CaptureFormatChoice = CaptureFormatChoice(format: nil)

    public init() {}

    public func run() throws {
        let (files, failed) = ValidateAction.run(paths: paths, format: format.format)
        for file in files {
            DiagnosticConsole.report(file.diagnostics)
            if !file.summary.isEmpty { DiagnosticConsole.printOut(file.summary) }
        }
        if failed { throw ExitStatus.invalidInput }
    }
}
