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
                diagnostics.append(Diagnostic(
                    .templateSyntax, "The template \(name) is not valid Mustache: \(error)",
                    hint: "Fix the template or remove it to use the built-in one.",
                    at: SourceLocation(file: origin == "built-in templates" ? name : origin + "/" + name)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        self.compiled = compiled
    }

    /// Every file name a templates folder may override: the templates, the stylesheet, and the LMS package files
    /// (run-time, quiz template, schemas) under the same relative paths.
    public static var overridableNames: Set<String> {
        Set(templateNames + [stylesheetName] + BuiltInTemplates.files.keys.filter { $0.hasPrefix("packages/") })
    }

    /// The built-in set with each of `files` (file name → text, as read from a templates folder at `origin`)
    /// replacing its built-in counterpart. Names Waymark does not use are the caller's to report.
    public static func overriding(with files: [String: String], origin: String) throws(DiagnosticError) -> TemplateSet {
        var sources = BuiltInTemplates.files
        for (name, text) in files where overridableNames.contains(name) { sources[name] = text }
        return try TemplateSet(sources: sources, origin: origin)
    }

    /// Renders the named template with a context of dictionaries, arrays and strings.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        guard let template = compiled[name] else { return "" }
        return template.render(context)
    }

    /// The shared stylesheet (`assets/waymark.css`).
    public var stylesheet: String { sources[Self.stylesheetName] ?? "" }
}
