#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import WaymarkActions
import WaymarkModel
import WaymarkTestSupport
@testable import WaymarkStaleness

/// `out/.waymark-stat-cache`: `check` trusts a recorded hash only for a file whose size, times and inode are unchanged
/// and settled before the cache was written; anything else about the cache makes it hash the file.
@Suite("Stat cache")
struct StatCacheTests {
    static let guide = "reset-password/guide.md"

    /// A checked project whose outputs are an hour old, so a check records them in the cache.
    static func settledProject() throws -> CheckRunTests.Project {
        let project = try CheckRunTests.project()
        for path in [guide, "submit-expense-report-xml/guide.md"] {
            try setModified(project.out.appendingPathComponent(path), to: Date(timeIntervalSinceNow: -3600))
        }
        return project
    }

    static func setModified(_ url: URL, to date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    /// Sets the modification time exactly (nanoseconds), as `touch -r` does.
    static func setModified(_ url: URL, nanoseconds: Int64) {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        let times = [time, time]
        #expect(utimensat(AT_FDCWD, url.path, times, 0) == 0)
    }

    static func cacheURL(_ project: CheckRunTests.Project) -> URL {
        project.out.appendingPathComponent(OutputStatCache.fileName)
    }

    static func findings(_ project: CheckRunTests.Project) throws -> [String] {
        let (report, diagnostics) = try project.run()
        #expect(diagnostics.isEmpty)
        return report.findings.map { "\($0.kind.rawValue) \($0.file)" }
    }

    @Test("a check records settled outputs; the next one trusts them without reading")
    func recordsAndTrusts() throws {
        let project = try Self.settledProject()
        #expect(try Self.findings(project).isEmpty)
        let cache = OutputStatCache.load(outputFolder: project.out.path)
        #expect(cache.entries.count == 2)
        let lock = try #require(try LockFile.read(outputFolder: project.out))
        let recorded = try #require(lock.captures["reset-password"]?.outputs[Self.guide])
        #expect(LockDigest.matches(try #require(cache.entries[Self.guide]?.sha256), recorded: recorded))
        // The cache file is newer than the outputs: a second reader reads nothing.
        let folder = CachedOutputFolder(root: project.out)
        #expect(LockDigest.matches(try #require(folder.hash(of: Self.guide)), recorded: recorded))
        #expect(folder.filesHashed == 0)
        // Never an output: the lock does not know the cache.
        #expect(!lock.serialized().contains(OutputStatCache.fileName))
    }

    @Test("a hand edit is found with the cache, without it, and with the cache turned off")
    func handEdit() throws {
        let project = try Self.settledProject()
        #expect(try Self.findings(project).isEmpty)
        #expect(FileManager.default.fileExists(atPath: Self.cacheURL(project).path))
        try Data("edited\n".utf8).write(to: project.out.appendingPathComponent(Self.guide))
        #expect(try Self.findings(project) == ["edited out/reset-password/guide.md"])
        try FileManager.default.removeItem(at: Self.cacheURL(project))
        #expect(try Self.findings(project) == ["edited out/reset-password/guide.md"])
        var run = CheckRun(inputs: ["captures"], outputDirectory: project.out, today: CalendarDate("2026-11-01")!,
                           baseDirectory: project.root)
        run.useStatCache = false
        #expect(try run.run().report.findings.map(\.kind) == [.edited])
    }

    @Test("an edit that puts size, modification time and inode back (touch -r) is still found: the change time moved")
    func touchReference() throws {
        let project = try Self.settledProject()
        #expect(try Self.findings(project).isEmpty)
        let url = project.out.appendingPathComponent(Self.guide)
        let before = try #require(FileStatus.of(path: url.path))
        #expect(OutputStatCache.load(outputFolder: project.out.path).entries[Self.guide]?.status == before)
        // Same length, other bytes, written in place (same inode), then the old modification time put back.
        let original = try Data(contentsOf: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: original.count))
        try handle.close()
        Self.setModified(url, nanoseconds: before.modified)
        let after = try #require(FileStatus.of(path: url.path))
        #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)
        #expect(after.changed != before.changed)
        // Make sure the cache itself is not what saves us: it is older than nothing racy.
        #expect(OutputStatCache.load(outputFolder: project.out.path).trustedHash(of: Self.guide, status: before) != nil)
        #expect(try Self.findings(project) == ["edited out/reset-password/guide.md"])
    }

    @Test("a corrupt, truncated, foreign or other-version cache is ignored, never an error, and then rewritten")
    func corruptCache() throws {
        let project = try Self.settledProject()
        #expect(try Self.findings(project).isEmpty)
        let good = try Data(contentsOf: Self.cacheURL(project))
        let text = String(decoding: good, as: UTF8.self)
        let wrongHash = text.replacingOccurrences(
            of: OutputStatCache.load(outputFolder: project.out.path).entries[Self.guide]!.sha256,
            with: String(repeating: "0", count: 64))
        let variants: [String: Data] = [
            "garbage": Data([0xFF, 0x00, 0x13, 0x37]),
            "empty": Data(),
            "truncated": Data(good.prefix(good.count - 9)),
            "other version": Data(wrongHash.replacingOccurrences(of: "waymark-stat-cache 1", with: "waymark-stat-cache 2").utf8),
            "wrong count": Data(wrongHash.replacingOccurrences(of: "end 2", with: "end 3").utf8),
            "bad number": Data(wrongHash.replacingOccurrences(of: "\n", with: "\nx", options: [], range: wrongHash.range(of: "\n")).utf8),
            "json": Data("{\"reset-password/guide.md\": \"0000\"}\n".utf8),
        ]
        for (name, bytes) in variants.sorted(by: { $0.key < $1.key }) {
            try bytes.write(to: Self.cacheURL(project))
            // The cache file is made newer than the outputs, so a wrongly parsed entry would be trusted.
            try Self.setModified(Self.cacheURL(project), to: Date(timeIntervalSinceNow: 60))
            #expect(OutputStatCache.load(outputFolder: project.out.path).entries.isEmpty, "\(name)")
            #expect(try Self.findings(project).isEmpty, "\(name)")
            #expect(OutputStatCache.load(outputFolder: project.out.path).entries.count == 2, "\(name) was not rewritten")
        }
        // A folder where the cache should be: ignored too.
        try FileManager.default.removeItem(at: Self.cacheURL(project))
        try FileManager.default.createDirectory(at: Self.cacheURL(project), withIntermediateDirectories: false)
        #expect(try Self.findings(project).isEmpty)
    }

