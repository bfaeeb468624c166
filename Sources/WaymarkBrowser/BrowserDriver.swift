#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import WaymarkModel

/// A WebDriver endpoint and the sessions opened on it: a chromedriver Waymark started (and will stop), or a remote
/// endpoint such as Selenium Grid 4.
///
/// One driver serves many sessions at once (replay's `--jobs N` runs one session per capture). `stop()` ends every
/// session and, for a local driver, kills chromedriver and every browser process it started; `withDriver` and
/// `withSession` make sure that happens on every path out of a block, thrown errors included, and the process-wide
/// registry covers Ctrl-C, SIGTERM and process exit.
public actor BrowserDriver {
    /// The endpoint's base URL, e.g. `http://127.0.0.1:41235`.
    public nonisolated let url: String
    /// Whether Waymark started this driver (and so stops its processes).
    public nonisolated var isLocal: Bool { process != nil }
    nonisolated let wire: WebDriverWire
    nonisolated let process: ChromeDriverProcess?
    private nonisolated let chromiumBinary: String?
    private var openSessions: [String: String?] = [:]
    private var profileSerial = 0
    private var stopped = false

    private init(wire: WebDriverWire, process: ChromeDriverProcess?, chromiumBinary: String?) {
        self.url = wire.baseURL
        self.wire = wire
        self.process = process
        self.chromiumBinary = chromiumBinary
    }

    /// The token in `WAYMARK_BROWSER_OWNER` of this driver's processes (local drivers only).
    package nonisolated var ownerToken: String? { process?.ownerToken }
    /// chromedriver's pid, which is also its process group (local drivers only).
    package nonisolated var processID: Int32? { process?.pid }

    /// Starts chromedriver (`.local`) or connects to a running endpoint (`.remote`) and checks that it answers.
    ///
    /// - Parameter commandTimeout: the deadline of each WebDriver command that has no longer one of its own; a
    ///   browser that does not answer in time is `browser.driver-unresponsive`, never a hang.
    public static func start(
        _ endpoint: BrowserEndpoint = .local(), commandTimeout: Duration = .seconds(60)
    ) async throws(BrowserError) -> BrowserDriver {
        switch endpoint {
        case .remote(let url):
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), URL(string: url)?.host != nil else {
                throw BrowserError(.browserInvalidOption,
                                   "The WebDriver URL “\(url)” is not an http:// or https:// address with a host.")
            }
            let wire = WebDriverWire(baseURL: url, commandTimeout: commandTimeout)
            _ = try await wire.status(timeout: .seconds(15))
            return BrowserDriver(wire: wire, process: nil, chromiumBinary: nil)
        case .local(let options):
            return try await startLocal(options, commandTimeout: commandTimeout)
        }
    }

    private static func startLocal(_ options: LocalDriverOptions, commandTimeout: Duration) async throws(BrowserError) -> BrowserDriver {
        let driverPath: String
        if let path = options.chromedriverPath {
            guard ExecutableSearch.isExecutableFile(path) else {
                throw BrowserError(.browserDriverMissing, "chromedriver was not found at \(path) (or is not executable).")
            }
            driverPath = path
        } else {
            guard let found = ExecutableSearch.find(["chromedriver"]) else {
                throw BrowserError(.browserDriverMissing, "chromedriver is not installed (not on PATH, not in /usr/bin or /usr/lib/chromium).")
            }
            driverPath = found
        }
        if let path = options.chromiumPath {
            guard ExecutableSearch.isExecutableFile(path) else {
                throw BrowserError(.browserBrowserMissing, "Chromium was not found at \(path) (or is not executable).")
            }
        } else if ExecutableSearch.find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) == nil {
            throw BrowserError(.browserBrowserMissing, "Chromium is not installed (no chromium, chromium-browser or google-chrome on PATH).")
        }

        // A run killed with SIGKILL could not clean up; its browsers still carry its token. End them now.
        for orphan in ProcessTable.orphans() { kill(orphan.pid, SIGKILL) }

        let token = "\(getpid())-\(nextDriverSerial())"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-browser-\(token)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw BrowserError(.browserDriverStartFailed, "Could not create the driver's folder \(folder): \(error.localizedDescription)")
        }
        let process = try await ChromeDriverProcess.launch(
            executable: driverPath, extraArguments: options.driverArguments, ownerToken: token, workDirectory: folder,
            startupTimeout: options.startupTimeout, handleSignals: options.handlesSignals)
        let wire = WebDriverWire(baseURL: "http://127.0.0.1:\(process.port)", commandTimeout: commandTimeout)
        do {
            try await waitUntilReady(wire, timeout: options.startupTimeout)
        } catch {
            await process.terminate()
            throw error
        }
        return BrowserDriver(wire: wire, process: process, chromiumBinary: options.chromiumPath)
    }

    private static func waitUntilReady(_ wire: WebDriverWire, timeout: Duration) async throws(BrowserError) {
        var lastProblem = "it did not answer"
        let ready = try await poll(timeout: timeout, interval: .milliseconds(50)) { () throws(BrowserError) -> Bool? in
            do throws(BrowserError) {
                let status = try await wire.status(timeout: .seconds(5))
                lastProblem = status.message.isEmpty ? "it is not ready" : status.message
                return status.ready ? true : nil
            } catch where error.code == .browserUnreachable {
                return nil
            }
        }
        if ready == nil {
            throw BrowserError(.browserDriverStartFailed,
                               "chromedriver at \(wire.baseURL) did not become ready within \(timeout.secondsText): \(lastProblem).")
        }
    }

    /// Opens a browser session. Local sessions get a profile folder of their own, removed when they close.
    public func newSession(_ options: SessionOptions = SessionOptions()) async throws(BrowserError) -> BrowserSession {
        guard !stopped else { throw BrowserError(.browserSessionFailed, "The driver at \(url) was stopped.") }
        var profile: String?
        if let process {
            profileSerial += 1
            profile = process.workDirectory + "/profile-\(profileSerial)"
        }
        let request = NewSessionRequest(
            chromiumArguments: try options.chromiumArguments(userDataDirectory: profile),
            chromiumBinary: chromiumBinary,
            acceptInsecureCertificates: options.acceptInsecureCertificates,
            timeouts: options.timeouts)
        let reply = try await wire.newSession(request, timeout: .seconds(90))
        openSessions[reply.sessionID] = profile
        let session = BrowserSession(reply: reply, options: options, wire: wire, driver: self)
        if stopped {
            await closeSession(reply.sessionID)
            throw BrowserError(.browserSessionFailed, "The driver at \(url) was stopped while the session started.")
        }
        if let viewport = options.viewport {
            do {
                try await session.setViewportSize(viewport)
            } catch {
                await closeSession(reply.sessionID)
                throw error
            }
        }
        return session
    }

    /// Ends a session (W3C Delete Session) and removes its profile folder; unknown or closed ids are ignored.
    func closeSession(_ id: String) async {
        guard let entry = openSessions.removeValue(forKey: id) else { return }
        try? await wire.deleteSession(id, timeout: .seconds(10))
        if let profile = entry { try? FileManager.default.removeItem(atPath: profile) }
    }

    /// Ends every session, then — for a local driver — kills chromedriver and every process it started and removes
    /// its temporary folder. Safe to call more than once; never throws (a dead browser is what it wants anyway).
    public func stop() async {
        stopped = true
        let ids = Array(openSessions.keys)
        await withTaskGroup(of: Void.self) { group in
            for id in ids { group.addTask { await self.closeSession(id) } }
        }
        await process?.terminate()
    }

    /// Starts a driver, runs `body`, and stops the driver on every way out of `body`.
    public static func withDriver<T: Sendable>(
        _ endpoint: BrowserEndpoint = .local(), commandTimeout: Duration = .seconds(60),
        _ body: (BrowserDriver) async throws -> T
    ) async throws -> T {
        let driver = try await start(endpoint, commandTimeout: commandTimeout)
        do {
            let result = try await body(driver)
            await driver.stop()
            return result
        } catch {
            await driver.stop()
            throw error
        }
    }

    /// Opens a session, runs `body`, and closes the session on every way out of `body`.
    public func withSession<T: Sendable>(
        _ options: SessionOptions = SessionOptions(), _ body: (BrowserSession) async throws -> T
    ) async throws -> T {
        let session = try await newSession(options)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}

private let driverSerial = NSLock()
nonisolated(unsafe) private var lastDriverSerial = 0

/// 1, 2, 3 … per process: the second half of each local driver's owner token.
private func nextDriverSerial() -> Int {
    driverSerial.lock()
    defer { driverSerial.unlock() }
    lastDriverSerial += 1
    return lastDriverSerial
}
