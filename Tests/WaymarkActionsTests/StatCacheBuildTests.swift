#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import WaymarkActions
import WaymarkModel
import WaymarkStaleness
import WaymarkTestSupport

/// The build writes `out/.waymark-stat-cache` for what it wrote, and the incremental build reads outputs through it;
/// the lock and the dashboard never depend on it.
@Suite struct StatCacheBuildTests {
    static func lockedBuild(_ inputs: [String], out: URL, base: URL = Fixtures.packageRoot) -> BuildReport {
        LockedBuild(options: BuildOptions(inputs: inputs, outputDirectory: out, jobs: 2, baseDirectory: base),
                    today: CalendarDate("2026-11-01")!).run()
    }

    static func cacheURL(_ out: URL) -> URL { out.appendingPathComponent(OutputStatCache.fileName) }

    /// Makes every entry of the cache settled (the cache file an hour newer than the outputs), so it is trusted.
    static func ageCache(_ out: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)],
                                              ofItemAtPath: cacheURL(out).path)
    }

    @Test func theBuildRecordsWhatItWroteAndTheLockIsTheSameWithOrWithoutTheCache() throws {
        let root = Fixtures.temporaryDirectory("statcache-build")
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        _ = Self.lockedBuild(["SampleCaptures"], out: a)
        let lockA = try Data(contentsOf: a.appendingPathComponent(LockFile.fileName))
        let lock = try #require(try LockFile.read(outputFolder: a))
        // Every file the lock vouches for (outputs and step summary files) is in the cache, with the hash the lock
        // records for it.
        let cache = OutputStatCache.load(outputFolder: a.path)
        #expect(Set(cache.entries.keys) == lock.outputPaths)
        #expect(cache.entries.allSatisfy { entry in
            lock.allOutputs[entry.key].map { LockDigest.matches(entry.value.sha256, recorded: $0) } ?? entry.key.hasSuffix(StepSummaryFile.fileName)
        })
        // Neither the lock nor the dashboard mentions it.
        #expect(!String(decoding: lockA, as: UTF8.self).contains(OutputStatCache.fileName))
        let index = try Data(contentsOf: a.appendingPathComponent("index.html"))
        #expect(!String(decoding: index, as: UTF8.self).contains("stat-cache"))

        // A no-op rebuild through a trusted cache, one without any cache, and a fresh build: the same lock bytes.
        try Self.ageCache(a)
        let again = Self.lockedBuild(["SampleCaptures"], out: a)
        #expect(again.captures.isEmpty && !again.reused.isEmpty)
        #expect(try Data(contentsOf: a.appendingPathComponent(LockFile.fileName)) == lockA)
        _ = Self.lockedBuild(["SampleCaptures"], out: b)
        try FileManager.default.removeItem(at: Self.cacheURL(b))
        let uncached = Self.lockedBuild(["SampleCaptures"], out: b)
        #expect(uncached.captures.isEmpty)
        #expect(try Data(contentsOf: b.appendingPathComponent(LockFile.fileName)) == lockA)
        #expect(try Data(contentsOf: b.appendingPathComponent("index.html")) == index)
        #expect(FileManager.default.fileExists(atPath: Self.cacheURL(b).path))
    }

    @Test func anEditThatKeepsSizeAndModificationTimeIsNotTakenForIntact() throws {
        let capture = Capture(id: "g", title: "G", owner: "owner@example.com",
                              steps: [Step(action: .click, target: Target(label: "Save"))])
        let folder = try BuildTestSupport.folder(with: ["c.json": capture])
        let out = Fixtures.temporaryDirectory("statcache-edit")
        _ = Self.lockedBuild([folder.path], out: out, base: folder)
        try Self.ageCache(out)
        let guide = out.appendingPathComponent("g/guide.md")
        let before = try #require(FileStatus.of(path: guide.path))
        // Same length, other bytes, in place; then the old modification time put back (`touch -r`).
        let original = try Data(contentsOf: guide)
        let handle = try FileHandle(forWritingTo: guide)
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: original.count))
        try handle.close()
        let time = timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))
        #expect(utimensat(AT_FDCWD, guide.path, [time, time], 0) == 0)
        let after = try #require(FileStatus.of(path: guide.path))
        #expect(after.size == before.size && after.modified == before.modified && after.inode == before.inode)

        let report = Self.lockedBuild([folder.path], out: out, base: folder)
        #expect(report.allDiagnostics.map(\.code).contains("output.edited"))
        #expect(try Data(contentsOf: guide) == Data(repeating: UInt8(ascii: "x"), count: original.count))
    }
}
