import Foundation
import Testing
import WaymarkActions
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport
@testable import WaymarkStaleness

/// `CheckRun` on real files: sample captures copied to a temporary folder, a lock written by hand the way a build
/// writes it, outputs on disk.
@Suite("CheckRun")
struct CheckRunTests {
    struct Project {
        var root: URL
        var out: URL { root.appendingPathComponent("out") }
        var captures: URL { root.appendingPathComponent("captures") }

        func run(inputs: [String] = ["captures"], materials: [String] = [], today: String = "2026-11-01") throws -> (StalenessReport, [Diagnostic]) {
            let result = try CheckRun(
                inputs: inputs, outputDirectory: out, materials: materials.map { root.appendingPathComponent($0) },
                today: CalendarDate(today)!, baseDirectory: root).run()
            return (result.report, result.diagnostics)
        }
    }

    /// Copies two sample captures, "builds" them (an output file per capture) and writes the lock.
    static func project() throws -> Project {
        let root = Fixtures.temporaryDirectory("checkrun")
        let project = Project(root: root)
        let fm = FileManager.default
        try fm.createDirectory(at: project.captures, withIntermediateDirectories: true)
        var lock = LockFile()
        for name in ["reset-password.json", "submit-expense-report.xml"] {
            let target = project.captures.appendingPathComponent(name)
            try fm.copyItem(at: Fixtures.sampleCaptures.appendingPathComponent(name), to: target)
            let input = try CaptureInput.load(target, displayPath: "captures/" + name)
            // Prepared as the build prepares captures (control characters removed, secrets marked).
            let capture = Redactor().prepare(try #require(CaptureReader().read(input).captures.first))
            let guide = Data("# \(capture.title)\n".utf8)
            let guideURL = project.out.appendingPathComponent(capture.id).appendingPathComponent("guide.md")
            try fm.createDirectory(at: guideURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try guide.write(to: guideURL)
            lock.captures[capture.id] = LockEntry(
                capture: capture, sourcePath: "../captures/" + name, sourceBytes: input.data,
                outputs: ["\(capture.id)/guide.md": Fingerprint.hex(of: guide)],
                templateHash: try TemplateFingerprint.hash(templatesIn: nil))
        }
        lock = try lock.write(to: project.out)
        return project
    }

    @Test("a fresh project is fresh; paths are shown relative to the base folder")
    func fresh() throws {
        let project = try Self.project()
        let (report, diagnostics) = try project.run()
        #expect(diagnostics.isEmpty)
        #expect(report.findings.isEmpty)
        #expect(report.materials.map(\.file) == ["out/reset-password/guide.md", "out/submit-expense-report-xml/guide.md"])
        // No inputs: the lock's sources are checked.
        #expect(try project.run(inputs: []).0.materials.count == 2)
    }

    @Test("a relabelled step, a hand edit, a deleted capture and a new one, all on disk")
    func findings() throws {
        let project = try Self.project()
        let reset = project.captures.appendingPathComponent("reset-password.json")
        let text = try String(contentsOf: reset, encoding: .utf8)
        try text.replacingOccurrences(of: "\"label\": \"Forgot my password\"", with: "\"label\": \"Reset my password\"")
            .write(to: reset, atomically: true, encoding: .utf8)
        try Data("edited\n".utf8).write(to: project.out.appendingPathComponent("reset-password/guide.md"))
        try FileManager.default.removeItem(at: project.captures.appendingPathComponent("submit-expense-report.xml"))
        try FileManager.default.copyItem(
            at: Fixtures.sampleCaptures.appendingPathComponent("onboard-new-hire.json"),
            to: project.captures.appendingPathComponent("onboard-new-hire.json"))
        let (report, _) = try project.run()
        let summary = report.findings.map { "\($0.kind.rawValue) \($0.captureID) \($0.file)" }
        #expect(Set(summary) == [
            "untracked onboard-new-hire captures/onboard-new-hire.json",
            "orphaned submit-expense-report-xml out/submit-expense-report-xml/guide.md",
            "edited reset-password out/reset-password/guide.md",
            "stale reset-password captures/reset-password.json",
        ])
        #expect(Set(summary).count == 4)
        let stale = try #require(report.findings.first { $0.kind == .stale })
        #expect(stale.details == ["step 2 changed: 'Forgot my password' → 'Reset my password'"])
    }

    @Test("captures named through a linked folder are the lock's sources, not second copies of them")
    func namedThroughALinkedFolder() throws {
        let project = try Self.project()
        try FileManager.default.createSymbolicLink(
            at: project.root.appendingPathComponent("linked"), withDestinationURL: project.captures)
        let fresh = try project.run(inputs: ["linked"])
        #expect(fresh.1.isEmpty, "\(fresh.1)")
        #expect(fresh.0.findings.isEmpty)
        #expect(fresh.0.materials.count == 2)
        // A changed capture is one stale finding, not also a duplicate id (the lock's copy of the same file).
        let reset = project.captures.appendingPathComponent("reset-password.json")
        let text = try String(contentsOf: reset, encoding: .utf8)
        try text.replacingOccurrences(of: "\"label\": \"Forgot my password\"", with: "\"label\": \"Reset my password\"")
            .write(to: reset, atomically: true, encoding: .utf8)
        let (report, diagnostics) = try project.run(inputs: ["linked"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(report.findings.map { "\($0.kind.rawValue) \($0.captureID) \($0.file)" } == [
            "stale reset-password linked/reset-password.json",
        ])
    }

    @Test("a template folder recorded in the lock is re-hashed")
    func templates() throws {
        let project = try Self.project()
        let templates = project.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{title}}\n".utf8).write(to: templates.appendingPathComponent("guide.md.mustache"))
        var lock = try #require(try LockFile.read(outputFolder: project.out))
        lock.templates = "../templates"
        let hash = try TemplateFingerprint.hash(templatesIn: templates)
        for id in lock.captures.keys { lock.captures[id]?.templateHash = hash }
        try lock.write(to: project.out)
        #expect(try project.run().0.findings.isEmpty)
        try Data("{{title}}!\n".utf8).write(to: templates.appendingPathComponent("guide.md.mustache"))
        #expect(try project.run().0.findings.map(\.kind) == [.outdatedTemplate, .outdatedTemplate])
    }

    @Test("citations under --materials are found with file and line")
    func materials() throws {
        let project = try Self.project()
        let lock = try #require(try LockFile.read(outputFolder: project.out))
        let docs = project.root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let marker = MaterialCitation.marker(captureID: "reset-password", fingerprint: lock.captures["reset-password"]!.fingerprint)
        try Data("# Help\n\n\(marker)\n".utf8).write(to: docs.appendingPathComponent("help.md"))
        try Data("---\nwaymark_source: nowhere\n---\n".utf8).write(to: docs.appendingPathComponent("old.md"))
        try Data("ignored \(marker)".utf8).write(to: docs.appendingPathComponent("image.png"))
        let (report, _) = try project.run(materials: ["docs"])
        #expect(report.findings.map { "\($0.kind.rawValue) \($0.file):\($0.line ?? 0)" } == ["orphaned docs/old.md:2"])
        #expect(report.materials.count == 4)
    }

    @Test("a newer lock stops the check with a diagnostic naming the lock")
    func newerLock() throws {
        let project = try Self.project()
        try Data("{\"version\": \(LockFile.formatVersion + 1)}".utf8).write(to: project.out.appendingPathComponent(LockFile.fileName))
        #expect {
            try project.run()
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.location?.file == "out/waymark.lock"
        }
    }
}
