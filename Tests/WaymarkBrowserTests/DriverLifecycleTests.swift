import Foundation
import Testing
import WaymarkModel
@testable import WaymarkBrowser

#if canImport(Glibc)
import Glibc
#endif

/// Starting and stopping chromedriver and Chromium on every path — normal end, thrown error, crashed browser, hung
/// page, SIGINT, SIGTERM — and proving with `/proc` that no process of the driver survives. Each test starts its own
/// driver; they run one after another to keep the machine's two cores for the browsers.
@Suite(.serialized, .enabled(if: BrowserTestEnvironment.replaySitesAvailable, BrowserTestEnvironment.missingSitesReason))
struct DriverLifecycleTests {
    /// Runs `body` with a loopback server of the shared pages (and a folder of the test's own pages under `/local/`).
    private func withServer(_ body: (LoopbackSiteServer, URL) async throws -> Void) async throws {
        let local = BrowserTestEnvironment.temporaryFolder("lifecycle")
        let server = try await LoopbackSiteServer.start(mounts: BrowserFixture.mounts(local: local))
        do {
            try await body(server, local)
        } catch {
            await server.stop()
            try? FileManager.default.removeItem(at: local)
            throw error
        }
        await server.stop()
        try? FileManager.default.removeItem(at: local)
    }

