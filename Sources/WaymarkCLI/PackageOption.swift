import WaymarkPackaging

/// `--package KIND` of `build`: the kinds named on the command line replace those of waymark.yml.
enum PackageOption {
    static func kinds(_ names: [String], configured: [PackageKind]) throws -> [PackageKind] {
        guard !names.isEmpty else { return configured }
        do {
            return try PackageKind.parse(names)
        } catch {
            DiagnosticConsole.report(error.diagnostics)
            throw ExitStatus.invalidInput
        }
    }
}
