import Foundation
import WaymarkModel

/// Writes one kind of material (a guide, a job aid, narration …) for one phrased capture.
///
/// The build pipeline runs every registered renderer over every capture; adding a kind of output is one more
/// renderer in its list. Renderers are pure: they get everything they need in `RenderContext` and never touch disk.
public protocol MaterialRenderer: Sendable {
    /// Files relative to `out/<capture-id>/`.
    func render(_ guide: PhrasedGuide, context: RenderContext) throws -> [RenderedFile]
}

/// Whether a guide gets a knowledge check.
public enum QuizMode: String, Sendable, Hashable {
    /// On for guides with at least `KnowledgeCheck.automaticMinimumSteps` steps.
    case automatic
    case always
    case never
}

/// A screenshot as the guide shows it: where it was copied in the output and how big it is.
public struct GuideImage: Sendable, Hashable {
    /// Path relative to the guide's folder, e.g. `images/step-02.png`.
    public var path: String
    /// Natural size in pixels, from the capture or read from the image itself.
    public var width: Int?
    public var height: Int?
    /// The image bytes, for `--self-contained` HTML (data: URI). Nil otherwise.
    public var data: Data?

    public init(path: String, width: Int? = nil, height: Int? = nil, data: Data? = nil) {
        self.path = path
        self.width = width
        self.height = height
        self.data = data
    }

    /// Where the build copies a step's screenshot: `images/step-02.png`, keeping a safe form of the source extension.
    public static func outputPath(stepNumber: Int, sourcePath: String) -> String {
        let ext = (sourcePath as NSString).pathExtension.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let number = stepNumber < 10 ? "0\(stepNumber)" : String(stepNumber)
        return "images/step-\(number).\(ext.isEmpty || ext.count > 5 ? "png" : ext)"
    }

    /// `image/png`, `image/jpeg` … from the file extension.
    public var mediaType: String {
        switch (path as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "svg": "image/svg+xml"
        default: "image/png"
        }
    }
}

/// Everything a renderer needs besides the phrased guide: options, templates, and what the build knows.
public struct RenderContext: Sendable {
    public var templates: TemplateSet
    /// Screenshots available in the output, by step number. A step without an entry is shown without a picture.
    public var images: [Int: GuideImage]
    /// Source fingerprint written into the front matter. Filled by the staleness engine (lock fingerprint); the
    /// build sets a content hash until then. Nil omits the key.
    public var fingerprint: String?
    /// The capture's path as written in front matter (`source:`), relative to where the build ran.
    public var sourcePath: String
    public var quiz: QuizMode
    /// Inline images and the stylesheet into guide.html.
    public var selfContained: Bool
    /// Link from a guide folder to the shared stylesheet.
    public var stylesheetHref: String
    /// Link from a guide page back to the dashboard; nil leaves the link out (an LMS package has no dashboard).
    public var dashboardHref: String? = "../index.html"
    /// Narration speed in words per minute and the pause between steps in seconds (waymark.yml `wpm`, `pause`).
    public var wordsPerMinute: Double
    public var pauseSeconds: Double
    /// Results one renderer computes and another part of the build needs for the same capture. Nil: compute again.
    public var shared: RenderSharedResults?

    public init(
        templates: TemplateSet = .builtIn, images: [Int: GuideImage] = [:], fingerprint: String? = nil,
        sourcePath: String = "", quiz: QuizMode = .automatic, selfContained: Bool = false,
        stylesheetHref: String = "../assets/waymark.css", wordsPerMinute: Double = 150, pauseSeconds: Double = 1
    ) {
        self.templates = templates
        self.images = images
        self.fingerprint = fingerprint
        self.sourcePath = sourcePath
        self.quiz = quiz
        self.selfContained = selfContained
        self.stylesheetHref = stylesheetHref
        self.wordsPerMinute = wordsPerMinute
        self.pauseSeconds = pauseSeconds
        self.shared = nil
    }
}

/// What renderers of one capture share, so the build does not compute it twice: today the narration's running
/// time, which the narration renderer gets from its captions and the dashboard shows. One instance per capture,
/// filled while that capture renders.
public final class RenderSharedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var narration: (wordsPerMinute: Int, pause: Int, milliseconds: Int)?

    public init() {}

    /// The narration's running time computed at this speed and pause, if a renderer recorded it.
    public func narrationMilliseconds(wordsPerMinute: Int, pauseMilliseconds: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let narration, narration.wordsPerMinute == wordsPerMinute, narration.pause == pauseMilliseconds else { return nil }
        return narration.milliseconds
    }

    func recordNarration(wordsPerMinute: Int, pauseMilliseconds: Int, milliseconds: Int) {
        lock.lock()
        narration = (wordsPerMinute, pauseMilliseconds, milliseconds)
        lock.unlock()
    }
}
