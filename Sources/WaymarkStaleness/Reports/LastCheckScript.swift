import WaymarkModel
import Foundation
import WaymarkEscaping
import WaymarkJSON

/// The last `waymark check`'s findings as a script the dashboard loads (`out/last-check.js`).
///
/// The dashboard must work from `file://` with no server, where `fetch` of a JSON file is refused; a `<script src>`
/// is not. The build writes the empty form once and never records or overwrites this file, so a check can update
/// what the dashboard shows without making `index.html` look edited. The data is the JSON report plus the date.
public enum LastCheckScript {
    public static let fileName = "last-check.js"

    /// What the build leaves when no check has run yet.
    public static let empty = "/* Written by waymark check: the findings of the last check. */\nwindow.waymarkLastCheck = null;\n"

    public static func render(_ report: StalenessReport, date: CalendarDate) -> String {
        var node = JSONReport.json(report)
        if case .object(var members) = node.kind {
            members.append(JSONMember(key: "date", value: .string(date.description)))
            node = JSONNode(.object(members))
        }
        // The document without its final newline (`append` writes none): the statement's `;` follows it.
        var json = ""
        JSONWriter.append(node, to: &json, indent: 0)
        return "/* Written by waymark check: the findings of the last check. */\nwindow.waymarkLastCheck = "
            + HTMLEscaping.rawTextElementContent(json) + ";\n"
    }
}
