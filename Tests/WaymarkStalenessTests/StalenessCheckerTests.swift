import Foundation
import Testing
import WaymarkImport
import WaymarkModel
@testable import WaymarkStaleness

@Suite("StalenessChecker")
struct StalenessCheckerTests {
    static let sourceBytes = Data("original bytes".utf8)
    static let templateHash = Fingerprint.hex(of: "templates")
    static let guideHash = Fingerprint.hex(of: "guide")
    static let htmlHash = Fingerprint.hex(of: "html")

    static func lock(_ capture: Capture = TestCaptures.order()) -> LockFile {
        let entry = LockEntry(
            capture: capture, sourcePath: "../captures/create-order.json", sourceBytes: sourceBytes,
            outputs: ["create-order/guide.md": guideHash, "create-order/guide.html": htmlHash], templateHash: templateHash)
        return LockFile(captures: [entry.id: entry])
    }

    static let intactOutputs = InMemoryOutputFolder(["create-order/guide.md": guideHash, "create-order/guide.html": htmlHash])

    static func candidate(_ capture: Capture?, bytes: Data = sourceBytes, path: String = "../captures/create-order.json",
                          loads: Counter? = nil) -> SourceCandidate {
        SourceCandidate(lockPath: path, displayPath: String(path.dropFirst(3)), byteHash: Fingerprint.hex(of: bytes)) {
            loads?.increment()
            return (capture.map { [$0] } ?? [], [])
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func increment() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    static func checker(today: String = "2026-01-01", maxAge: Int? = nil, failOn: Set<FindingKind> = FindingKind.defaultFailOn,
                        templateHash: String = templateHash, generator: String = WaymarkVersion.current) -> StalenessChecker {
        StalenessChecker(settings: CheckSettings(
            templateHash: templateHash, generatorVersion: generator, today: CalendarDate(today)!, maxAgeDays: maxAge,
            failOn: failOn, displayPath: { "out/" + $0 }))
    }

    @Test("outputs compared up front give the findings the checker works out itself")
    func comparedOutputsMatchTheView() {
        // Three captures: intact, one output edited and one missing, all outputs missing.
        var entries: [LockEntry] = []
        for (id, capture) in [("a", "a"), ("b", "b"), ("c", "c")] {
            entries.append(LockEntry(
                id: id, title: id, source: "../captures/\(capture).json", sourceHash: "s", fingerprint: "f", steps: nil,
                outputs: ["\(id)/guide.md": LockDigest.output(Fingerprint.hex(of: "\(id)-guide")),
                          "\(id)/guide.html": LockDigest.output(Fingerprint.hex(of: "\(id)-html")),
                          "\(id)/images/step-01.png": LockDigest.output(Fingerprint.hex(of: "\(id)-png"))],
                templateHash: "t"))
        }
        var onDisk: [String: String] = [:]
        for id in ["a", "b"] {
            onDisk["\(id)/guide.md"] = Fingerprint.hex(of: "\(id)-guide")
            onDisk["\(id)/images/step-01.png"] = Fingerprint.hex(of: "\(id)-png")
        }
        onDisk["a/guide.html"] = Fingerprint.hex(of: "a-html")
        onDisk["b/images/step-01.png"] = Fingerprint.hex(of: "edited")
        let view = InMemoryOutputFolder(onDisk)
        let compared = ComparedOutputFolder(
            entries: entries, hashes: entries.flatMap(\.outputs.keys).map { onDisk[$0] })
        for entry in entries {
            let expected = view.changedOutputs(of: entry)
            #expect(compared.changedOutputs(of: entry).map(\.path) == expected.map(\.path))
            #expect(compared.changedOutputs(of: entry).map(\.hash) == expected.map(\.hash))
        }
        #expect(view.changedOutputs(of: entries[0]).isEmpty)
        #expect(view.changedOutputs(of: entries[1]).map(\.path) == ["b/guide.html", "b/images/step-01.png"])
        #expect(view.changedOutputs(of: entries[2]).count == 3)
        // An entry it was not given is compared through `hash(of:)`.
        var other = entries[1]
        other.id = "d"
        #expect(compared.changedOutputs(of: other).map(\.path) == ["b/guide.html", "b/images/step-01.png"])
        #expect(compared.hash(of: "a/guide.html") == onDisk["a/guide.html"])
        #expect(compared.hash(of: "b/guide.html") == nil)
    }

    @Test("unchanged source bytes take the fast path: fresh, never parsed")
    func fresh() {
        let counter = Counter()
        let (report, diagnostics) = Self.checker().check(
            lock: Self.lock(), sources: [Self.candidate(TestCaptures.order(), loads: counter)], outputs: Self.intactOutputs)
        #expect(report.findings.isEmpty)
        #expect(diagnostics.isEmpty)
        #expect(counter.value == 0)
        #expect(!report.fails)
        #expect(report.summaryLine == "1 material checked: 1 fresh.")
    }

    @Test("changed bytes with the same fingerprint are fresh")
    func sameMeaning() {
        var capture = TestCaptures.order()
        capture.steps[1].time = "later"
        let counter = Counter()
        let (report, _) = Self.checker().check(
            lock: Self.lock(), sources: [Self.candidate(capture, bytes: Data("other bytes".utf8), loads: counter)],
            outputs: Self.intactOutputs)
        #expect(counter.value == 1)
        #expect(report.findings.isEmpty)
    }

    @Test("a changed label is stale, naming the capture, step and both labels; --fail-on can silence it")
    func stale() {
        let source = Self.candidate(TestCaptures.order(submitLabel: "Send"), bytes: Data("new".utf8))
        let (report, _) = Self.checker().check(lock: Self.lock(), sources: [source], outputs: Self.intactOutputs)
        #expect(report.findings.count == 1)
        let finding = report.findings[0]
        #expect(finding.kind == .stale)
        #expect(finding.captureID == "create-order")
        #expect(finding.owner == "Ana Ruiz")
        #expect(finding.file == "captures/create-order.json")
        #expect(finding.message == "Capture 'create-order' (Create an order) changed since its materials were built: 1 step change.")
        #expect(finding.details == ["step 5 changed: 'Submit' → 'Send'"])
        #expect(report.fails)
        let (silenced, _) = Self.checker(failOn: [.edited]).check(lock: Self.lock(), sources: [source], outputs: Self.intactOutputs)
        #expect(!silenced.fails)
        #expect(silenced.findings.count == 1)
    }

    @Test("edited and missing outputs")
    func editedAndMissing() {
        let outputs = InMemoryOutputFolder(["create-order/guide.md": Fingerprint.hex(of: "guide, edited")])
        let (report, _) = Self.checker().check(lock: Self.lock(), sources: [Self.candidate(nil)], outputs: outputs)
        #expect(report.findings.map(\.kind) == [.edited, .missing])
        #expect(report.findings.map(\.file) == ["out/create-order/guide.md", "out/create-order/guide.html"])
        #expect(report.status(of: "create-order") == .edited)
    }

    @Test("a source that is gone, or no longer holds the capture, is orphaned")
    func orphaned() {
        let (gone, _) = Self.checker().check(lock: Self.lock(), sources: [], outputs: Self.intactOutputs)
        #expect(gone.findings.map(\.kind) == [.orphaned])
        #expect(gone.findings[0].message.contains("out/../captures/create-order.json"))
        #expect(gone.findings[0].file == "out/create-order/guide.md")

        var renamed = TestCaptures.order()
        renamed.id = "create-order-v2"
        let (moved, _) = Self.checker().check(
            lock: Self.lock(), sources: [Self.candidate(renamed, bytes: Data("x".utf8))], outputs: Self.intactOutputs)
        #expect(moved.findings.map(\.kind).sorted() == [.orphaned, .untracked])
    }

    @Test("a capture with no lock entry is untracked; with no lock at all, everything is")
    func untracked() {
        let extra = Self.candidate(TestCaptures.order(), path: "../captures/other.json")
        let (report, _) = Self.checker().check(lock: nil, sources: [extra], outputs: InMemoryOutputFolder([:]))
        #expect(report.findings.map(\.kind) == [.untracked])
        #expect(report.findings[0].file == "captures/other.json")
        #expect(!report.fails, "untracked is not in the default --fail-on")
    }

    @Test("a review date in the past is overdue, naming the owner; max_age uses recordedAt")
    func overdue() {
        let capture = TestCaptures.order(reviewBy: "2025-12-01")
        let (report, _) = Self.checker(today: "2026-01-01").check(
            lock: Self.lock(capture), sources: [Self.candidate(capture)], outputs: Self.intactOutputs)
        #expect(report.findings.map(\.kind) == [.overdue])
        #expect(report.findings[0].message == "Review of 'create-order' was due on 2025-12-01 (31 days ago). Owner: Ana Ruiz.")
        #expect(!report.fails)

        let (onTheDay, _) = Self.checker(today: "2025-12-01").check(
            lock: Self.lock(capture), sources: [Self.candidate(capture)], outputs: Self.intactOutputs)
        #expect(onTheDay.findings.isEmpty)

        let (old, _) = Self.checker(today: "2026-01-01", maxAge: 180).check(
            lock: Self.lock(), sources: [Self.candidate(TestCaptures.order())], outputs: Self.intactOutputs)
        #expect(old.findings.map(\.message) == ["'create-order' was recorded on 2025-01-10, 356 days ago; max_age is 180 days. Owner: Ana Ruiz."])
    }

    @Test("changed templates or generator version are outdated-template")
    func outdatedTemplate() {
        let (report, _) = Self.checker(templateHash: "other", generator: "9.9.9").check(
            lock: Self.lock(), sources: [Self.candidate(TestCaptures.order())], outputs: Self.intactOutputs)
        #expect(report.findings.map(\.kind) == [.outdatedTemplate])
        #expect(report.findings[0].message.contains("the templates changed and it was generated by Waymark \(WaymarkVersion.current), this is 9.9.9"))
    }

    @Test("an owner or review-date change is reported as stale metadata")
    func metadata() {
        let capture = TestCaptures.order(owner: "Ben Okafor")
        let (report, _) = Self.checker().check(
            lock: Self.lock(), sources: [Self.candidate(capture, bytes: Data("y".utf8))], outputs: Self.intactOutputs)
        #expect(report.findings.map(\.kind) == [.stale])
        #expect(report.findings[0].details == ["owner changed: 'Ana Ruiz' → 'Ben Okafor'"])
    }

    @Test("citations in hand-written materials: fresh, stale with the step diff, orphaned, prefix accepted")
    func citations() {
        let lock = Self.lock()
        let fp = lock.captures["create-order"]!.fingerprint
        let citations = [
            MaterialCitation(file: "docs/ok.md", line: 3, captureID: "create-order", fingerprint: String(fp.prefix(16))),
            MaterialCitation(file: "docs/old.md", line: 9, captureID: "create-order", fingerprint: String(repeating: "a", count: 64)),
            MaterialCitation(file: "docs/gone.md", line: 1, captureID: "no-such-capture", fingerprint: fp),
            MaterialCitation(file: "docs/short.md", line: 2, captureID: "create-order", fingerprint: String(fp.prefix(4))),
        ]
        let (report, _) = Self.checker().check(lock: lock, sources: [Self.candidate(TestCaptures.order())],
                                               outputs: Self.intactOutputs, citations: citations)
        let byFile = Dictionary(grouping: report.findings, by: \.file)
        #expect(byFile["docs/ok.md"] == nil)
        #expect(byFile["docs/old.md"]?.map(\.kind) == [.stale])
        #expect(byFile["docs/old.md"]?.first?.line == 9)
        #expect(byFile["docs/gone.md"]?.map(\.kind) == [.orphaned])
        #expect(byFile["docs/short.md"]?.map(\.kind) == [.stale], "a 4-digit prefix is too short to trust")

        let changed = Self.candidate(TestCaptures.order(submitLabel: "Send"), bytes: Data("z".utf8))
        let cite = MaterialCitation(file: "docs/cited.md", line: 4, captureID: "create-order", fingerprint: fp)
        let (after, _) = Self.checker().check(lock: lock, sources: [changed], outputs: Self.intactOutputs, citations: [cite])
        let citedFinding = after.findings.first { $0.file == "docs/cited.md" }
        #expect(citedFinding?.details == ["step 5 changed: 'Submit' → 'Send'"])
        #expect(citedFinding?.owner == "Ana Ruiz")
    }

    @Test("import diagnostics are passed on")
    func importErrors() {
        let broken = SourceCandidate(lockPath: "../captures/create-order.json", displayPath: "captures/create-order.json",
                                     byteHash: "different") {
            ([], [Diagnostic(.jsonSyntax, "Unexpected end of input.", at: SourceLocation(file: "captures/create-order.json", line: 3))])
        }
        let (_, diagnostics) = Self.checker().check(lock: Self.lock(), sources: [broken], outputs: Self.intactOutputs)
        #expect(diagnostics.map(\.code) == ["json.syntax"])
    }
}

extension StalenessCheckerTests {
    @Test("a new file reusing a built capture's id does not displace the built one")
    func duplicateIDs() {
        var copy = TestCaptures.order(submitLabel: "Something else")
        copy.title = "A copy"
        let earlier = Self.candidate(copy, bytes: Data("copy".utf8), path: "../aaa/copy.json")
        let (report, diagnostics) = Self.checker().check(
            lock: Self.lock(), sources: [earlier, Self.candidate(TestCaptures.order())], outputs: Self.intactOutputs)
        #expect(report.findings.isEmpty)
        #expect(diagnostics.map(\.code) == ["capture.duplicate-id"])
        #expect(diagnostics.first?.location?.file == "aaa/copy.json")
    }
}
