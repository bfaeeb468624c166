import Foundation
import Testing
import WaymarkActions
import WaymarkTestSupport
import WaymarkSupport

/// A write either fully happens or leaves the old file; no temporary file is ever left behind.
@Suite struct AtomicFileWriterTests {
    struct Interrupted: Error {}

    func leftovers(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.contains(AtomicFileWriter.temporaryMarker) }
    }

    @Test func writesOnlyWhenContentChanges() throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("sub/guide.md")
        #expect(try AtomicFileWriter.write(Data("one".utf8), to: url) == .written)
        #expect(try AtomicFileWriter.write(Data("one".utf8), to: url) == .unchanged)
        #expect(try AtomicFileWriter.write(Data("two".utf8), to: url) == .written)
        #expect(FileManager.default.contents(atPath: url.path) == Data("two".utf8))
        #expect(leftovers(url.deletingLastPathComponent()).isEmpty)
    }

    @Test func anInterruptedWriteLeavesTheOldContentAndNoTemporaryFile() throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("guide.md")
        try AtomicFileWriter.write(Data("old".utf8), to: url)
        #expect(throws: Interrupted.self) {
            try AtomicFileWriter.write(Data("new".utf8), to: url, beforeRename: {
                // At this point the new bytes are complete in the temporary file, and the target is untouched.
                #expect(FileManager.default.contents(atPath: url.path) == Data("old".utf8))
                #expect(leftovers(folder).count == 1)
                throw Interrupted()
            })
        }
        #expect(FileManager.default.contents(atPath: url.path) == Data("old".utf8))
        #expect(leftovers(folder).isEmpty)
    }

    @Test func leftoversOfAKilledBuildAreRemovedByTheNextBuild() throws {
        let folder = Fixtures.temporaryDirectory()
        let stray = folder.appendingPathComponent(".guide.md\(AtomicFileWriter.temporaryMarker)deadbeef")
        try Data("half".utf8).write(to: stray)
        AtomicFileWriter.removeLeftovers(in: folder)
        #expect(!FileManager.default.fileExists(atPath: stray.path))
    }

    @Test func readersNeverSeeAPartialFile() async throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("big.md")
        let a = Data(repeating: UInt8(ascii: "a"), count: 2_000_000)
        let b = Data(repeating: UInt8(ascii: "b"), count: 2_000_000)
        try AtomicFileWriter.write(a, to: url)
        let path = url.path
        let reader = Task.detached { () -> Bool in
            for _ in 0..<200 {
                guard let seen = FileManager.default.contents(atPath: path) else { continue }
                if seen != a && seen != b { return false }
            }
            return true
        }
        for i in 0..<20 { try AtomicFileWriter.write(i.isMultiple(of: 2) ? b : a, to: url) }
        #expect(await reader.value)
    }
}
