import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport
@testable import WaymarkStaleness
import WaymarkJSON

@Suite("LockFile")
struct LockFileTests {
    static func sampleLock() -> LockFile {
        let capture = TestCaptures.order()
        let entry = LockEntry(
            capture: capture, sourcePath: "../captures/create-order.json", sourceBytes: Data("{\"bytes\":1}".utf8),
            outputs: ["create-order/guide.md": Fingerprint.hex(of: "guide"), "create-order/guide.html": Fingerprint.hex(of: "html")],
            templateHash: Fingerprint.hex(of: "templates"))
        return LockFile(captures: [entry.id: entry], sharedOutputs: ["index.html": Fingerprint.hex(of: "index")])
    }

    @Test("writes canonical JSON with a version, relative paths and no secrets; golden file")
    func writes() {
        let text = Self.sampleLock().serialized()
        #expect(text.contains("\"version\": 2"))
        #expect(!text.contains("hunter2"))
        #expect(text.contains("\"source\": \"../captures/create-order.json\""))
        Snapshot.assert(text, named: "waymark.lock", group: "LockFile")
    }

    @Test("the streamed writer gives exactly the canonical writer's bytes")
    func streamedWriterMatchesTheTree() {
        var many = Self.sampleLock()
        let first = many.captures.values.first!
        for id in ["b-order", "a-order", "z\u{e9}-order", "A-upper", "order-10", "order-9"] {
            var entry = first
            entry.id = id
            many.captures[id] = entry
        }
        var templated = many
        templated.templates = "../templates"
        var bare = LockFile(captures: [:], sharedOutputs: [:])
        bare.templates = nil
        for lock in [Self.sampleLock(), many, templated, bare] {
            #expect(lock.serialized() == JSONWriter.write(lock.json, inlineScalarArrays: true, indentation: LockFile.indentation))
        }
    }

    @Test("round-trips through disk, with the step summaries in their own file")
    func roundTrip() throws {
        let folder = Fixtures.temporaryDirectory("lock-round-trip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = Self.sampleLock()
        let written = try lock.write(to: folder)
        #expect(written.captures["create-order"]?.steps == nil)
        let digest = try #require(written.captures["create-order"]?.stepsDigest)
        let read = try #require(try LockFile.read(outputFolder: folder))
        #expect(read == written)
        #expect(read.serialized() == written.serialized())
        let stepsFile = folder.appendingPathComponent(StepSummaryFile.relativePath(captureID: "create-order"))
        let data = try Data(contentsOf: stepsFile)
        #expect(LockDigest.matches(Fingerprint.hex(of: data), recorded: digest))
        let summaries = try #require(StepSummaryFile.parse(data))
        let original = try #require(lock.captures["create-order"]?.steps)
        #expect(summaries.map(\.label) == original.map(\.label) && summaries.map(\.url) == original.map(\.url))
        #expect(StepDiff.between(original, summaries).isEmpty)
    }

    @Test("reads a version 1 lock: full digests and inline steps, compared by prefix with what is on disk now")
    func readsVersionOne() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__/LockFile/waymark-v1.lock")
        let lock = try LockFile.parse(try Data(contentsOf: url), file: "waymark.lock")
        #expect(lock.version == 1)
        let entry = try #require(lock.captures["create-order"])
        #expect(entry.steps?.count == TestCaptures.order().steps.count)
        #expect(entry.stepsDigest == nil)
        #expect(entry.outputs["create-order/guide.md"] == Fingerprint.hex(of: "guide"))
        #expect(LockDigest.matches(Fingerprint.hex(of: "guide"), recorded: entry.outputs["create-order/guide.md"]!))
        #expect(entry.templateHash == Fingerprint.hex(of: "templates"))
        // Written again, it is a version 2 lock whose entry names the same files.
        let upgraded = try LockFile.parse(Data(lock.serialized().utf8), file: "waymark.lock")
        #expect(upgraded.version == 2)
        #expect(Set(upgraded.captures["create-order"]!.outputs.keys) == Set(entry.outputs.keys))
    }

    /// Lock version 2 keeps at most a kilobyte per capture of 40 steps and 14 outputs (five of them screenshots): a
    /// tenth of version 1, and the 1 MB per 1,000 captures `make bench` measures on real corpora.
    @Test("an entry of a 40-step capture with 14 outputs stays within a kilobyte")
    func compactEntries() throws {
        var capture = TestCaptures.order()
        capture.steps = (0..<40).map { Step(action: .click, target: Target(label: "Button number \($0)", role: "button")) }
        let outputs = ["guide.md", "guide.html", "job-aid.md", "job-aid.html", "narration.txt", "narration.ssml",
                       "captions.vtt", "captions.srt", "shotlist.json"] + (1...5).map { "images/step-0\($0).png" }
        var entry = LockEntry(
            capture: capture, sourcePath: "captures/create-order.xml", sourceBytes: Data("x".utf8),
            outputs: Dictionary(uniqueKeysWithValues: outputs.map { ("create-order/" + $0, Fingerprint.hex(of: $0)) }),
            templateHash: Fingerprint.hex(of: "t"), settingsHash: "0123456789abcdef")
        entry.dashboard = LockDashboardRow(application: "Shop Admin", guideSteps: 40, readingMinutes: 4, narrationSeconds: 300)
        entry.stepsDigest = Fingerprint.hex(of: "steps")
        entry.steps = nil
        var lock = LockFile(captures: [entry.id: entry])
        for n in 1...9 {
            var other = entry
            other.id = "create-order-\(n)"
            other.outputs = Dictionary(uniqueKeysWithValues: entry.outputs.map { (other.id + $0.key.dropFirst(entry.id.count), $0.value) })
            lock.captures[other.id] = other
        }
        let bytesPerCapture = lock.serialized().utf8.count / lock.captures.count
        #expect(bytesPerCapture <= 1_024, "\(bytesPerCapture) bytes per capture")
    }

