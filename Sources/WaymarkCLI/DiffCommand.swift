import ArgumentParser
import WaymarkActions
import WaymarkModel

extension DiffAction.Format: ExpressibleByArgument {}

/// `waymark diff OLD NEW`: what changed between two recordings of the same process, step by step.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the step-level differences between two recordings of a process.",
        discussion: """
            OLD and NEW may be in any supported format (even different ones). Steps are matched by their \
            fingerprints (what a learner sees, not timestamps or selectors); unmatched steps that look alike are \
            shown as changed, with the fields that differ. Files holding several captures are paired by id.

            Exit status: 0 when the recordings teach the same steps, 1 when they differ, 2 on invalid input.
            """)

    @Argument(help: "The older recording.")
    public var old: String

    @Argument(help: "The newer recording.")
    public var new: String

    @Option(help: "Report format: text or json.")
    public var report: DiffAction.Format = .text

    public init() {}

    public func run() throws {
        let outcome = try DiagnosticConsole.orExit { () throws(DiagnosticError) in
            try DiffAction.run(old: old, new: new, format: report, in: try Project.load())
        }
        DiagnosticConsole.report(outcome.diagnostics)
        switch report {
        case .text: DiagnosticConsole.printOut(outcome.report)
        case .json: DiagnosticConsole.writeOut(outcome.report)
        }
        if outcome.differs { throw ExitStatus.findings }
    }
}
