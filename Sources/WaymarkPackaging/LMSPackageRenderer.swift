import Foundation
import WaymarkModel
import WaymarkRender

/// Writes a capture's LMS packages — `<id>-scorm12.zip`, `<id>-cmi5.zip` — beside its other materials.
///
/// A package holds the guide as learners see it (the same guide page, screenshots, stylesheet and job aid, built
/// from the already redacted guide, so no secret can reach it), the knowledge check as a scored quiz, the run-time
/// script for its standard, and the standard's description file (`imsmanifest.xml` with the SCORM 1.2 schemas, or
/// `cmi5.xml`). Like every renderer it returns files as values; the build pipeline writes them and records them in
/// the lock. The archives are deterministic, so an unchanged capture gives byte-identical packages.
///
/// The screenshots come from `RenderContext.images`, which must carry the image bytes (`GuideImage.data`).
public struct LMSPackageRenderer: MaterialRenderer {
    /// The packages to write, in this order (`pdf` is not an LMS package and is left to the build).
    public var kinds: [PackageKind]
    /// The pass mark for captures that set none (waymark.yml `mastery_score`, else 80 %).
    public var masteryScore: MasteryScore

    public init(kinds: [PackageKind], masteryScore: MasteryScore = .default) {
        self.kinds = kinds
        self.masteryScore = masteryScore
    }

    public func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile] {
        let kinds = self.kinds.filter(\.isLMSPackage)
        guard !kinds.isEmpty else { return [] }
        let contents = try PackageContents(guide: guide, context: context, masteryScore: MasteryScore.forCapture(guide.capture, projectDefault: masteryScore))
        var files: [RenderedFile] = []
        for kind in kinds {
            let archive = try PackageArchive.zip(try contents.files(for: kind))
            guard let name = kind.archiveName(captureID: guide.capture.id) else { continue }
            files.append(RenderedFile(path: name, contents: archive))
        }
        return files
    }
}
