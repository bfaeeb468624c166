import Foundation
import Testing
@testable import WaymarkBrowser

/// One loopback server, one local chromedriver and one browser session, shared by the tests of a suite.
///
/// Starting Chromium is the slow part of a browser test, so a suite starts it once (`.sharedBrowser` trait) and its
/// tests run one after another in that browser. When the suite ends — passed, failed or thrown — the session,
/// driver and server stop and the suite fails if any process of the driver is still alive.
final class BrowserFixture: Sendable {
    let server: LoopbackSiteServer
    let driver: BrowserDriver
    let session: BrowserSession
    /// Pages the suite's tests write for themselves, served under `/local/`.
    let localFolder: URL

    @TaskLocal static var current: BrowserFixture?

    /// The fixture of the running suite (a test of a `.sharedBrowser` suite always has one).
    static var shared: BrowserFixture {
        get throws {
            try #require(current, "the suite needs the .sharedBrowser trait")
        }
    }

    private init(server: LoopbackSiteServer, driver: BrowserDriver, session: BrowserSession, localFolder: URL) {
        self.server = server
        self.driver = driver
        self.session = session
        self.localFolder = localFolder
    }

    /// The mounts every browser test server has: the two shared sites, and a folder of the test's own pages.
    static func mounts(local: URL) -> [LoopbackSiteServer.Mount] {
        [
            .init(prefix: "/puppeteer/", folder: BrowserTestEnvironment.replaySites.appendingPathComponent("puppeteer-replay")),
            .init(prefix: "/selenium/", folder: BrowserTestEnvironment.replaySites.appendingPathComponent("selenium-ide-static")),
            .init(prefix: "/local/", folder: local),
        ]
    }

    static func start(_ options: SessionOptions) async throws -> BrowserFixture {
        let local = BrowserTestEnvironment.temporaryFolder("pages")
        let server = try await LoopbackSiteServer.start(mounts: mounts(local: local))
        let driver: BrowserDriver
        do {
            driver = try await BrowserDriver.start()
        } catch {
            await server.stop()
            throw error
        }
        do {
            let session = try await driver.newSession(options)
            return BrowserFixture(server: server, driver: driver, session: session, localFolder: local)
        } catch {
            await driver.stop()
            await server.stop()
            throw error
        }
    }

    func stop() async {
        let token = driver.ownerToken
        await driver.stop()
        await server.stop()
        try? FileManager.default.removeItem(at: localFolder)
        if let token { await BrowserTestEnvironment.expectNoProcesses(ownedBy: token) }
    }

    /// The address of a page of the shared sites or of the suite's own (`/puppeteer/main.html`, `/local/x.html`).
    func url(_ path: String) -> String { server.url(path) }

    /// Writes a page of the suite's own and returns its address.
    func page(_ name: String, _ html: String) throws -> String {
        try Data(html.utf8).write(to: localFolder.appendingPathComponent(name))
        return url("/local/\(name)")
    }

    /// Copies a page of the shared sites into the suite's folder with `edit` applied, and returns the copy's
    /// address: how a test shows the application changed (a renamed button) without touching the shared pages.
    func changedCopy(of sharedPath: String, as name: String, _ edit: (String) -> String) throws -> String {
        let original = try String(contentsOf: BrowserTestEnvironment.replaySites.appendingPathComponent(sharedPath), encoding: .utf8)
        let changed = edit(original)
        #expect(changed != original, "the edit of \(sharedPath) changed nothing")
        return try page(name, changed)
    }
}

/// Gives a suite one `BrowserFixture` for all its tests, and stops it (checking for survivors) afterwards.
struct SharedBrowserTrait: SuiteTrait, TestScoping {
    let options: SessionOptions

    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let fixture = try await BrowserFixture.start(options)
        do {
            try await BrowserFixture.$current.withValue(fixture) { try await function() }
        } catch {
            await fixture.stop()
            throw error
        }
        await fixture.stop()
    }
}

extension Trait where Self == SharedBrowserTrait {
    /// One browser for the whole suite (run the suite `.serialized`: its tests share one window).
    static func sharedBrowser(_ options: SessionOptions = SessionOptions(elementWait: .seconds(5))) -> Self {
        SharedBrowserTrait(options: options)
    }
}
