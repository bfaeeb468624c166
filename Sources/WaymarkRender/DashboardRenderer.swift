import Foundation
import WaymarkModel
import WaymarkSupport
import WaymarkEscaping

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
    /// The files built for the guide, relative to its folder (`guide.html`, `captions.vtt` …), so the dashboard
    /// links only what exists. Nil: the standard set (guide, job aid, narration, captions).
    public var files: Set<String>?

    public init(
        id: String, title: String, application: String?, stepCount: Int, timing: GuideTiming, owner: String?,
        reviewBy: CalendarDate?, status: String, sourcePath: String, files: Set<String>? = nil
    ) {
        self.files = files
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

    public init(guide: PhrasedGuide, context: RenderContext, status: String = "new", files: Set<String>? = nil) {
        self.files = files
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

    public init(
        templates: TemplateSet = .builtIn, wordsPerMinute: Double = Double(NarrationOptions.defaultWordsPerMinute),
        pauseSeconds: Double = NarrationOptions.defaultPauseSeconds
    ) {
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
            let materials = Self.materials(for: entry)
            let badge = StatusBadge(status: entry.status, reviewBy: entry.reviewBy)
            let cell = { (text: String?) -> String in
                guard let text, !text.isEmpty else { return "—" }
                return MarkdownEscaping.inline(text.collapsingWhitespace)
            }
            let plain = { (text: String?) -> String in
                guard let text, !text.isEmpty else { return "—" }
                return text.collapsingWhitespace
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
                // The same words as the owner counts and the owner filter: one name for "nobody" on the page.
                "plainOwner": Self.ownerName(entry.owner),
                "reviewBy": entry.reviewBy?.description ?? "—",
                "status": cell(entry.status),
                "plainStatus": plain(entry.status),
                "id": entry.id,
                "statusClass": String(entry.status.lowercased().filter { $0.isASCII && $0.isLetter }),
                "statusIcon": badge.icon,
                "finding": badge.finding,
                "materials": materials,
                "hasMaterials": !materials.isEmpty,
                "reviewSort": entry.reviewBy?.description ?? "9999-99-99",
                "readingSort": String(entry.timing.readingMinutes),
                "narrationSort": String(entry.timing.narrationSeconds),
            ]
        }
        let data: [String: Any] = [
            "guides": rows, "summary": summary, "model": model, "generator": "waymark \(WaymarkVersion.current)",
            "statusCounts": Self.counts(sorted.map { $0.status.collapsingWhitespace }).map { row in
                row.merging(["icon": StatusBadge(status: row["name"] as? String ?? "", reviewBy: nil).icon]) { a, _ in a }
            },
            "ownerCounts": Self.counts(sorted.map { Self.ownerName($0.owner) }),
        ]
        // The two pages are independent and, with thousands of guides, each takes a while: render them side by side.
        let names = ["index.md", "index.html"]
        let templates = self.templates
        let shared = SendableData(data)
        let pages = Parallel.map(count: names.count, workers: names.count) { index in
            GuideRenderer.normalizeBlankLines(templates.render(names[index] + ".mustache", shared.value))
        }
        return zip(names, pages).map { RenderedFile(path: $0, text: $1) }
    }

    /// Name and count, most common first, then by name: the dashboard's "by status" and "by owner" lists.
    /// An owner as the dashboard names it: white space collapsed, "no owner" when there is none.
    static func ownerName(_ owner: String?) -> String {
        let name = owner?.collapsingWhitespace ?? ""
        return name.isEmpty ? "no owner" : name
    }

    static func counts(_ values: [String]) -> [[String: Any]] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ["name": $0.key, "count": $0.value] }
    }

    /// Links to the guide's other materials that were built: job aid, narration script, captions.
    static func materials(for entry: DashboardEntry) -> [[String: String]] {
        let known: [(file: String, label: String)] = [
            ("job-aid.html", "Job aid"), ("job-aid.md", "Job aid (Markdown)"), ("narration.txt", "Narration"),
            ("captions.vtt", "Captions (WebVTT)"), ("captions.srt", "Captions (SRT)"),
        ]
        let standard: Set<String> = ["job-aid.html", "job-aid.md", "narration.txt", "captions.vtt", "captions.srt"]
        let files = entry.files ?? standard
        // LMS packages (`--package`), named after the capture.
        let packages: [(file: String, label: String)] = [
            ("\(entry.id)-scorm12.zip", "SCORM 1.2 package"), ("\(entry.id)-cmi5.zip", "cmi5 package"),
            ("guide.pdf", "Guide (PDF)"), ("job-aid.pdf", "Job aid (PDF)"),
        ]
        return (known + packages).filter { files.contains($0.file) }.map { ["href": "\(entry.id)/\($0.file)", "label": $0.label] }
    }

    static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}

/// The template data, read (never changed) by both page renderers at once.
private struct SendableData: @unchecked Sendable {
    let value: [String: Any]
    init(_ value: [String: Any]) { self.value = value }
}
