import Foundation
import WaymarkModel

/// One row of the dashboard: a guide and what a training manager needs to know about it.
public struct DashboardEntry: Sendable, Hashable {
    public var id: String
    public var title: String
    public var application: String?
    public var stepCount: Int
    public var timing: GuideTiming
    public var owner: String?
    public var reviewBy: CalendarDate?
    /// `new` until the staleness engine knows better (`fresh`, `stale`, `edited`, `overdue` …).
    public var status: String
    /// The capture file the guide was built from, as the build names it.
    public var sourcePath: String

    public init(
        id: String, title: String, application: String?, stepCount: Int, timing: GuideTiming, owner: String?,
        reviewBy: CalendarDate?, status: String, sourcePath: String
    ) {
        self.id = id
        self.title = title
        self.application = application
        self.stepCount = stepCount
        self.timing = timing
        self.owner = owner
        self.reviewBy = reviewBy
        self.status = status
        self.sourcePath = sourcePath
    }

    public init(guide: PhrasedGuide, context: RenderContext, status: String = "new") {
        id = guide.capture.id
        title = guide.capture.title
        application = guide.capture.application
        stepCount = guide.steps.count
        timing = GuideTiming(guide: guide, context: context)
        owner = guide.capture.owner
        reviewBy = guide.capture.reviewBy
        self.status = status
        sourcePath = context.sourcePath.isEmpty ? guide.capture.source.path : context.sourcePath
    }
}

/// Writes `index.md` and `index.html`: every guide with application, steps, reading and narration time, owner,
/// review date and status. The status is an input, so the staleness engine decides it and this renderer shows it.
public struct DashboardRenderer: Sendable {
    public var templates: TemplateSet
    public var wordsPerMinute: Double
    public var pauseSeconds: Double

    public init(templates: TemplateSet = .builtIn, wordsPerMinute: Double = 150, pauseSeconds: Double = 1) {
        self.templates = templates
        self.wordsPerMinute = wordsPerMinute
        self.pauseSeconds = pauseSeconds
    }

    /// Files relative to the output folder. Entries are listed by title, then id, whatever order they come in.
    public func render(_ entries: [DashboardEntry]) -> [RenderedFile] {
        let sorted = entries.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        let steps = sorted.map(\.stepCount).reduce(0, +)
        let summary = sorted.count == 1 ? "1 guide, \(steps) steps." : "\(sorted.count) guides, \(steps) steps in all."
        let model = "Reading time assumes \(Int(GuideTiming.readingWordsPerMinute)) words per minute and "
            + "\(Int(GuideTiming.secondsPerScreenshot)) seconds per screenshot; narration time assumes "
            + "\(Self.number(wordsPerMinute)) words per minute and a \(Self.number(pauseSeconds)) s pause after each step."
        let rows = sorted.map { entry -> [String: Any] in
            let cell = { (text: String?) -> String in
                guard let text, !text.isEmpty else { return "—" }
                return MarkdownInline.escape(TargetDescriber.collapseWhitespace(text))
            }
            let plain = { (text: String?) -> String in
                guard let text, !text.isEmpty else { return "—" }
                return TargetDescriber.collapseWhitespace(text)
            }
            return [
                "title": cell(entry.title),
                "plainTitle": plain(entry.title),
                "markdownLink": "\(entry.id)/guide.md",
                "htmlLink": "\(entry.id)/guide.html",
                "jobAidLink": "\(entry.id)/job-aid.md",
                "source": cell(entry.sourcePath),
                "plainSource": plain(entry.sourcePath),
                "application": cell(entry.application),
                "plainApplication": plain(entry.application),
                "steps": String(entry.stepCount),
                "reading": entry.timing.readingText,
                "narration": entry.timing.narrationText,
                "owner": cell(entry.owner),
                "plainOwner": plain(entry.owner),
                "reviewBy": entry.reviewBy?.description ?? "—",
                "status": cell(entry.status),
                "statusClass": String(entry.status.lowercased().filter { $0.isASCII && $0.isLetter }),
            ]
        }
        let data: [String: Any] = [
            "guides": rows, "summary": summary, "model": model, "generator": "waymark \(WaymarkVersion.current)",
        ]
        return [
            RenderedFile(path: "index.md", text: GuideRenderer.normalizeBlankLines(templates.render("index.md.mustache", data))),
            RenderedFile(path: "index.html", text: GuideRenderer.normalizeBlankLines(templates.render("index.html.mustache", data))),
        ]
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
