import WaymarkModel

/// A kind of learning-management package Waymark writes beside a guide: what LMSs import to deliver the guide and
/// its knowledge check to learners and record how they did.
public enum PackageKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// SCORM 1.2 (ADL): the format every LMS imports; results go through the LMS's JavaScript `API`.
    case scorm12
    /// cmi5 (AICC/ADL): an xAPI profile; results go to the LMS's Learning Record Store as statements.
    case cmi5

    /// The package's file name in the capture's output folder, e.g. `reset-password-scorm12.zip`.
    public func fileName(captureID: String) -> String { "\(captureID)-\(rawValue).zip" }

    /// How people call it: `SCORM 1.2`, `cmi5`.
    public var displayName: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .cmi5: "cmi5"
        }
    }

    public static func < (lhs: PackageKind, rhs: PackageKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The kinds named on the command line or in waymark.yml, without repeats and in a fixed order, or the
    /// `package.unknown-kind` diagnostic of the first unknown name (placed at `location` when the caller has one).
    public static func parse(_ names: [String], at location: SourceLocation? = nil) throws(DiagnosticError) -> [PackageKind] {
        var kinds = Set<PackageKind>()
        for name in names {
            guard let kind = PackageKind(rawValue: name.trimming(.whitespaces).lowercased()) else {
                throw DiagnosticError(Diagnostic(
                    .packageUnknownKind, "'\(name)' is not a package Waymark makes.",
                    hint: "Use " + allCases.map(\.rawValue).joined(separator: " or ") + ".", at: location))
            }
            kinds.insert(kind)
        }
        return kinds.sorted()
    }
}
