import Foundation
import WaymarkModel
internal import WaymarkXML

/// Reads Selenese HTML: the test cases and test suites of Selenium IDE 1–2, still exported by Katalon Recorder.
///
/// A test case is a `<table>` whose `<thead>` holds the test's name and whose rows hold command, target and value;
/// `<link rel="selenium.base">` gives the base URL that relative `open` targets are joined with. Katalon Recorder
/// saves a whole suite as one file with one such table per test case. A Selenium IDE suite is a table of links to
/// test case files, read relative to the suite's folder: a link that leaves that folder (`../`, an absolute path, a
/// URL, a symbolic link pointing outside) is refused (`selenese.suite-link-outside`) and nothing outside is ever
/// opened.
///
/// The file is parsed by libxml2's HTML parser (`XMLDocumentParser.parseHTML`): the DOCTYPE every exported file
/// starts with is normal HTML, entities are decoded, `<br>` in a cell is a line break. Commands go through the one
/// Selenese command table shared with `.side` projects and UI.Vision macros.
///
/// Ids: a file with one test case gets the slug of the test's name, like other recordings with a title; a file with
/// several test cases prefixes each with the file name, like a `.side` project.
public struct SeleneseHTMLImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .seleneseHTML }

    /// Markers Selenium IDE and Katalon Recorder write at the top of every file they save.
    static let markers = ["selenium-ide.openqa.org", "selenium.base", "suitetable"]
    /// First cells of hand-written Selenese tables without those markers.
    static let commandCells = ["<td>open</td>", "<td>click</td>", "<td>clickandwait</td>", "<td>type</td>"]

    public func recognizes(_ input: CaptureInput) -> Bool {
        let text = Self.sniffedText(input)
        guard let first = text.first(where: { !$0.isWhitespaceQuick }), first == "<" else { return false }
        guard text.utf8Contains("<html") || text.utf8Contains("<table") || text.utf8Contains("<!doctype html") else { return false }
        if Self.markers.contains(where: { text.utf8Contains($0) }) { return true }
        let compact = String(decoding: text.utf8.filter { !$0.isASCIIWhitespace }, as: UTF8.self)
        return compact.utf8Contains("<table") && Self.commandCells.contains(where: { compact.utf8Contains($0) })
    }

    /// Whether the file starts like a Selenium IDE test suite (a table of links with `id="suiteTable"`).
    static func isSuite(_ input: CaptureInput) -> Bool {
        sniffedText(input).utf8Contains("suitetable")
    }

    /// The start of the file with ASCII letters lowered: every marker sniffed for is ASCII, and searching the bytes
    /// keeps format detection (which runs on every capture of a build) off Foundation's string search.
    private static func sniffedText(_ input: CaptureInput) -> String {
        let bytes = NativeFormat.leadingText(input.prefix).utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let page: SelenesePage
        switch SelenesePage.read(input.data, file: input.path) {
        case .failure(let error): return ImportResult(captures: [], diagnostics: error.diagnostics)
        case .success(let read): page = read
        }
        var diagnostics = page.diagnostics
        if !page.suiteLinks.isEmpty {
            return importSuite(page, input: input, diagnostics: diagnostics)
        }
        if page.testCases.isEmpty {
            if page.isSuite {
                diagnostics.append(Diagnostic(.seleneseEmptySuite, "The test suite links no test cases.",
                                              at: SourceLocation(file: input.path, line: page.suiteLine)))
            } else {
                diagnostics.append(Diagnostic(
                    .seleneseNotATest, "The HTML holds no Selenese test: no table of command, target and value rows.",
                    at: SourceLocation(file: input.path, line: 1)))
            }
            return ImportResult(captures: [], diagnostics: diagnostics)
        }
        let captures = captures(of: page, path: input.path, diagnostics: &diagnostics)
        return ImportResult(captures: captures, diagnostics: diagnostics)
    }

    /// One capture per test case of `page`, in file order.
    func captures(of page: SelenesePage, path: String, diagnostics: inout [Diagnostic]) -> [Capture] {
        let stem = SeleniumProjectReader.fileStem(path)
        let several = page.testCases.count > 1
        let byName = Dictionary(page.testCases.map { ($0.name, $0.commands) }, uniquingKeysWith: { first, _ in first })
        var usedIDs = Set<String>()
        var captures: [Capture] = []
        for test in page.testCases {
            var base = Slug.make(several ? "\(stem) \(test.name)" : test.name)
            if base.isEmpty { base = Slug.make(stem) }
            if base.count > 100 { base = String(base.prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
            var id = base
            var n = 2
            while !usedIDs.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            var table = SeleneseCommandTable(baseURL: page.baseURL, byName: Set(byName.keys), commandsByName: byName,
                                             testName: test.name)
            table.bareWordsAreIdentifiers = true
            for command in test.commands { table.convert(command) }
            table.finish(testName: test.name, at: test.location)
            diagnostics += table.diagnostics
            if table.steps.isEmpty {
                diagnostics.append(Diagnostic(
                    .seleniumEmptyTest, "The test '\(test.name)' has no commands a person performs; its guide will be empty.",
                    hint: "Record the test again, or remove it.", at: test.location))
            }
            var capture = Capture(
                id: id, title: test.name, prerequisites: table.prerequisites,
                source: CaptureSource(format: .seleneseHTML, path: path),
                origin: CaptureSource(format: .seleneseHTML, path: path),
                steps: table.steps)
            capture.application = page.baseURL.flatMap { URL(string: $0)?.host }
                ?? table.steps.first { $0.action == .navigate }?.url.flatMap { URL(string: $0)?.host }
            captures.append(capture)
        }
        return captures
    }

    /// The test cases a Selenium IDE suite links, in the suite's order, each read from the suite's folder.
    func importSuite(_ suite: SelenesePage, input: CaptureInput, diagnostics: [Diagnostic]) -> ImportResult {
        var diagnostics = diagnostics
        var captures: [Capture] = []
        var seenIDs = Set<String>()
        let folder = input.fileURL?.deletingLastPathComponent()
        let shownFolder = (input.path as NSString).deletingLastPathComponent
        for link in suite.suiteLinks {
            let at = SourceLocation(file: input.path, line: link.line)
            let resolved = SeleneseSuiteLink.resolve(link.href, in: folder)
            let url: URL
            switch resolved {
            case .outside(let why):
                diagnostics.append(Diagnostic(
                    .seleneseSuiteLinkOutside, "The suite links '\(link.href)', \(why); it is not read.", at: at))
                continue
            case .missing(let why):
                diagnostics.append(Diagnostic(
                    .seleneseSuiteLinkMissing, "The suite links '\(link.href)', \(why).", at: at))
                continue
            case .inside(let found, _):
                url = found
            }
            let shown = SeleneseSuiteLink.display(link.href, under: shownFolder)
            let testInput: CaptureInput
            do {
                testInput = try CaptureInput.load(url, displayPath: shown)
            } catch {
                diagnostics.append(Diagnostic(
                    .seleneseSuiteLinkMissing, "The suite links '\(link.href)', which cannot be read.", at: at))
                continue
            }
            switch SelenesePage.read(testInput.data, file: shown) {
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let page):
                diagnostics += page.diagnostics
                if page.isSuite {
                    diagnostics.append(Diagnostic(
                        .seleneseNestedSuite, "The suite links '\(link.href)', which is itself a suite; its links are not followed.",
                        at: at))
                    continue
                }
                if page.testCases.isEmpty {
                    diagnostics.append(Diagnostic(
                        .seleneseNotATest, "The linked file holds no Selenese test.", at: SourceLocation(file: shown, line: 1)))
                    continue
                }
                for capture in self.captures(of: page, path: shown, diagnostics: &diagnostics)
                where seenIDs.insert(capture.id).inserted {
                    var capture = capture
                    capture.origin = CaptureSource(format: .seleneseHTML, path: input.path)
                    captures.append(capture)
                }
            }
        }
        if captures.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.seleneseEmptySuite, "The test suite links no test cases.",
                                          at: SourceLocation(file: input.path, line: suite.suiteLine)))
        }
        return ImportResult(captures: captures, diagnostics: diagnostics)
    }
}
