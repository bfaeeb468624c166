import Foundation
import WaymarkJSON
import WaymarkModel
import WaymarkRender

/// The page learners see inside a package: the guide exactly as `guide.html` shows it (same template, stylesheet
/// and screenshots), with the knowledge check as an interactive, scored quiz instead of a printed answer key, and
/// the run-time scripts that report to the LMS.
///
/// The guide is rendered by `GuideRenderer` with the quiz switched off; the quiz section goes before the page's
/// last `</main>`, its stylesheet before `</head>` and the scripts before the last `</body>` (appended at the end
/// when a template override lacks those tags), so a branded `guide.html.mustache` brands the package too.
struct CoursePage {
    static let templateName = "packages/course.html.mustache"
    static let stylesheetPath = "assets/waymark-course.css"
    static let scriptPath = "assets/waymark-course.js"

    let guide: PhrasedGuide
    /// The build's context, adjusted for a page at the package root (no dashboard, stylesheet under assets/).
    let context: RenderContext
    let quiz: KnowledgeCheck?
    let masteryScore: MasteryScore

    init(guide: PhrasedGuide, context: RenderContext, masteryScore: MasteryScore) {
        var pageContext = context
        pageContext.stylesheetHref = "assets/waymark.css"
        pageContext.dashboardHref = nil
        pageContext.quiz = .never
        self.guide = guide
        self.context = pageContext
        self.quiz = KnowledgeCheck.make(for: guide, mode: context.quiz)
        self.masteryScore = masteryScore
    }

    /// `guide.html` for a package whose adapter script is `adapterPath`.
    func html(kind: PackageKind, adapterPath: String) throws -> String {
        let rendered = try GuideRenderer().render(guide, context: context)
        guard let page = rendered.first(where: { $0.path == "guide.html" }) else { return "" }
        var html = String(decoding: page.contents, as: UTF8.self)
        html = Self.insert("<link rel=\"stylesheet\" href=\"\(Self.stylesheetPath)\">\n", before: "</head>", in: html, last: false)
        html = Self.insert(context.templates.render(Self.templateName, templateData()), before: "</main>", in: html, last: true)
        let scripts = "<script type=\"application/json\" id=\"wm-course-data\">\(courseData(kind: kind))</script>\n"
            + "<script src=\"\(Self.scriptPath)\"></script>\n<script src=\"\(adapterPath)\"></script>\n"
        return Self.insert(scripts, before: "</body>", in: html, last: true)
    }

    /// `job-aid.html`, linked from the quiz section.
    func jobAidHTML() throws -> String? {
        try JobAidRenderer().render(guide, context: context).first { $0.path == "job-aid.html" }
            .map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// What the course section template sees; question and option text is the guide's own inline HTML.
    func templateData() -> [String: Any] {
        guard let quiz, !quiz.questions.isEmpty else { return [:] }
        let questions = quiz.questions.enumerated().map { offset, question -> [String: Any] in
            let number = offset + 1
            return [
                "id": "wm-question-\(number)",
                "number": String(number),
                "step": String(question.stepNumber),
                "prompt": question.prompt.inlineHTML,
                "options": question.options.enumerated().map { index, option -> [String: Any] in
                    let letter = KnowledgeCheck.letter(index)
                    return ["name": "wm-q\(number)", "inputID": "wm-q\(number)-\(letter)", "value": letter, "html": option.inlineHTML]
                },
            ]
        }
        return ["quiz": ["count": String(questions.count), "masteryScore": String(masteryScore.percent), "questions": questions]]
    }

    /// The run-time's settings: which standard, the pass mark and the answer key (the page's scripts score the quiz
    /// offline; like any quiz in a browser, a determined learner can read the key in the page source).
    func courseData(kind: PackageKind) -> String {
        let answers = quiz?.questions.map { JSONNode.string(KnowledgeCheck.letter($0.answer)) } ?? []
        let json = JSONWriter.write(.object([
            ("standard", .string(kind.rawValue)),
            ("masteryScore", .number(masteryScore.percent)),
            ("steps", .number(guide.steps.count)),
            ("answers", .array(answers)),
        ]), pretty: false)
        // Inside <script>: a `<` could close the element, so none is written literally.
        return json.utf8Replacing("<", with: "\\u003c")
    }

    /// `fragment` placed before the first or last `marker`, or at the end when the page has none.
    static func insert(_ fragment: String, before marker: String, in html: String, last: Bool) -> String {
        guard let range = html.utf8Range(of: marker, backwards: last) else { return html + fragment }
        var out = html
        out.insert(contentsOf: fragment, at: range.lowerBound)
        return out
    }
}
