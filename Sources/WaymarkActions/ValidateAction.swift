import WaymarkImport
import WaymarkModel

/// `waymark validate FILE...`: every problem in the given captures, file by file.
public enum ValidateAction {
    /// One file's problems and its summary line (`path: ok, 1 capture, 16 steps` or `path: 2 errors, 1 warning`).
    public struct FileResult: Sendable {
        public var diagnostics: [Diagnostic]
        public var summary: String
    }

    /// Each file's result, and whether any file has an error. Screenshots a capture names are looked up beside it
    /// when the file has no error.
    public static func run(paths: [String], format: CaptureFormat?) -> (files: [FileResult], failed: Bool) {
        let loaded = CaptureLoading.load(paths, format: format)
        var failed = false
        var files: [FileResult] = []
        for file in loaded {
            var diagnostics = file.diagnostics
            if !diagnostics.hasErrors {
                diagnostics += ScreenshotFiles.check(file.captures, capturePath: file.path)
            }
            files.append(FileResult(diagnostics: diagnostics, summary: summary(file, diagnostics)))
            if diagnostics.hasErrors { failed = true }
        }
        if loaded.isEmpty {
            files.append(FileResult(diagnostics: [Diagnostic(
                .inputNone, "No capture files found in the given paths.",
                hint: "Pass capture files (.json, .xml, .side, .html, .zip, .mht) or folders that hold them.")], summary: ""))
            failed = true
        }
        return (files, failed)
    }

    static func summary(_ file: LoadedCaptureFile, _ diagnostics: [Diagnostic]) -> String {
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
