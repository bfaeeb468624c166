import ArgumentParser
import Foundation

extension WaymarkCommand {
    /// Runs the command line with Waymark's documented exit codes.
    ///
    /// ArgumentParser exits 64 (`EX_USAGE`) for usage errors and 1 for unexpected errors; Waymark promises 2 for
    /// both (1 is reserved for `check` findings). Explicit `ExitCode`s thrown by commands pass through unchanged.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let explicit as ExitCode {
            Foundation.exit(explicit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version and friends.
                exit(withError: error)
            }
            DiagnosticConsole.printError(fullMessage(for: error))
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        }
    }
}
