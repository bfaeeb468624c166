import WaymarkModel

/// How the dashboard shows a guide's status so it reads without colour: a shape (✓ ⚠ ✎ ✗ ✦ ?) beside the word,
/// and one sentence saying what was found and what to do.
struct StatusBadge: Sendable, Hashable {
    var icon: String
    var finding: String

    init(status: String, reviewBy: CalendarDate?) {
        switch status.lowercased() {
        case "fresh":
            icon = "✓"
            finding = "Up to date with its capture."
        case "new":
            icon = "✦"
            finding = "Built for the first time; nothing to compare with yet."
        case "edited":
            icon = "✎"
            finding = "A generated file was edited by hand and was kept. Move the wording into the capture and build again."
        case "overdue":
            icon = "⚠"
            finding = reviewBy.map { "Review was due on \($0). Walk through the process and move the review date forward." }
                ?? "Review is overdue. Walk through the process and move the review date forward."
        case "stale":
            icon = "⚠"
            finding = "The recorded process changed since the build. Build again and review the changed steps."
        case "missing":
            icon = "✗"
            finding = "A generated file is missing. Build again to regenerate it."
        case "orphaned":
            icon = "✗"
            finding = "The capture this was built from is gone."
        case "untracked":
            icon = "?"
            finding = "The capture has no materials yet. Build to generate them."
        case "outdated-template":
            icon = "↻"
            finding = "Built with older templates. Build again to use the current ones."
        default:
            icon = "•"
            finding = ""
        }
    }
}
