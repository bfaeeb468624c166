import ArgumentParser
import Foundation
import WaymarkImport
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
        let loaded = CaptureLoading.load(paths, format: format.format)
        var failed = false
        for file in loaded {
            var diagnostics = file.diagnostics
            if !diagnostics.hasErrors {
                diagnostics += ScreenshotFiles.check(file.captures, capturePath: file.path)
            }
            DiagnosticConsole.report(diagnostics)
            DiagnosticConsole.printOut(summary(file, diagnostics))
            if diagnostics.hasErrors { failed = true }
        }
        if loaded.isEmpty {
            DiagnosticConsole.report([.error(
                "input.none", "No capture files found in the given paths.",
                hint: "Pass capture files (.json, .xml, .side, .zip, .mht) or folders that hold them.")])
            failed = true
        }
        if failed { throw ExitStatus.invalidInput }
    }

    /// `path: ok, 1 capture, 16 steps` or `path: 2 errors, 1 warning`.
    func summary(_ file: LoadedCaptureFile, _ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if errors > 0 {
            parts.append(count(errors, "error"))
        } else {
            parts.append("ok")
            parts.append(count(file.captures.count, "capture"))
            parts.append(count(file.captures.reduce(0) { $0 + $1.steps.count }, "step"))
        }
        if warnings > 0 { parts.append(count(warnings, "warning")) }
        return "\(file.path): " + parts.joined(separator: ", ")
    }
}
