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
    /// A server of the shared pages for one test; stopped by the caller.
    private func startServer() async throws -> (LoopbackSiteServer, URL) {
        let local = BrowserTestEnvironment.temporaryFolder("lifecycle")
        return (try await LoopbackSiteServer.start(mounts: BrowserFixture.mounts(local: local)), local)
    }

    @Test func startNavigateStopLeavesNoProcessOrFolder() async throws {
        let (server, local) = try await startServer()
        defer { try? FileManager.default.removeItem(at: local) }
        let driver = try await BrowserDriver.start()
        let token = try #require(driver.ownerToken)
        let folder = try #require(driver.process?.workDirectory)
        do {
            #expect(driver.isLocal)
            #expect(driver.url.hasPrefix("http://127.0.0.1:"))
            let session = try await driver.newSession()
            #expect(session.browserName == "chrome")
            try await session.navigate(to: server.url("/selenium/title.html"))
            #expect(try await session.title() == "test title")
            #expect(try await session.viewportSize() == ViewportSize(width: 1280, height: 800))
            #expect(!ProcessTable.processes(ownedBy: token).isEmpty, "the driver's processes carry its owner token")
        } catch {
            await driver.stop()
            await server.stop()
            throw error
        }
        await driver.stop()
        await server.stop()
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
        #expect(!FileManager.default.fileExists(atPath: folder), "the driver's temporary folder was removed")
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
        #expect(error?.code == BrowserDiagnostics.driverMissing)
        #expect(error?.diagnostic.message.contains("/nonexistent/waymark/chromedriver") == true)
        #expect(error?.diagnostic.hint?.contains("chromium-driver") == true)

        let browser = await #expect(throws: BrowserError.self) {
            _ = try await BrowserDriver.start(.local(LocalDriverOptions(chromiumPath: "/nonexistent/waymark/chromium")))
        }
        #expect(browser?.code == BrowserDiagnostics.browserMissing)
        #expect(browser?.diagnostic.hint?.contains("`chromium`") == true)
    }

    @Test func aRemoteEndpointIsUsedAsItIsAndNothingIsStarted() async throws {
        let (server, local) = try await startServer()
        defer { try? FileManager.default.removeItem(at: local) }
        let host = try await BrowserDriver.start()
        let hostPID = try #require(host.processID)
        do {
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
            #expect(closed?.code == BrowserDiagnostics.sessionClosed)

            let clock = ContinuousClock()
            let started = clock.now
            let unreachable = await #expect(throws: BrowserError.self) {
                _ = try await BrowserDriver.start(.remote(url: "http://127.0.0.1:9"))
            }
            #expect(unreachable?.code == BrowserDiagnostics.unreachable)
            #expect(started.duration(to: clock.now) < .seconds(3), "took \(started.duration(to: clock.now))")
            let invalid = await #expect(throws: BrowserError.self) {
                _ = try await BrowserDriver.start(.remote(url: "grid:4444"))
            }
            #expect(invalid?.code == BrowserDiagnostics.invalidOption)
        } catch {
            await host.stop()
            await server.stop()
            throw error
        }
        await host.stop()
        await server.stop()
    }

    @Test func severalSessionsRunInParallelOnOneDriver() async throws {
        let (server, local) = try await startServer()
        defer { try? FileManager.default.removeItem(at: local) }
        let driver = try await BrowserDriver.start()
        let token = try #require(driver.ownerToken)
        let pages = ["/selenium/title.html": "test title", "/puppeteer/main2.html": "", "/selenium/windows.html": ""]
        do {
            let headings = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for path in pages.keys {
                    group.addTask {
                        let session = try await driver.newSession(SessionOptions(viewport: nil))
                        try await session.navigate(to: server.url(path))
                        let heading = try await session.findAll(.css("h1"), wait: .zero).first?.text() ?? ""
                        let title = try await session.title()
                        await session.close()
                        return (path, title + "|" + heading)
                    }
                }
                var all: [String: String] = [:]
                for try await (path, text) in group { all[path] = text }
                return all
            }
            #expect(headings == ["/selenium/title.html": "test title|", "/puppeteer/main2.html": "|Page 2",
                                 "/selenium/windows.html": "|This is a window"])
        } catch {
            await driver.stop()
            await server.stop()
            throw error
        }
        await driver.stop()
        await server.stop()
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func aCrashedBrowserIsReportedAndCleanedUp() async throws {
        let driver = try await BrowserDriver.start()
        let token = try #require(driver.ownerToken)
        do {
            let session = try await driver.newSession(SessionOptions(viewport: nil))
            try await session.navigate(to: "about:blank")
            let browserPID = try #require(session.browserProcessID)
            kill(browserPID, SIGKILL)
            let error = await #expect(throws: BrowserError.self) {
                // The first command after the crash may still be answered from the driver's cache; the next is not.
                for _ in 0..<20 {
                    _ = try await session.title()
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            #expect(error?.code == BrowserDiagnostics.sessionClosed, "got \(String(describing: error))")
        } catch {
            await driver.stop()
            throw error
        }
        await driver.stop()
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func aHungPageIsCutOffByTheCommandDeadline() async throws {
        let (server, local) = try await startServer()
        defer { try? FileManager.default.removeItem(at: local) }
        try Data("<!doctype html><title>Busy</title><button id=spin onclick='for(;;){}'>Spin</button>".utf8)
            .write(to: local.appendingPathComponent("busy.html"))
        let driver = try await BrowserDriver.start(commandTimeout: .seconds(3))
        let token = try #require(driver.ownerToken)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let session = try await driver.newSession(SessionOptions(
                viewport: nil, timeouts: BrowserTimeouts(pageLoad: .seconds(2), script: .seconds(1))))
            try await session.navigate(to: server.url("/local/busy.html"))
            let error = await #expect(throws: BrowserError.self) {
                // The page's script spins for ever; the next commands cannot get an answer from it.
                _ = try await session.executeScript("setTimeout(() => { for(;;){} }, 0); return 1;")
                _ = try await session.executeScript("return document.title;")
                _ = try await session.title()
            }
            #expect([BrowserDiagnostics.timeout, BrowserDiagnostics.driverUnresponsive].contains(error?.code ?? ""),
                    "got \(String(describing: error))")
        } catch {
            await driver.stop()
            await server.stop()
            throw error
        }
        await driver.stop()
        await server.stop()
        #expect(started.duration(to: clock.now) < .seconds(40), "a hung page must not hang the run")
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalStopsTheBrowserAndExitsLikeAShell(signal: Int32, status: Int32) async throws {
        let probe = Process()
        probe.executableURL = BrowserTestEnvironment.signalProbe
        let output = Pipe()
        probe.standardOutput = output
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        var line = ""
        let reader = output.fileHandleForReading
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(60))
        while !line.contains("\n") && clock.now < deadline && probe.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count >= 4, fields[0] == "READY" else {
            probe.terminate()
            Issue.record("the probe did not start a browser: \(line)")
            return
        }
        let token = fields[1].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!ProcessTable.processes(ownedBy: token).isEmpty)
        kill(probe.processIdentifier, signal)
        let waitDeadline = clock.now.advanced(by: .seconds(20))
        while probe.isRunning && clock.now < waitDeadline { try await Task.sleep(for: .milliseconds(50)) }
        if probe.isRunning {
            kill(probe.processIdentifier, SIGKILL)
            Issue.record("the probe did not exit after the signal")
        }
        #expect(probe.terminationReason == .exit)
        #expect(probe.terminationStatus == status)
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }
}

/// Carries a value out of a `@Sendable` block.
private final class TokenBox: @unchecked Sendable {
    var token: String?
}
