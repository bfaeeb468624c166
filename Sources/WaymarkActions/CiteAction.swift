import Foundation
import WaymarkModel
import WaymarkStaleness

/// `waymark cite ID`: the marker a hand-written material pastes to say which capture it describes, with the
/// fingerprint the last build recorded.
public enum CiteAction {
    /// The marker (or front-matter keys) for capture `id`, and a warning when the capture file changed since the
    /// build. Throws when there is no lock or the lock does not know `id`.
    public static func marker(
        for id: String, outputFolder out: String, frontMatter: Bool, in project: Project
    ) throws(DiagnosticError) -> (text: String, diagnostics: [Diagnostic]) {
        let outURL = project.url(out)
        let lockShown = (out as NSString).appendingPathComponent(LockFile.fileName)
        guard let lock = try LockFile.read(outputFolder: outURL, displayPath: lockShown) else {
            throw DiagnosticError(Diagnostic(.citeNoLock, "There is no \(lockShown)."))
        }
        guard let entry = lock.captures[id] else {
            let known = lock.captures.keys.sorted()
            let suggestion = known.isEmpty ? "The lock holds no captures; run `waymark build`."
                : "Known ids: " + known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "") + "."
            throw DiagnosticError(Diagnostic(.citeUnknownId, "No capture '\(id)' in \(lockShown).", hint: suggestion))
        }
        var diagnostics: [Diagnostic] = []
        let source = outURL.appendingPathComponent(entry.source)
        if let data = try? Data(contentsOf: source), !LockDigest.matches(Fingerprint.hex(of: data), recorded: entry.sourceHash) {
            diagnostics.append(Diagnostic(
                .citeSourceChanged, "The capture file changed since the last build; this marker cites the built version.",
                at: SourceLocation(file: DisplayPath.of(source, relativeTo: project.workingDirectory))))
        }
        let text = frontMatter
            ? "waymark_source: \(entry.id)\nwaymark_fingerprint: \(entry.fingerprint)"
            : MaterialCitation.marker(captureID: entry.id, fingerprint: entry.fingerprint)
        return (text, diagnostics)
    }
}
