// A program the browser tests start and then interrupt: it opens a real browser through WaymarkBrowser, says so on
// stdout ("READY <owner token> <chromedriver pid> <browser pid>"), and waits. The test sends SIGINT or SIGTERM and
// checks the exit status (130 or 143) and that no process carrying the owner token is left.
import Foundation
import WaymarkBrowser

@main
struct SignalProbe {
    static func main() async {
        do {
            let driver = try await BrowserDriver.start(.local())
            let session = try await driver.newSession(SessionOptions(viewport: nil))
            try await session.navigate(to: "about:blank")
            let token = driver.ownerToken ?? "none"
            let driverPID = driver.processID.map(String.init) ?? "0"
            let browserPID = session.browserProcessID.map(String.init) ?? "0"
            FileHandle.standardOutput.write(Data("READY \(token) \(driverPID) \(browserPID)\n".utf8))
            while true { try await Task.sleep(for: .seconds(60)) }
        } catch {
            FileHandle.standardError.write(Data("ERROR \(error)\n".utf8))
            exit(1)
        }
    }
}
