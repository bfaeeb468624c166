import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Inputs the fuzzers (`make fuzz`, see FUZZING.md) found to crash an importer. Each is kept in
/// `Fuzz/regressions/` and must now end in a diagnostic, read from memory (as the fuzzer and library users read it)
/// and from a file (as the CLI reads it).
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Fuzz/regressions")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
    }

    @Test func everyCrashingInputEndsInADiagnostic() throws {
        #expect(!Self.files.isEmpty, "no regression inputs found in \(Self.folder.path)")
        for url in Self.files {
            let data = try Data(contentsOf: url)
            for input in [CaptureInput(path: url.lastPathComponent, data: data), try CaptureInput.load(url)] {
                for importer in CaptureReader.allImporters {
                    let result = importer.importCaptures(from: input)
                    #expect(!result.captures.isEmpty || result.hasErrors, "\(url.lastPathComponent) via \(importer.format)")
                }
                let result = CaptureReader().read(input)
                #expect(!result.captures.isEmpty || result.hasErrors)
            }
        }
    }

    @Test func theDirectoryPastTheEndIsReportedAsDamaged() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("psr-zip-directory-past-end.zip"))
        let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "crash.zip", data: data))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["zip.damaged"])
        #expect(result.diagnostics.first?.message == "The archive is damaged: its directory lies outside the file.")
    }

    /// The same fault made by hand: a good archive whose end record points its directory past the end of the data,
    /// or whose directory entry points at a local header past the end.
    @Test(arguments: ["directory offset", "local header offset"])
    func patchedOffsetsAreRefusedBeforeZIPFoundationReadsThem(field: String) throws {
        var bytes = [UInt8](try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", StepsRecorderFixtures.mht())]))
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let candidates: [Int] = Array((0...(bytes.count - 22)).reversed())
        let found: Int? = candidates.first { (index: Int) -> Bool in Array(bytes[index..<(index + 4)]) == signature }
        let end = try #require(found)
        func put32(_ value: UInt32, at index: Int) {
            for i in 0..<4 { bytes[index + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        }
        if field == "directory offset" {
            put32(UInt32(bytes.count + 1000), at: end + 16)
        } else {
            var directory = 0
            for i in 0..<4 { directory |= Int(bytes[end + 16 + i]) << (8 * i) }
            put32(UInt32(bytes.count + 50), at: directory + 42)
        }
        let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "patched.zip", data: Data(bytes)))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["zip.damaged"])
    }

    /// ZIPFoundation leaked the stream it opened, and a copy of the data, for every in-memory archive it refused for
    /// lack of a readable end record: the fuzzer ran out of memory. Such archives are now refused before ZIPFoundation
    /// opens them, with the reason in the message.
    @Test func anArchiveWithoutAnEndRecordIsRefusedBeforeZIPFoundationOpensIt() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("psr-zip-no-end-record-leak.zip"))
        let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "leak.zip", data: data))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["zip.unreadable"])
        #expect(result.diagnostics.first?.message == "The file is not a readable zip archive: it has no end record.")
    }

    /// The same by hand: a good archive cut before its end record, one whose end record's comment runs past the end
    /// of the data, and (still read) one whose comment is really there.
    @Test(arguments: ["cut", "comment past the end", "comment present"])
    func endRecordsAreCheckedBeforeZIPFoundationOpensTheArchive(fault: String) throws {
        var bytes = [UInt8](try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", StepsRecorderFixtures.mht())]))
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        let candidates: [Int] = Array((0...(bytes.count - 22)).reversed())
        let found: Int? = candidates.first { (index: Int) -> Bool in Array(bytes[index..<(index + 4)]) == signature }
        let end = try #require(found)
        #expect(bytes.count == end + 22, "the fixture has no comment")
        var expected: String?
        switch fault {
        case "cut":
            bytes = Array(bytes[..<end])
            expected = "The file is not a readable zip archive: it has no end record."
        case "comment past the end":
            bytes[end + 20] = 0xE8
            bytes[end + 21] = 0x03
            bytes += Array("short".utf8)
            expected = "The file is not a readable zip archive: its end record's comment runs past the end of the file."
        default:
            bytes[end + 20] = 5
            bytes += Array("hello".utf8)
        }
        let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "patched.zip", data: Data(bytes)))
        if let expected {
            #expect(result.captures.isEmpty)
            #expect(result.diagnostics.map(\.code) == ["zip.unreadable"])
            #expect(result.diagnostics.first?.message == expected)
        } else {
            #expect(!result.captures.isEmpty)
            #expect(!result.hasErrors)
        }
    }
}