    @Test("a racy entry (file as new as the cache) is hashed again; a settled one is trusted")
    func racy() throws {
        let project = try Self.settledProject()
        let url = project.out.appendingPathComponent(Self.guide)
        let status = try #require(FileStatus.of(path: url.path))
        let actual = Fingerprint.hex(of: try Data(contentsOf: url))
        // An entry with the file's exact status but another hash: what a write in the same clock tick as the
        // hashing would leave behind.
        let lie = String(repeating: "a", count: 64)
        let cache = OutputStatCache(entries: [Self.guide: .init(status: status, sha256: lie)])
        #expect(cache.save(outputFolder: project.out.path))
        // Cache written in the same tick as the file: racy, so the file is read.
        Self.setModified(Self.cacheURL(project), nanoseconds: status.modified + 1_000_000)
        let racy = CachedOutputFolder(root: project.out)
        #expect(racy.hash(of: Self.guide) == actual)
        #expect(racy.filesHashed == 1)
        // Whole-second file times get a wider window (2 s).
        #expect(!OutputStatCache.isSettled(1_000_000_000_000, before: 1_000_000_000_000 + 1_500_000_000))
        #expect(OutputStatCache.isSettled(1_000_000_000_001, before: 1_000_000_000_001 + 150_000_000))
        // Cache written well after the file: the entry is trusted (which is why it must be true).
        Self.setModified(Self.cacheURL(project), nanoseconds: status.modified + 10_000_000_000)
        let settled = CachedOutputFolder(root: project.out)
        #expect(settled.hash(of: Self.guide) == lie)
        #expect(settled.filesHashed == 0)
    }

    @Test("a file hashed in the same tick it was written is not recorded")
    func notRecordedWhileFresh() throws {
        let project = try CheckRunTests.project()
        // Modified "now" as far as the check can tell: a time at or after its start is never settled. (Relying on
        // the check running within 100 ms of writing the project made this test fail under a slow sanitizer.)
        Self.setModified(project.out.appendingPathComponent(Self.guide), nanoseconds: FileStatus.now() + 60_000_000_000)
        #expect(try Self.findings(project).isEmpty)
        #expect(OutputStatCache.load(outputFolder: project.out.path).entries[Self.guide] == nil)
    }

    @Test("hashes of many paths at once, through their folders, are those asked one at a time")
    func hashesMatchOneAtATime() throws {
        let root = Fixtures.temporaryDirectory("hashes")
        let fm = FileManager.default
        var paths: [String] = []
        // More than one worker's run of paths, folders shared by neighbours, as a lock lists them.
        for capture in 0..<90 {
            for name in ["guide.md", "guide.html", "images/step-01.png", "images/step-02.png", "job aid.md", "captions.vtt"] {
                let path = "capture-\(capture)/\(name)"
                paths.append(path)
                if capture % 7 == 3, name == "guide.html" { continue }   // missing file in an existing folder
                if capture % 11 == 5, name.hasPrefix("images/") { continue }   // missing folder
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("\(path)\n".utf8).write(to: url)
            }
        }
        try Data("body {}".utf8).write(to: root.appendingPathComponent("style.css"))
        try Data("x".utf8).write(to: root.appendingPathComponent("a-file"))
        try fm.createDirectory(at: root.appendingPathComponent("é folder"), withIntermediateDirectories: true)
        try Data("é".utf8).write(to: root.appendingPathComponent("é folder/日本.md"))
        paths += ["style.css", "missing.css", "a-file/not-a-folder.md", "é folder/日本.md", "gone/guide.md"]
        let together = CachedOutputFolder(root: root).hashes(of: paths)
        let single = CachedOutputFolder(root: root)
        #expect(together == paths.map { single.hash(of: $0) })
        // Missing: 13 guide.html, 8 × 2 screenshots, and the three paths added that do not exist.
        #expect(together.filter { $0 == nil }.count == 13 + 16 + 3)
    }

    @Test("paths with spaces round-trip; entries of outputs the lock no longer knows are dropped")
    func roundTripAndPrune() throws {
        let status = FileStatus(size: 12, modified: 1_700_000_000_123_456_789, changed: 1_700_000_000_123_456_789, inode: 42)
        let cache = OutputStatCache(entries: [
            "a b/guide.md": .init(status: status, sha256: String(repeating: "b", count: 64)),
            "c/guide.md": .init(status: status, sha256: String(repeating: "c", count: 64)),
        ])
        #expect(OutputStatCache.parse(cache.serialized()) == cache.entries)
        let folder = Fixtures.temporaryDirectory("statcache")
        #expect(cache.save(outputFolder: folder.path))
        let reader = CachedOutputFolder(root: folder)
        reader.save(keeping: ["a b/guide.md"])
        #expect(Set(OutputStatCache.load(outputFolder: folder.path).entries.keys) == ["a b/guide.md"])
    }
}
