import WaymarkModel

/// The paper `--package pdf` prints guides and job aids on: `a4` (the default) or `letter`, from `--paper` or
/// `paper:` in waymark.yml. A named value rather than a free size, so a team's PDFs fit the paper its printers hold
/// and a typo is an error instead of a surprise layout.
public enum PaperSize: String, Sendable, Hashable, CaseIterable {
    /// ISO A4, 210 × 297 mm (595 × 842 points): everywhere but North America.
    case a4
    /// US Letter, 8.5 × 11 in (612 × 792 points).
    case letter

    /// The size for `name` (case and surrounding spaces ignored), or the `package.paper` diagnostic, placed at
    /// `location` when the caller has one.
    public static func parse(_ name: String, at location: SourceLocation? = nil) throws(DiagnosticError) -> PaperSize {
        guard let paper = PaperSize(rawValue: name.trimming(.whitespaces).lowercased()) else {
            throw DiagnosticError(Diagnostic(
                .packagePaper, "'\(name)' is not a paper size Waymark prints on.", at: location))
        }
        return paper
    }
}
