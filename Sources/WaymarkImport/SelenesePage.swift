import Foundation
import WaymarkModel
internal import WaymarkXML

/// What one Selenese HTML file holds once parsed: its test cases (one per command table), or the links of a suite.
///
/// Reading is forgiving the way the recorders' own readers were: any `<table>` whose rows hold one to three cells
/// is a command table (its `<thead>`, else the page `<title>`, names the test); a table whose rows are links
/// (`id="suiteTable"` in Selenium IDE) is a suite. Cell text is HTML text: entities decoded, `<br>` kept as a line
/// break, other white space collapsed.
struct SelenesePage {
    struct TestCase {
        var name: String
        var commands: [SeleneseCommand]
        var location: SourceLocation
    }

    struct SuiteLink {
        var href: String
        var title: String
        var line: Int?
    }

    var baseURL: String?
    var testCases: [TestCase] = []
    var suiteLinks: [SuiteLink] = []
    var isSuite = false
    var suiteLine: Int?
    var diagnostics: [Diagnostic] = []

    static func read(_ data: Data, file: String) -> Result<SelenesePage, DiagnosticError> {
        switch XMLDocumentParser.parseHTML(data, file: file) {
        case .failure(let error): return .failure(error)
        case .success(let root): return .success(SelenesePage(root: root, file: file))
        }
    }

    init(root: XMLElement, file: String) {
        let head = Self.first("head", in: root)
        if let head {
            baseURL = Self.all("link", in: head)
                .first { ($0[attribute: "rel"] ?? "").lowercased() == "selenium.base" }?[attribute: "href"]
                .flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty }
        }
        let pageTitle = head.flatMap { Self.first("title", in: $0) }.map { Self.cellText($0) }?.nilIfEmpty
        let stem = SeleniumProjectReader.fileStem(file)
        for table in Self.all("table", in: root) {
            let rows = Self.rows(of: table)
            let linkRows = rows.filter { row in Self.all("a", in: row).contains { $0[attribute: "href"] != nil } }
            if table[attribute: "id"]?.lowercased() == "suitetable" || (!linkRows.isEmpty && linkRows.count >= rows.count - 1) {
                isSuite = true
                suiteLine = suiteLine ?? table.line
                for row in linkRows {
                    guard let a = Self.all("a", in: row).first(where: { $0[attribute: "href"] != nil }),
                          let href = a[attribute: "href"] else { continue }
                    suiteLinks.append(SuiteLink(href: href, title: Self.cellText(a), line: row.line > 0 ? row.line : nil))
                }
                continue
            }
            readTestCase(table, rows: rows, pageTitle: pageTitle, stem: stem, file: file)
        }
    }

    private mutating func readTestCase(_ table: XMLElement, rows: [XMLElement], pageTitle: String?, stem: String, file: String) {
        let thead = table.firstElement(named: "thead")
        let headName = thead.flatMap { Self.rows(of: $0).first }.map { Self.cellText($0) }?.nilIfEmpty
        var commands: [SeleneseCommand] = []
        var sawCommandRow = false
        for row in rows where !Self.isInHead(row, of: table) {
            let cells = row.elements.filter { $0.name == "td" || $0.name == "th" }
            let at = SourceLocation(file: file, line: row.line > 0 ? row.line : nil)
            // Selenium IDE 1 writes the test name as the only, wide cell of the first row when there is no thead.
            if cells.count == 1, cells[0][attribute: "colspan"] != nil, !sawCommandRow { continue }
            guard !cells.isEmpty else { continue }
            sawCommandRow = true
            if cells.count > 3 {
                diagnostics.append(Diagnostic(
                    .seleneseRow, "The row has \(cells.count) cells; only command, target and value (the first three) are read.",
                    at: at))
            }
            let texts = cells.prefix(3).map { Self.cellText($0) }
            let target = texts.count > 1 ? texts[1] : ""
            // Katalon Recorder lists the other locators it recorded in a `<datalist>` inside the target cell.
            let alternatives = cells.count > 1
                ? Self.datalistOptions(cells[1]).filter { !$0.isEmpty && $0 != target } : []
            commands.append(SeleneseCommand(
                name: texts[0], target: target, value: texts.count > 2 ? texts[2] : "",
                alternatives: alternatives.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
                location: at))
        }
        guard sawCommandRow || headName != nil else { return }
        let name = headName ?? pageTitle ?? stem
        testCases.append(TestCase(name: name, commands: commands,
                                  location: SourceLocation(file: file, line: table.line > 0 ? table.line : nil)))
    }

    // MARK: Tree helpers

    /// Rows of a table: its own `tr`s and those of its `thead`/`tbody`/`tfoot`, not those of nested tables.
    static func rows(of table: XMLElement) -> [XMLElement] {
        var rows: [XMLElement] = []
        for child in table.elements {
            switch child.name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += child.elements(named: "tr")
            default: break
            }
        }
        return rows
    }

    static func isInHead(_ row: XMLElement, of table: XMLElement) -> Bool {
        table.firstElement(named: "thead")?.elements(named: "tr").contains(row) ?? false
    }

    /// Elements named `name` under `element`, in document order, not descending into matches (tables in tables
    /// are read as their own tables when `name` is "table" because the walk continues into other elements).
    static func all(_ name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        var pending = Array(element.elements.reversed())
        while let next = pending.popLast() {
            if next.name == name { found.append(next) } else { pending += next.elements.reversed() }
        }
        return found
    }

    static func first(_ name: String, in element: XMLElement) -> XMLElement? {
        all(name, in: element).first
    }

    /// The text of a cell as a person reads it: `<br>` is a line break, runs of white space (including the
    /// source's line breaks) are one space, each line trimmed. A `<datalist>` (Katalon Recorder's list of other
    /// locators) is not part of the text; `datalistOptions` reads it.
    static func cellText(_ element: XMLElement) -> String {
        var raw = ""
        func walk(_ e: XMLElement) {
            for child in e.children {
                switch child {
                case .text(let t): raw += t.replacingOccurrences(of: "\n", with: " ")
                case .element(let inner):
                    if inner.name == "br" { raw += "\n" } else if inner.name != "datalist" { walk(inner) }
                }
            }
        }
        walk(element)
        return normalised(raw)
    }

    /// The `<option>`s of the `<datalist>`s in a cell, in order, each read like cell text.
    static func datalistOptions(_ cell: XMLElement) -> [String] {
        all("datalist", in: cell).flatMap { all("option", in: $0) }.map { cellText($0) }
    }

    private static func normalised(_ raw: String) -> String {
        return raw.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\u{0C}" })
                    .joined(separator: " ")
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
