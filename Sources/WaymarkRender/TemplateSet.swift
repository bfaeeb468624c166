import Foundation
import Mustache
import WaymarkModel

/// The Mustache templates and stylesheet used to write materials: the built-in set, with any file overridden by a
/// file of the same name in a user's templates folder (`--templates DIR`, waymark.yml `templates`).
///
/// The built-in set is compiled into the binary (`BuiltInTemplates`, kept identical to the repository's
/// `Templates/` folder by a test), so an installed `waymark` needs no files beside it.
public struct TemplateSet: Sendable {
    /// Template file names Waymark uses, e.g. `guide.md.mustache`.
    public static let templateNames = [
        "guide.md.mustache", "guide.html.mustache", "job-aid.md.mustache", "job-aid.html.mustache", "index.md.mustache",
        "index.html.mustache",
    ]
    public static let stylesheetName = "assets/waymark.css"

    /// File name → source text, after overrides.
    public private(set) var sources: [String: String]
    private var compiled: [String: MustacheTemplate]

    public static let builtIn: TemplateSet = {
        do {
            return try TemplateSet(sources: BuiltInTemplates.files, origin: "built-in templates")
        } catch {
            fatalError("Built-in templates do not parse: \(error)")
        }
    }()

    init(sources: [String: String], origin: String) throws(DiagnosticError) {
        self.sources = sources
        var compiled: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                compiled[name] = try MustacheTemplate(string: text)
            } catch {
                diagnostics.append(.error(
                    "template.syntax", "The template \(name) is not valid Mustache: \(error)",
                    hint: "Fix the template or remove it to use the built-in one.",
                    at: SourceLocation(file: origin == "built-in templates" ? name : origin + "/" + name)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        self.compiled = compiled
    }

    /// The built-in set with every known file found in `directory` replacing its built-in counterpart.
    ///
    /// Files the folder holds that Waymark does not use are reported as notes (a misspelt override would otherwise
    /// be silently ignored).
    public static func overriding(with directory: URL) throws(DiagnosticError) -> (TemplateSet, [Diagnostic]) {
        var sources = BuiltInTemplates.files
        var notes: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(.error(
                "template.folder-missing", "The templates folder does not exist.",
                hint: "Pass an existing folder to --templates or fix `templates` in waymark.yml.",
                at: SourceLocation(file: directory.path)))
        }
        // LMS package files (run-time, quiz template, schemas) may be overridden too, under the same relative paths.
        let known = Set(templateNames + [stylesheetName] + BuiltInTemplates.files.keys.filter { $0.hasPrefix("packages/") })
        let files = (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted()
        for relative in files {
            let url = directory.appendingPathComponent(relative)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            guard known.contains(relative) else {
                if !relative.hasPrefix(".") {
                    notes.append(.note(
                        "template.unused", "\(relative) is not a template Waymark uses; it is ignored.",
                        hint: "Templates Waymark reads: " + (templateNames + [stylesheetName]).joined(separator: ", ") + ".",
                        at: SourceLocation(file: url.path)))
                }
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticError(.error(
                    "template.unreadable", "The template cannot be read as UTF-8 text.",
                    hint: "Save the template as UTF-8.", at: SourceLocation(file: url.path)))
            }
            sources[relative] = text
        }
        return (try TemplateSet(sources: sources, origin: directory.path), notes)
    }

    /// Renders the named template with a context of dictionaries, arrays and strings.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        guard let template = compiled[name] else { return "" }
        return template.render(context)
    }

    /// The shared stylesheet (`assets/waymark.css`).
    public var stylesheet: String { sources[Self.stylesheetName] ?? "" }
}
