import WaymarkModel

/// A kind of package Waymark writes beside a guide to deliver it where learners are: an LMS package (what LMSs import
/// to deliver the guide and its knowledge check and record how learners did) or printable PDFs.
public enum PackageKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// SCORM 1.2 (ADL): the format every LMS imports; results go through the LMS's JavaScript `API`.
    case scorm12
    /// cmi5 (AICC/ADL): an xAPI profile; results go to the LMS's Learning Record Store as statements.
    case cmi5
    /// `guide.pdf` and `job-aid.pdf`, printed from the guide's HTML by headless Chromium (see docs/packages.md).
    case pdf

    /// Whether this is an LMS package (a zip made by `LMSPackageRenderer`); the PDFs are printed by the build.
    public var isLMSPackage: Bool { self != .pdf }

    /// An LMS package's zip in the capture's output folder, e.g. `reset-password-scorm12.zip`; nil for `pdf`, whose
    /// files are `guide.pdf` and `job-aid.pdf`.
    public func archiveName(captureID: String) -> String? {
        isLMSPackage ? "\(captureID)-\(rawValue).zip" : nil
    }

    /// How people call it: `SCORM 1.2`, `cmi5`, `PDF`.
    public var displayName: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .cmi5: "cmi5"
        case .pdf: "PDF"
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
                    hint: DiagnosticCode.packageUnknownKind.hint, at: location))
            }
            kinds.insert(kind)
        }
        return kinds.sorted()
    }
}
