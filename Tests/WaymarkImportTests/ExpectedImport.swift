import Testing
import WaymarkImport
import WaymarkModel

/// What a real recording must import as, for the table-driven suites over real files (shared captures, the more
/// captures in `../shared`, the committed Selenese HTML and UI.Vision fixtures): one place for the checks, so a new
/// rule (say, "no selector as a label") reaches every table at once.
struct ExpectedImport: Sendable {
    var file: String
    var format: CaptureFormat
    /// Capture id and step count, in output order; empty for a file that must be refused.
    var captures: [(id: String, steps: Int)]
    /// Labels that must appear, in this order, among the captures' target labels.
    var labels: [String] = []
    /// Diagnostic codes that must be reported, with their severity.
    var diagnostics: [(code: String, severity: Diagnostic.Severity)] = []
    /// The file each capture names as its source, in output order, when that is not `file` (a suite's captures come
    /// from the test case files it links).
    var sources: [String]? = nil

    /// Records an issue for every way `result` (read from `input`, whose display path is `file`) differs.
    func check(_ input: CaptureInput, _ result: ImportResult) {
        #expect(CaptureReader().detectFormat(of: input) == format)
        #expect(result.captures.map(\.id) == captures.map(\.id))
        #expect(result.captures.map(\.steps.count) == captures.map(\.steps))
        let paths = sources ?? Array(repeating: file, count: result.captures.count)
        #expect(result.captures.map(\.source) == paths.map { CaptureSource(format: format, path: $0) })
        let found = result.captures.flatMap { $0.steps.compactMap { $0.target?.label } }
        var remaining = found[...]
        for label in labels {
            guard let index = remaining.firstIndex(of: label) else {
                Issue.record("label \(label) not found in order in \(found)")
                break
            }
            remaining = remaining[(index + 1)...]
        }
        for (code, severity) in diagnostics {
            #expect(result.diagnostics.contains { $0.code == code && $0.severity == severity }, "expected \(severity) \(code)")
        }
        // Only a file that must be refused may carry errors; errors mean exit 2.
        #expect(result.hasErrors == captures.isEmpty, "\(result.diagnostics)")
        #expect(ForeignImportSupport.selectorLabels(result).isEmpty, "raw selectors used as labels")
    }
}
