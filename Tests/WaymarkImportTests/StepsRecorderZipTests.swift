import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport
import ZIPFoundation

@Suite("Steps Recorder archives: hostile zips and damaged .mht files")
struct StepsRecorderZipTests {
    func importZip(_ data: Data) -> ImportResult {
        CaptureReader().read(CaptureInput(path: "evil.zip", data: data))
    }

    @Test("Entry names that leave the folder refuse the archive", arguments: [
        "../../x", "../x.mht", "a/../../x", "/etc/passwd", "\\\\server\\share\\x", "..\\..\\x.mht", "C:/Windows/x", "c:x",
    ])
    func pathTraversal(name: String) throws {
        let zip = try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", StepsRecorderFixtures.mht()), (name, Data("owned".utf8))])
        let result = importZip(zip)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["zip.unsafe-path"])
        #expect(result.hasErrors)
    }

    @Test("Safe entry names are accepted")
    func safeNames() {
        for name in ["Recording.mht", "folder/Recording.mht", "a..b.mht", "..hidden.mht"] {
            #expect(ZipArchiveReader.isSafeEntryName(name), "\(name)")
        }
    }

    @Test("A symbolic link refuses the archive")
    func symlink() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "Recording.mht", type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        let result = importZip(try #require(archive.data))
        #expect(result.diagnostics.map(\.code) == ["zip.symlink"])
    }

    @Test("A zip bomb (200 MB of zeros) is refused before it is inflated")
    func zipBomb() throws {
        let size = 200 * 1024 * 1024
        let chunk = Data(count: 1 << 20)
        let archive = try Archive(data: Data(), accessMode: .create)
        try archive.addEntry(with: "Recording.mht", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate,
                             bufferSize: 1 << 20) { _, length in
            chunk.prefix(length)
        }
        let zip = try #require(archive.data)
        #expect(zip.count < 1_000_000)
        let clock = ContinuousClock()
        var result = ImportResult()
        let elapsed = clock.measure { result = importZip(zip) }
        #expect(result.diagnostics.map(\.code) == ["zip.compression-ratio"])
        #expect(result.hasErrors)
        #expect(elapsed < .seconds(1), "the cap must trigger before inflating")
        // With a generous ratio the size caps still stop it.
        let capped = ZipArchiveReader(limits: .init(maxEntryBytes: 64 << 20, maxCompressionRatio: 1_000_000))
            .readMember(of: CaptureInput(path: "evil.zip", data: zip)) { _ in true }
        #expect((try? capped.get()) == nil)
        if case .failure(let error) = capped { #expect(error.diagnostics.map(\.code) == ["zip.too-large"]) }
    }

    @Test("An entry that inflates past its declared size is stopped while inflating")
    func lyingHeader() throws {
        // 2 MiB of zeros, then the declared size rewritten to 1,000 bytes in both headers: below every cap and
        // ratio, so only the count while inflating can catch it.
        var zip = [UInt8](try StepsRecorderFixtures.zip([("Recording.mht", Data(count: 2 << 20))]))
        func patch(signature: [UInt8], sizeOffset: Int) {
            for i in 0..<(zip.count - 4) where Array(zip[i..<(i + 4)]) == signature {
                zip[i + sizeOffset] = 0xE8; zip[i + sizeOffset + 1] = 0x03; zip[i + sizeOffset + 2] = 0; zip[i + sizeOffset + 3] = 0
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22)
        patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24)
        let result = importZip(Data(zip))
        #expect(result.hasErrors)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.first.map { ["zip.too-large", "zip.damaged"].contains($0.code) } == true)
    }

    @Test("Reading a hostile archive from disk writes nothing anywhere")
    func nothingWritten() throws {
        let root = Fixtures.temporaryDirectory("waymark-zip")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let zipURL = folder.appendingPathComponent("evil.zip")
        try StepsRecorderFixtures.zip([("../../x", Data("owned".utf8)), ("Recording.mht", StepsRecorderFixtures.mht())]).write(to: zipURL)
        let good = folder.appendingPathComponent("good.zip")
        try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", StepsRecorderFixtures.mht())]).write(to: good)
        let before = Fixtures.files(under: root)
        let evil = CaptureReader().read(try CaptureInput.load(zipURL, displayPath: "a/b/evil.zip"))
        let fine = CaptureReader().read(try CaptureInput.load(good, displayPath: "a/b/good.zip"))
        #expect(evil.diagnostics.map(\.code) == ["zip.unsafe-path"])
        #expect(fine.captures.first?.steps.count == 6)
        #expect(Fixtures.files(under: root) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("x").path))
    }

    @Test("Archives without a recording, and damaged archives, are errors")
    func noRecording() throws {
        let other = try StepsRecorderFixtures.zip([("notes.txt", Data("hi".utf8)), ("Recording.mht.bak", Data("x".utf8))])
        // Recognised as a Steps Recorder zip by the .mht in its names, then refused with a clear reason.
        let result = CaptureReader().read(CaptureInput(path: "other.zip", data: other), format: .stepsRecorder)
        #expect(result.diagnostics.map(\.code) == ["zip.no-member"])
        let full = try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", StepsRecorderFixtures.mht())])
        for length in stride(from: 4, to: full.count - 1, by: max(1, full.count / 60)) {
            let cut = CaptureReader().read(CaptureInput(path: "cut.zip", data: full.prefix(length)), format: .stepsRecorder)
            let rejected = cut.hasErrors && cut.captures.isEmpty
            #expect(rejected, "zip prefix \(length) was accepted")
        }
    }

    @Test("Every truncation of a .mht ends in a diagnostic, never a crash")
    func truncatedMHT() {
        let full = StepsRecorderFixtures.mht()
        let closing = full.count - "--=_BOUNDARY_1--\r\n".utf8.count
        for length in 0..<closing {
            let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "cut.mht", data: full.prefix(length)))
            let reported = result.diagnostics.contains { $0.severity >= .warning }
            #expect(reported, "prefix \(length) gave no diagnostic")
            // Whatever survives never claims more steps than the report has.
            #expect((result.captures.first?.steps.count ?? 0) <= 6)
        }
    }

    @Test("Deeply nested XML in a report is an error")
    func deepXML() {
        let xml = "<Report>" + String(repeating: "<a>", count: 50_000) + String(repeating: "</a>", count: 50_000) + "</Report>"
        let result = StepsRecorderImporter().importCaptures(from: ForeignImportSupport.input(xml, path: "deep.xml"))
        #expect(result.hasErrors || result.diagnostics.contains { $0.code == "psr.no-steps" })
        #expect(result.captures.allSatisfy { $0.steps.isEmpty })
    }

    @Test("A report with a DOCTYPE (entity expansion) is refused by the XML adapter")
    func doctype() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE Report [<!ENTITY x \"xx\">]><Report><UserActionData/></Report>"
        let result = StepsRecorderImporter().importCaptures(from: ForeignImportSupport.input(xml, path: "dtd.xml"))
        #expect(result.hasErrors)
        #expect(result.captures.isEmpty)
    }
}
