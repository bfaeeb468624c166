import WaymarkModel

/// `waymark inspect FILE`: what a capture holds, at a glance — title, owner, and a table of its steps.
public enum InspectAction {
    /// The tables of every capture in `file`, prepared as the build prepares them (redaction of `waymark.yml`,
    /// secret-looking fields), so `inspect` never shows what a guide would hide; with the warnings of reading it.
    public static func run(
        file: String, format: CaptureFormat?, in project: Project
    ) throws(DiagnosticError) -> (text: String, diagnostics: [Diagnostic]) {
        let loaded = CaptureLoading.load([file], format: format)
        let diagnostics = loaded.flatMap(\.diagnostics)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        let text = loaded.flatMap { loadedFile in
            loadedFile.captures.map { CaptureTable.render(project.preparation.prepare($0, displayPath: loadedFile.path)) }
        }.joined(separator: "\n")
        return (text, diagnostics)
    }
}
