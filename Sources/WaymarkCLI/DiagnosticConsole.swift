import Foundation
import WaymarkActions
import WaymarkModel

/// Prints diagnostics and messages for people, safely.
///
/// Text that came from a capture (labels, titles, paths) may carry ANSI escape sequences or other control
/// characters; everything printed to a terminal goes through `TerminalText.sanitize` first.
public enum DiagnosticConsole {
    /// Prints each diagnostic to standard error in `file:line:column: severity[code]: message` form.
    public static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            printError(diagnostic.description)
        }
    }

    /// The result of `action`; when it throws, its diagnostics are printed and the command exits with status 2.
    public static func orExit<T>(_ action: () throws(DiagnosticError) -> T) throws -> T {
        do {
            return try action()
        } catch {
            report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
    }

    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitize(text) + "\n").utf8))
    }

    /// Machine-readable output (JSON, XML, reports) exactly as given: no line added, nothing sanitised.
    public static func writeOut(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public static func printOut(_ text: String) {
        FileHandle.standardOutput.write(Data((TerminalText.sanitize(text) + "\n").utf8))
    }
}
