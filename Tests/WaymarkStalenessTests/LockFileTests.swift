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
        #expect(text.contains("\"version\": 1"))
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
            #expect(lock.serialized() == JSONWriter.write(lock.json))
        }
    }

    @Test("round-trips")
    func roundTrip() throws {
        let lock = Self.sampleLock()
        let read = try LockFile.parse(Data(lock.serialized().utf8), file: "out/waymark.lock")
        #expect(read == lock)
        #expect(read.serialized() == lock.serialized())
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