    /// Runs `body` with a local driver of its own; on every way out — a failed expectation or a thrown error
    /// included — the driver is stopped and `/proc` must show none of its processes.
    private func withCheckedDriver(commandTimeout: Duration = .seconds(60), _ body: (BrowserDriver) async throws -> Void) async throws {
        let driver = try await BrowserDriver.start(commandTimeout: commandTimeout)
        let token = driver.ownerToken ?? "no token"
        #expect(driver.ownerToken != nil)
        do {
            try await body(driver)
        } catch {
            await driver.stop()
            await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
            throw error
        }
        await driver.stop()
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func startNavigateStopLeavesNoProcessOrFolder() async throws {
        try await withServer { server, _ in
            var folder = ""
            try await withCheckedDriver { driver in
                folder = try #require(driver.process?.workDirectory)
                let token = try #require(driver.ownerToken)
                #expect(driver.isLocal)
                #expect(driver.url.hasPrefix("http://127.0.0.1:"))
                let session = try await driver.newSession()
                #expect(session.browserName == "chrome")
                try await session.navigate(to: server.url("/selenium/title.html"))
                #expect(try await session.title() == "test title")
                #expect(try await session.viewportSize() == ViewportSize(width: 1280, height: 800))
                #expect(!ProcessTable.processes(ownedBy: token).isEmpty, "the driver's processes carry its owner token")
                #expect(FileManager.default.fileExists(atPath: folder + "/profile-1"), "the session has a profile of its own")
                await session.close()
                #expect(!FileManager.default.fileExists(atPath: folder + "/profile-1"), "closing the session removed its profile")
            }
            #expect(!FileManager.default.fileExists(atPath: folder), "the driver's temporary folder was removed")
        }
    }

    @Test func aThrowingBlockStillStopsTheDriver() async throws {
        struct Planned: Error {}
        let tokens = TokenBox()
        await #expect(throws: Planned.self) {
            try await BrowserDriver.withDriver { driver in
                tokens.token = driver.ownerToken
                _ = try await driver.withSession(SessionOptions(viewport: nil)) { session in
                    try await session.navigate(to: "about:blank")
                    throw Planned()
                }
            }
        }
        let token = try #require(tokens.token)
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func aMissingChromedriverIsADiagnosticNamingThePackage() async throws {
        let error = await #expect(throws: BrowserError.self) {
            _ = try await BrowserDriver.start(.local(LocalDriverOptions(chromedriverPath: "/nonexistent/waymark/chromedriver")))
        }
        #expect(error?.code == DiagnosticCode.browserDriverMissing)
        #expect(error?.diagnostic.message.contains("/nonexistent/waymark/chromedriver") == true)
        #expect(error?.diagnostic.hint?.contains("chromium-driver") == true)

        let browser = await #expect(throws: BrowserError.self) {
            _ = try await BrowserDriver.start(.local(LocalDriverOptions(chromiumPath: "/nonexistent/waymark/chromium")))
        }
        #expect(browser?.code == DiagnosticCode.browserBrowserMissing)
        #expect(browser?.diagnostic.hint?.contains("`chromium`") == true)
    }

    @Test func aRemoteEndpointIsUsedAsItIsAndNothingIsStarted() async throws {
        try await withServer { server, _ in
            try await withCheckedDriver { host in
                let hostPID = try #require(host.processID)
                let remote = try await BrowserDriver.start(.remote(url: host.url + "/"))
                #expect(!remote.isLocal)
                #expect(remote.ownerToken == nil)
                let session = try await remote.newSession(SessionOptions(viewport: ViewportSize(width: 900, height: 700)))
                try await session.navigate(to: server.url("/selenium/title.html"))
                #expect(try await session.title() == "test title")
                #expect(try await session.viewportSize() == ViewportSize(width: 900, height: 700))
                await remote.stop()
                #expect(kill(hostPID, 0) == 0, "stopping a remote endpoint must not stop the process behind it")
                let closed = await #expect(throws: BrowserError.self) { _ = try await session.title() }
                #expect(closed?.code == DiagnosticCode.browserSessionClosed)
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let unreachable = await #expect(throws: BrowserError.self) {
            _ = try await BrowserDriver.start(.remote(url: "http://127.0.0.1:9"))
        }
        #expect(unreachable?.code == DiagnosticCode.browserUnreachable)
        #expect(started.duration(to: clock.now) < .seconds(5), "a refused connection is reported at once")
        let invalid = await #expect(throws: BrowserError.self) {
            _ = try await BrowserDriver.start(.remote(url: "grid:4444"))
        }
        #expect(invalid?.code == DiagnosticCode.browserInvalidOption)
    }

    @Test func severalSessionsRunInParallelOnOneDriver() async throws {
        try await withServer { server, _ in
            try await withCheckedDriver { driver in
                let pages = ["/selenium/title.html", "/puppeteer/main2.html", "/selenium/windows.html"]
                let seen = try await withThrowingTaskGroup(of: (String, String).self) { group in
                    for path in pages {
                        group.addTask {
                            try await driver.withSession(SessionOptions(viewport: nil)) { session in
                                try await session.navigate(to: server.url(path))
                                let heading = try await session.findAll(.css("h1"), wait: .zero).first?.text() ?? ""
                                return (path, try await session.title() + "|" + heading)
                            }
                        }
                    }
                    var all: [String: String] = [:]
                    for try await (path, text) in group { all[path] = text }
                    return all
                }
                #expect(seen == ["/selenium/title.html": "test title|", "/puppeteer/main2.html": "|Page 2",
                                 "/selenium/windows.html": "|This is a window"])
            }
        }
    }

    @Test func aCrashedBrowserIsReportedAndCleanedUp() async throws {
        try await withCheckedDriver { driver in
            let session = try await driver.newSession(SessionOptions(viewport: nil))
            try await session.navigate(to: "about:blank")
            let browserPID = try #require(session.browserProcessID)
            kill(browserPID, SIGKILL)
            let error = await #expect(throws: BrowserError.self) {
                // chromedriver may answer one more command before it notices; none after that.
                for _ in 0..<20 {
                    _ = try await session.title()
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(error?.code == DiagnosticCode.browserSessionClosed, "got \(String(describing: error))")
        }
    }

    @Test func aHungPageIsCutOffByTheCommandDeadline() async throws {
        try await withServer { server, local in
            try Data("<!doctype html><title>Busy</title><p>Busy</p>".utf8).write(to: local.appendingPathComponent("busy.html"))
            let clock = ContinuousClock()
            let started = clock.now
            // Deadlines generous enough for a loaded CI machine to open the page; the hung script is what must be cut.
            try await withCheckedDriver(commandTimeout: .seconds(8)) { driver in
                let session = try await driver.newSession(SessionOptions(
                    viewport: nil, timeouts: BrowserTimeouts(pageLoad: .seconds(8), script: .seconds(1))))
                try await session.navigate(to: server.url("/local/busy.html"))
                let error = await #expect(throws: BrowserError.self) {
                    // The page's script spins for ever; the next commands cannot get an answer from it.
                    _ = try await session.executeScript("setTimeout(() => { for(;;){} }, 0); return 1;")
                    _ = try await session.executeScript("return document.title;")
                    _ = try await session.title()
                }
                #expect([DiagnosticCode.browserTimeout, DiagnosticCode.browserDriverUnresponsive].contains(error?.code ?? .browserDriverError),
                        "got \(String(describing: error))")
            }
            #expect(started.duration(to: clock.now) < .seconds(40), "a hung page must not hang the run")
        }
    }

    /// Starts the signal probe and waits for its READY line; returns the process and its driver's owner token.
    private func startProbe() async throws -> (Process, String)? {
        let probe = Process()
        probe.executableURL = BrowserTestEnvironment.signalProbe
        let output = Pipe()
        probe.standardOutput = output
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        var line = ""
        let reader = output.fileHandleForReading
        while !line.contains("\n") && probe.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let fields = line.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count >= 4, fields[0] == "READY" else {
            if probe.isRunning { kill(probe.processIdentifier, SIGTERM) }
            Issue.record("the probe did not start a browser: \(line)")
            return nil
        }
        #expect(!ProcessTable.processes(ownedBy: fields[1]).isEmpty)
        return (probe, fields[1])
    }

    /// Waits up to 20 s for `probe` to exit.
    private func waitForExit(_ probe: Process) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(20))
        while probe.isRunning && clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if probe.isRunning {
            kill(probe.processIdentifier, SIGKILL)
            Issue.record("the probe did not exit after the signal")
        }
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalStopsTheBrowserAndExitsLikeAShell(signal: Int32, status: Int32) async throws {
        guard let (probe, token) = try await startProbe() else { return }
        kill(probe.processIdentifier, signal)
        try await waitForExit(probe)
        #expect(probe.terminationReason == .exit)
        #expect(probe.terminationStatus == status)
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func theNextDriverEndsWhatAKilledRunLeftBehind() async throws {
        guard let (probe, token) = try await startProbe() else { return }
        // SIGKILL cannot be handled: the probe's browser is orphaned…
        kill(probe.processIdentifier, SIGKILL)
        try await waitForExit(probe)
        // Other suites start drivers at the same time, and any driver start ends orphans: the probe's may already
        // be gone. Then the behaviour under test happened before this test could look, and the last check stands.
        let orphaned = ProcessTable.orphans().filter { $0.owner == token }
        if !orphaned.isEmpty {
            #expect(orphaned.contains { $0.command.hasPrefix("chrom") }, "the orphans are the probe's driver and browser: \(orphaned)")
        }
        // …until the next driver starts.
        try await withCheckedDriver { _ in
            #expect(ProcessTable.processes(ownedBy: token).isEmpty, "starting a driver ended the orphans")
        }
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }
}

/// Carries a value out of a `@Sendable` block.
private final class TokenBox: @unchecked Sendable {
    var token: String?
}
