import Testing
import WaymarkModel

/// `CalendarDate("YYYY-MM-DD")` reads bytes; the split-and-check original is kept here as the reference.
@Suite struct CalendarDateTests {
    static func reference(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    @Test func parsesExactlyWhatTheReferenceParses() {
        let samples = [
            "2026-12-02", "2024-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "0001-01-01",
            "9999-12-31", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01 ", " 2026-01-01", "2026-01-011",
            "2026--01-01", "20260101", "", "2026-01-01T10:00:00Z", "２０２６-01-01", "2026-0١-01", "2026-01-0\u{301}1",
            "2026-01-01\u{301}", "abcd-ef-gh", "2026-01-3１", "-026-01-01", "2026-01--1", "+026-01-01",
        ]
        for text in samples {
            #expect(CalendarDate(text) == Self.reference(text), "\(text.debugDescription)")
        }
        #expect(CalendarDate("2026-12-02")?.description == "2026-12-02")
    }
}
