import WaymarkModel

/// Writes `job-aid.md`: a one-page checklist of the steps for learners after training — no screenshots, notes as
/// short sub-items, the owner to ask at the end.
public struct JobAidRenderer: MaterialRenderer {
    public init() {}

    public func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile] {
        let capture = guide.capture
        let title = TargetDescriber.collapseWhitespace(capture.title)
        var data: [String: Any] = [
            "frontMatter": GuideTemplateData.frontMatter(
                guide, context: context, title: "Job aid: \(title)", id: "\(capture.id)-job-aid"),
            "title": MarkdownInline.escape(title),
            "sections": GuideTemplateData.sections(guide, context: context, images: false),
        ]
        if let owner = GuideTemplateData.escaped(capture.owner) { data["contact"] = owner }
        let text = GuideRenderer.normalizeBlankLines(context.templates.render("job-aid.md.mustache", data))
        return [RenderedFile(path: "job-aid.md", text: text)]
    }
}
