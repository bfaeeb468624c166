#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads the process table to find every process a driver started, wherever it ended up.
///
/// Process groups do not catch everything: Chromium's crash handler (`chrome_crashpad_handler`) daemonizes into a
/// session of its own. Every process a driver starts inherits the environment variable `WAYMARK_BROWSER_OWNER`
/// with the driver's token, so scanning `/proc/*/environ` for it finds them all — for cleanup, and for tests that
/// prove nothing survived. Zombies (exited, not yet reaped) are not alive and are left out. On systems without
/// `/proc` the scan finds nothing and cleanup relies on the process group.
package enum ProcessTable {
    /// The environment variable that marks a driver's processes.
    package static let ownerVariable = "WAYMARK_BROWSER_OWNER"

    /// A process found by a scan.
    package struct Entry: Sendable, CustomStringConvertible {
        package let pid: Int32
        /// The owner token from its environment.
        package let owner: String
        /// Its command name (`chromedriver`, `chromium`, `chrome_crashpad`).
        package let command: String

        package var description: String { "\(pid) \(command) (owner \(owner))" }
    }

    /// Living processes whose owner token satisfies `matches`.
    package static func processes(whereOwner matches: (String) -> Bool) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let prefix = Array((ownerVariable + "=").utf8)
        var found: [Entry] = []
        for name in names {
            guard let pid = Int32(name), pid != getpid() else { continue }
            guard let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/environ")) else { continue }
            var owner: String?
            for entry in environment.split(separator: 0, omittingEmptySubsequences: true) where entry.starts(with: prefix) {
                owner = String(decoding: entry.dropFirst(prefix.count), as: UTF8.self)
                break
            }
            guard let owner, matches(owner) else { continue }
            guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            if state == "Z" || state == "X" { continue }
            found.append(Entry(pid: pid, owner: owner, command: String(stat[stat.index(after: open)..<close])))
        }
        return found
    }

    /// Living processes of exactly this driver.
    package static func processes(ownedBy token: String) -> [Entry] {
        processes { $0 == token }
    }

    /// Living processes of drivers whose starting process is gone: what a Waymark killed with SIGKILL (which no
    /// handler can see) left behind. The owner token starts with the starting process's pid.
    package static func orphans() -> [Entry] {
        processes { owner in
            guard let pid = Int32(owner.prefix { $0.isASCII && $0.isNumber }), pid != getpid() else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
    }

    /// Living processes of every driver a process (by its pid) started.
    package static func processes(startedByProcess pid: Int32) -> [Entry] {
        let prefix = "\(pid)-"
        return processes { $0.hasPrefix(prefix) }
    }
}
