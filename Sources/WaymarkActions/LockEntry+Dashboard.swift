import WaymarkModel
import WaymarkRender
import WaymarkStaleness

extension LockEntry {
    /// The dashboard row of this capture as last built, or nil when the lock predates dashboard rows.
    public func dashboardEntry(status: String, sourcePath: String) -> DashboardEntry? {
        guard let row = dashboard else { return nil }
        return DashboardEntry(
            id: id, title: title, application: row.application, stepCount: row.guideSteps,
            timing: GuideTiming(readingMinutes: row.readingMinutes, narrationSeconds: row.narrationSeconds),
            owner: owner, reviewBy: reviewBy, status: status, sourcePath: sourcePath,
            files: Set(outputs.keys.filter { $0.hasPrefix(id + "/") }.map { String($0.dropFirst(id.count + 1)) }))
    }

    /// `overdue` when the review date has passed, else `fresh`: the status of an entry nobody rebuilt just now.
    public func status(today: CalendarDate) -> String {
        if let due = reviewBy, due < today { return FindingKind.overdue.rawValue }
        return "fresh"
    }
}
