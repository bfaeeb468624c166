import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import WaymarkTestSupport
@testable import WaymarkBrowser

/// What the replay tests share: their recordings, a loopback server over the shared sites (or a changed copy), and
/// the `waymark` binary run as a user runs it.
enum ReplayTestSupport {
    static let fixtures = BrowserTestEnvironment.packageRoot.appendingPathComponent("Tests/WaymarkBrowserTests/ReplayFixtures")
    static var mainFlow: URL { fixtures.appendingPathComponent("puppeteer-main-flow.json") }
    static var neverFinishes: URL { fixtures.appendingPathComponent("never-finishes.json") }
    /// The origin the transcribed puppeteer/replay recordings were made on (its test server).
    static let recordedOrigin = "http://localhost:8907"
    static var available: Bool { BrowserTestEnvironment.replaySitesAvailable && Fixtures.hasShared }
    static let missing: Comment = "../shared (replay-sites and captures) is missing beside the checkout; the replay tests use both"

    /// Serves `puppeteer` (default: the shared pages) under `/puppeteer/` and the Selenium IDE pages under
    /// `/selenium/`, runs `body`, and stops the server on every way out.
    static func withServer<T>(puppeteer: URL? = nil, _ body: (LoopbackSiteServer) async throws -> T) async throws -> T {
        let local = BrowserTestEnvironment.temporaryFolder("replay-local")
        var mounts = BrowserFixture.mounts(local: local)
        if let puppeteer { mounts[0] = .init(prefix: "/puppeteer/", folder: puppeteer) }
        let server = try await LoopbackSiteServer.start(mounts: mounts)
        do {
            let result = try await body(server)
            await server.stop()
            try? FileManager.default.removeItem(at: local)
            return result
        } catch {
            await server.stop()
            try? FileManager.default.removeItem(at: local)
            throw error
        }
    }

    /// A copy of puppeteer/replay's pages with `edit` applied to `page`: the application after a change.
    static func changedPuppeteerSite(page: String, _ edit: (String) -> String) throws -> URL {
        let copy = BrowserTestEnvironment.temporaryFolder("changed-site").appendingPathComponent("puppeteer-replay")
        try FileManager.default.copyItem(at: BrowserTestEnvironment.replaySites.appendingPathComponent("puppeteer-replay"), to: copy)
        let url = copy.appendingPathComponent(page)
        let original = try String(contentsOf: url, encoding: .utf8)
        let changed = edit(original)
        #expect(changed != original, "the edit of \(page) changed nothing")
        try Data(changed.utf8).write(to: url)
        return copy
    }

    /// The built `waymark` (beside the test bundle, else .build/debug).
    static var binary: URL {
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("waymark")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return BrowserTestEnvironment.packageRoot.appendingPathComponent(".build/debug/waymark")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `waymark ARGS` in `directory`; output goes to files so a full pipe cannot block it.
    static func start(_ arguments: [String], in directory: URL) throws -> (Process, URL, URL) {
        let out = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    /// Runs `waymark ARGS` to the end (at most 120 s; killed and recorded as an issue after that).
    static func run(_ arguments: [String], in directory: URL) async throws -> Run {
        let (process, out, err) = try start(arguments, in: directory)
        try await waitForExit(process, limit: .seconds(120))
        let run = Run(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return run
    }

    static func waitForExit(_ process: Process, limit: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while process.isRunning && clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("waymark did not exit within \(limit)")
            process.waitUntilExit()
        }
    }

    /// Fails (and kills them) if any process the `waymark` process `pid` started is still alive.
    static func expectNothingLeft(by pid: Int32, sourceLocation: SourceLocation = #_sourceLocation) async {
        let survivors = await BrowserTestEnvironment.survivingProcesses { ProcessTable.processes(startedByProcess: pid) }
        #expect(survivors.isEmpty, "processes of waymark \(pid) survived: \(survivors)", sourceLocation: sourceLocation)
        for survivor in survivors { kill(survivor.pid, SIGKILL) }
    }
}
