import Foundation
import WaymarkModel
import WaymarkRender

/// The files inside one capture's packages: what every standard shares, plus each standard's own.
struct PackageContents {
    static let launchPath = "guide.html"
    static let jobAidPath = "job-aid.html"

    let page: CoursePage
    let identity: PackageIdentity
    /// Files every package holds (guide page excluded: it names its standard's adapter), sorted by path.
    let shared: [RenderedFile]

    init(guide: PhrasedGuide, context: RenderContext, masteryScore: MasteryScore) throws {
        page = CoursePage(guide: guide, context: context, masteryScore: masteryScore)
        identity = PackageIdentity(captureID: guide.capture.id)
        var shared = [
            try Self.template(CoursePage.stylesheetPath, "packages/waymark-course.css", context.templates),
            try Self.template(CoursePage.scriptPath, "packages/waymark-course.js", context.templates),
        ]
        if let jobAid = try page.jobAidHTML() { shared.append(RenderedFile(path: Self.jobAidPath, text: jobAid)) }
        if !context.selfContained {
            shared.append(RenderedFile(path: "assets/waymark.css", text: context.templates.stylesheet))
            for (_, image) in context.images.sorted(by: { $0.key < $1.key }) {
                guard let data = image.data else {
                    throw DiagnosticError(Diagnostic(
                        .packageArchive, "The screenshot \(image.path) was not available for the package.",
                        hint: "Build packages with `waymark build --package …`, which passes the screenshots on."))
                }
                shared.append(RenderedFile(path: image.path, contents: data))
            }
        }
        self.shared = shared
    }

    /// The package's files in archive order: its description file first (LMSs and people look there), then the
    /// rest by path.
    /// `pdf` is printed by the build, not zipped: no files.
    func files(for kind: PackageKind) throws -> [RenderedFile] {
        guard kind.isLMSPackage else { return [] }
        let templates = page.context.templates
        var content = shared
        let adapter: RenderedFile
        switch kind {
        case .scorm12:
            adapter = try Self.template("assets/waymark-scorm12.js", "packages/scorm12/waymark-scorm12.js", templates)
            for schema in SCORM12Manifest.schemaFiles {
                content.append(try Self.template(schema, "packages/scorm12/\(schema)", templates))
            }
        case .cmi5:
            adapter = try Self.template("assets/waymark-cmi5.js", "packages/cmi5/waymark-cmi5.js", templates)
        case .pdf:
            return []
        }
        content.append(adapter)
        content.append(RenderedFile(path: Self.launchPath, text: try page.html(kind: kind, adapterPath: adapter.path)))
        content.sort { $0.path < $1.path }
        let capture = page.guide.capture
        let mastery = page.quiz == nil ? nil : page.masteryScore
        let description: RenderedFile
        switch kind {
        case .scorm12:
            let manifest = SCORM12Manifest(
                identity: identity, title: capture.title, launchPath: Self.launchPath, files: content.map(\.path),
                masteryScore: mastery)
            description = RenderedFile(path: "imsmanifest.xml", text: manifest.xml)
        case .cmi5:
            let structure = CMI5CourseStructure(
                identity: identity, title: capture.title,
                description: capture.purpose.flatMap { $0.collapsingWhitespace.isEmpty ? nil : $0 } ?? capture.title,
                language: capture.languageTag, launchPath: Self.launchPath, masteryScore: mastery)
            description = RenderedFile(path: "cmi5.xml", text: structure.xml)
        case .pdf:
            return []
        }
        return [description] + content
    }

    /// A built-in (or overridden) file of `Templates/packages/`, placed at `path` in the package.
    static func template(_ path: String, _ name: String, _ templates: TemplateSet) throws(DiagnosticError) -> RenderedFile {
        guard let text = templates.sources[name] else {
            throw DiagnosticError(Diagnostic(
                .packageArchive, "The package file \(name) is missing from the templates.",
                hint: "Restore Templates/\(name) or remove its override."))
        }
        return RenderedFile(path: path, text: text)
    }
}