    @Test("refuses a lock from a newer version with a clear diagnostic")
    func newerVersion() {
        let text = "{\n  \"captures\": {},\n  \"version\": 7\n}\n"
        #expect {
            try LockFile.parse(Data(text.utf8), file: "out/waymark.lock")
        } throws: { error in
            guard let d = (error as? DiagnosticError)?.diagnostics.first else { return false }
            return d.code == "lock.version-newer" && d.location?.line == 3 && d.message.contains("lock version 7")
                && d.hint?.contains("Upgrade") == true
        }
    }

    @Test("bad JSON and bad structure are diagnostics with positions")
    func invalid() {
        for (text, code, line) in [
            ("{\"version\": 1,", "lock.syntax", 1),
            ("[]", "lock.invalid", 1),
            ("{\"version\": 1, \"captures\": {\"x\": {\"source\": 3}}}", "lock.invalid", 1),
            ("{\"version\": 2,\n \"captures\": {\"x\": {\"source\": \"a\", \"sourceHash\": \"b\", \"fingerprint\": \"c\",\n \"steps\": [1]}}}", "lock.invalid", 3),
            ("{\"version\": 1,\n \"captures\": {\"x\": {\"source\": \"a\", \"sourceHash\": \"b\", \"fingerprint\": \"c\",\n \"reviewBy\": \"soon\"}}}", "lock.invalid", 3),
        ] {
            #expect {
                try LockFile.parse(Data(text.utf8), file: "lock")
            } throws: { error in
                guard let d = (error as? DiagnosticError)?.diagnostics.first else { return false }
                return d.code == code && d.location?.line == line && d.location?.file == "lock"
            }
        }
    }

    @Test("paths relative to the lock: folder by folder as the full resolution gives them, symbolic links too")
    func relativePathsWithFolderCache() throws {
        let root = Fixtures.temporaryDirectory("lockpaths").resolvingSymlinksInPath()
        let fm = FileManager.default
        let captures = root.appendingPathComponent("captures")
        let out = root.appendingPathComponent("site/out")
        try fm.createDirectory(at: captures.appendingPathComponent("deep"), withIntermediateDirectories: true)
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["a.json", "b.xml", "deep/c.side"] {
            try Data("{}".utf8).write(to: captures.appendingPathComponent(name))
        }
        // A folder reached through a link, a file that is a link, a link to a missing file, and an output folder
        // reached through a link.
        try fm.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: captures)
        try fm.createSymbolicLink(at: captures.appendingPathComponent("alias.json"), withDestinationURL: captures.appendingPathComponent("deep/c.side"))
        try fm.createSymbolicLink(at: captures.appendingPathComponent("dangling.json"), withDestinationURL: root.appendingPathComponent("nowhere.json"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("out-link"), withDestinationURL: out)
        let files = ["captures/a.json", "captures/b.xml", "captures/deep/c.side", "linked/a.json", "linked/deep/c.side",
                     "captures/alias.json", "captures/dangling.json", "captures/missing.json", "captures/../captures/a.json",
                     "captures/./b.xml", "site/out/x/guide.md", "site/out"].map { root.appendingPathComponent($0) }
        for base in [out, root.appendingPathComponent("out-link"), captures, root] {
            let cached = LockRelativePaths(base: base)
            for _ in 0..<2 {   // the second round answers from the folders remembered
                for file in files {
                    #expect(cached.relativePath(of: file) == LockFile.relativePath(of: file, from: base), "\(file.path) from \(base.path)")
                }
            }
        }
        #expect(LockRelativePaths(base: out).relativePath(of: root.appendingPathComponent("linked/a.json")) == "../../captures/a.json")
    }

    @Test("relative paths between folders")
    func relativePaths() {
        let out = URL(fileURLWithPath: "/tmp/project/out")
        #expect(LockFile.relativePath(of: URL(fileURLWithPath: "/tmp/project/captures/a.json"), from: out) == "../captures/a.json")
        #expect(LockFile.relativePath(of: URL(fileURLWithPath: "/tmp/project/out/a/guide.md"), from: out) == "a/guide.md")
    }

    @Test("template hash depends on names and bytes, not order")
    func templateHash() {
        let a = TemplateFingerprint.hash(files: [("guide.md.mustache", Data("a".utf8)), ("guide.html.mustache", Data("b".utf8))])
        let b = TemplateFingerprint.hash(files: [("guide.html.mustache", Data("b".utf8)), ("guide.md.mustache", Data("a".utf8))])
        let c = TemplateFingerprint.hash(files: [("guide.html.mustache", Data("b".utf8)), ("guide.md.mustache", Data("a!".utf8))])
        #expect(a == b)
        #expect(a != c)
    }
}
