import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// The real Selenese HTML test cases and UI.Vision macros in ../shared/more-captures (origins in SOURCES.md there).
///
/// They sit outside ../shared/captures because other branches' tests expect every file there to import; these
/// tests read them in place. Under CI a missing folder fails (`SharedFolderTests`); locally the tests are disabled
/// with the reason.
///
/// Expected step counts, counted by reading each file:
/// - `simple.html`: open, type, submitAndWait (a custom "Submit" step that waits for the page), verifyText = 4.
/// - `artificial_intelligence_seat.json`: all 27 commands are steps (stores, labels, echoes, scripts and control
///   flow as notes; `clickAndWait` a click; `pause` a wait; `throwError` a note saying where the macro stops).
@Suite("Shared real-world Selenese HTML and UI.Vision recordings")
struct MoreSharedCapturesTests {
    typealias Expected = ExpectedImport

    static let table: [Expected] = [
        Expected(file: "selenese-html/vmi-selenese-runner-java__simple.html", format: .seleneseHTML,
                 captures: [("simple-test", 4)], labels: ["Text", "Form", "Text"]),
        Expected(file: "uivision/idousse-uc3m-seat-checker-uivision__artificial_intelligence_seat.json", format: .uiVision,
                 captures: [("artificial-intelligence-seat", 27)], labels: ["Asignatura", "Asignatura"]),
    ]

    static var folder: URL? { Fixtures.shared?.appendingPathComponent("more-captures") }
    static var hasMoreCaptures: Bool {
        folder.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
    }
    static let missing: Comment = "../shared/more-captures is not beside this checkout; these tests read the real recordings in it"

    @Test("The table lists every Selenese HTML and UI.Vision file, and only those", .enabled(if: hasMoreCaptures, missing))
    func tableIsComplete() throws {
        let folder = try #require(Self.folder)
        let onDisk = Fixtures.files(under: folder, extensions: ["html", "htm", "json"])
            .map { String($0.path.dropFirst(folder.path.count + 1)) }
        #expect(onDisk.sorted() == Self.table.map(\.file).sorted())
    }

    @Test("Each file is detected and imported with the expected steps and labels",
          .enabled(if: hasMoreCaptures, missing), arguments: MoreSharedCapturesTests.table.map(\.file))
    func importsAsExpected(file: String) throws {
        let folder = try #require(Self.folder)
        let expected = try #require(Self.table.first { $0.file == file })
        let (input, result) = try ForeignImportSupport.read(folder.appendingPathComponent(file), relativeTo: folder)
        expected.check(input, result)
    }

    @Test("Each file imports as recorded (golden dump)", .enabled(if: hasMoreCaptures, missing))
    func goldenDumps() throws {
        let folder = try #require(Self.folder)
        for file in Self.table.map(\.file) {
            let url = folder.appendingPathComponent(file)
            let (_, result) = try ForeignImportSupport.read(url, relativeTo: folder)
            Snapshot.assert(ForeignImportSupport.dump(result), named: url.lastPathComponent + ".txt", group: "more-captures")
        }
    }
}
