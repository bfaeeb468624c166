import WaymarkModel

/// The text `inspect` prints for one capture. Sensitive values are always shown as `••••••`.
public enum CaptureTable {
    public static let mask = "••••••"
    static let targetWidth = 36
    static let valueWidth = 60

    public static func render(_ capture: Capture) -> String {
        var lines: [String] = [oneLine(capture.title.isEmpty ? "(untitled)" : capture.title)]
        var facts: [(String, String)] = [("ID", capture.id)]
        if let owner = capture.owner { facts.append(("Owner", owner)) }
        if let application = capture.application { facts.append(("Application", application)) }
        if let audience = capture.audience { facts.append(("Audience", audience)) }
        if let reviewBy = capture.reviewBy { facts.append(("Review by", reviewBy.description)) }
        if let recordedBy = capture.recordedBy { facts.append(("Recorded by", recordedBy)) }
        facts.append(("Source", "\(capture.source.path) (\(capture.source.format.rawValue))"))
        if let origin = capture.origin, origin != capture.source { facts.append(("Converted from", "\(origin.path) (\(origin.format.rawValue))")) }
        let labelWidth = facts.map { $0.0.count }.max() ?? 0
        for (label, value) in facts {
            lines.append("  " + pad(label, labelWidth) + "  " + oneLine(value))
        }
        lines.append("")

        let rows: [[String]] = capture.steps.enumerated().map { index, step in
            [String(index + 1), oneLine(step.action.rawValue), truncate(oneLine(targetText(step)), targetWidth),
             truncate(oneLine(valueText(step)), valueWidth)]
        }
        let header = ["#", "Action", "Target", "Value"]
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func format(_ row: [String]) -> String {
            let cells = [padLeft(row[0], widths[0]), pad(row[1], widths[1]), pad(row[2], widths[2]), row[3]]
            let line = "  " + cells.joined(separator: "  ")
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
        lines.append(format(header))
        for row in rows { lines.append(format(row)) }
        if rows.isEmpty { lines.append("  (no steps)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The target column: the label a person reads, else the role, else the first selector.
    static func targetText(_ step: Step) -> String {
        guard let target = step.target else { return "" }
        return target.label ?? target.role ?? target.selectors.first ?? ""
    }

    /// The value column: the typed or chosen value (masked when sensitive), the key combination, the url, the note.
    static func valueText(_ step: Step) -> String {
        if step.sensitive, step.value != nil { return mask }
        if let value = step.value { return value }
        if let key = step.key {
            return (step.modifiers.map(modifierName) + [key]).joined(separator: "+")
        }
        if let url = step.url { return url }
        if step.action == .note, let note = step.note { return note }
        if step.action == .custom, let type = step.customType { return "(\(type))" }
        return ""
    }

    static func modifierName(_ modifier: KeyModifier) -> String {
        switch modifier {
        case .ctrl: "Ctrl"
        case .alt: "Alt"
        case .shift: "Shift"
        case .meta: "Meta"
        }
    }

    /// Line breaks and tabs shown as spaces so a value stays in its row; terminal escapes removed before the
    /// column widths are measured.
    static func oneLine(_ text: String) -> String {
        TerminalText.sanitize(String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    static func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
