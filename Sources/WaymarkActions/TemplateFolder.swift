import Foundation
import WaymarkModel
import WaymarkRender

/// A user's templates folder (`--templates DIR`, `templates:` in waymark.yml), read from disk.
///
/// Files the folder holds that Waymark does not use are reported as notes: a misspelt override would otherwise be
/// silently ignored.
enum TemplateFolder {
    /// The built-in templates with every known file of `directory` replacing its built-in counterpart.
    static func templates(in directory: URL) throws(DiagnosticError) -> (TemplateSet, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(Diagnostic(
                .templateFolderMissing, "The templates folder does not exist.", at: SourceLocation(file: directory.path)))
        }
        var files: [String: String] = [:]
        var notes: [Diagnostic] = []
        let known = TemplateSet.overridableNames
        let names = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for relative in names {
            let url = directory.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard known.contains(relative) else {
                if !relative.hasPrefix(".") {
                    notes.append(Diagnostic(
                        .templateUnused, "\(relative) is not a template Waymark uses; it is ignored.",
                        hint: "Templates Waymark reads: " + (TemplateSet.templateNames + [TemplateSet.stylesheetName]).joined(separator: ", ") + ".",
                        at: SourceLocation(file: url.path)))
                }
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticError(Diagnostic(
                    .templateUnreadable, "The template cannot be read as UTF-8 text.", at: SourceLocation(file: url.path)))
            }
            files[relative] = text
        }
        return (try TemplateSet.overriding(with: files, origin: directory.path), notes)
    }
}
