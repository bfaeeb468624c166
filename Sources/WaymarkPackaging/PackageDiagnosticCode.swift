/// The diagnostic codes of LMS packaging, in one place (docs/diagnostics.md lists them). Scripts and CI filters
/// may match on them, so they never change once released.
public enum PackageDiagnosticCode {
    /// A package kind Waymark does not make (`--package`, `packages:` in waymark.yml).
    public static let unknownKind = "package.unknown-kind"
    /// A mastery score that is not a whole percentage from 0 to 100 (`mastery_score:` in waymark.yml).
    public static let masteryScore = "package.mastery-score"
    /// The package archive could not be assembled.
    public static let archive = "package.archive"
}
