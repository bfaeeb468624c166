import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import WaymarkBrowser

/// Where the browser tests' pages come from, and whether they can run here.
enum BrowserTestEnvironment {
    /// The package root: the folder holding Package.swift, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// A loopback TCP port nobody listens on: bound by the kernel's choice, then closed again.
    static func closedLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `<package root>/../shared/replay-sites`: the real pages published by Selenium IDE and puppeteer/replay.
    static let replaySites = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/replay-sites")

    static var replaySitesAvailable: Bool {
        FileManager.default.fileExists(atPath: replaySites.appendingPathComponent("puppeteer-replay/main.html").path)
            && FileManager.default.fileExists(atPath: replaySites.appendingPathComponent("selenium-ide-static/windows.html").path)
    }

    static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return value == "true" || value == "1"
    }

    static let missingSitesReason: Comment =
        "../shared/replay-sites is missing beside the checkout; the browser tests serve its pages"

    /// The program the signal tests start and interrupt (built with the tests, beside the test bundle).
    static var signalProbe: URL {
        let buildFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        let besideBundle = buildFolder.appendingPathComponent("waymark-browser-signal-probe")
        if FileManager.default.fileExists(atPath: besideBundle.path) { return besideBundle }
        return packageRoot.appendingPathComponent(".build/debug/waymark-browser-signal-probe")
    }

    /// A fresh empty folder for pages a test writes or changes.
    static func temporaryFolder(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-browser-test-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Records an issue for every process of the driver `token` still alive, after giving them a moment to exit.
    static func expectNoProcesses(ownedBy token: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let survivors = await survivingProcesses { ProcessTable.processes(ownedBy: token) }
        #expect(survivors.isEmpty, "processes of driver \(token) survived: \(survivors)", sourceLocation: sourceLocation)
        // A failed check must not leave them running for the next test (or the next CI job).
        for survivor in survivors { kill(survivor.pid, SIGKILL) }
    }

    /// The processes `scan` finds once they had up to five seconds to disappear.
    static func survivingProcesses(_ scan: () -> [ProcessTable.Entry]) async -> [ProcessTable.Entry] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(5))
        var found = scan()
        while !found.isEmpty && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
            found = scan()
        }
        return found
    }
}
