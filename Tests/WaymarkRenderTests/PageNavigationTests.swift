import Foundation
import Testing
import WaymarkModel
@testable import WaymarkRender

/// Step anchors in guide.html, and the dashboard's counts, material links and status badges.
@Suite struct PageNavigationTests {
    @Test func stepsOfEverySectionGetAnchorsInOrder() {
        let markdown = """
        - objective

        ## First

        1. one

           > 1. not a step

        2. two

        ## Second

        3. three

        ## Check your understanding

        1. a question
        """
        let anchored = MarkdownHTML.render(GuideHTMLWriter.anchorSteps(CmarkAdapter.parse(markdown), count: 3))
        for n in 1...3 {
            #expect(anchored.contains(
                "<li id=\"step-\(n)\" class=\"wm-step\"><a class=\"wm-step-link\" href=\"#step-\(n)\" aria-label=\"Link to step \(n)\">Link</a>"))
        }
        #expect(!anchored.contains("step-4"))
        #expect(anchored.contains("<li>objective</li>"))
        #expect(anchored.contains("<li>not a step</li>"))
        #expect(anchored.contains("<li>a question</li>"))
    }

    @Test func noStepsLeavesThePageAlone() {
        let tree = CmarkAdapter.parse("1. x\n")
        #expect(GuideHTMLWriter.anchorSteps(tree, count: 0) == tree)
    }

    @Test func countsAreMostCommonFirstThenByName() {
        let counts = DashboardRenderer.counts(["fresh", "overdue", "fresh", "edited", "overdue", "fresh"])
        #expect(counts.map { $0["name"] as? String } == ["fresh", "overdue", "edited"])
        #expect(counts.map { $0["count"] as? Int } == [3, 2, 1])
    }

    @Test func everyStatusHasAShapeAndASentence() {
        let date = CalendarDate(daysSinceEpoch: 20_000)
        for status in ["fresh", "new", "edited", "overdue", "stale", "missing", "orphaned", "untracked", "outdated-template"] {
            let badge = StatusBadge(status: status, reviewBy: date)
            #expect(!badge.icon.isEmpty && !badge.finding.isEmpty, "\(status)")
        }
        #expect(StatusBadge(status: "overdue", reviewBy: date).finding.contains(date.description))
        #expect(StatusBadge(status: "fresh", reviewBy: nil).icon != StatusBadge(status: "overdue", reviewBy: nil).icon)
    }

    @Test func materialLinksFollowTheFilesBuilt() throws {
        let capture = CapturesInCode.all[0]
        let guide = StepPhraser().phrase(capture)
        var entry = DashboardEntry(guide: guide, context: RenderContext(), files: ["guide.html", "job-aid.md", "captions.vtt"])
        #expect(DashboardRenderer.materials(for: entry).map { $0["href"] } == ["\(capture.id)/job-aid.md", "\(capture.id)/captions.vtt"])
        entry.files = nil
        #expect(DashboardRenderer.materials(for: entry).count == 5)
    }
}
