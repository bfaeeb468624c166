#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A chromedriver that Waymark started, and everything it starts, in a process group of its own.
///
/// chromedriver is started with `--port=0`, so the kernel picks a free loopback port and chromedriver prints it
/// ("ChromeDriver was started successfully on port 41235."): no port is guessed, so parallel drivers never race
/// for one. Its output goes to a log file in the driver's own temporary folder (never a pipe, which a chatty driver
/// could fill and block on). The driver runs in its own process group with default signal handling, and every
/// process of it carries `WAYMARK_BROWSER_OWNER=<token>` in its environment; stopping kills the group and then
/// every process still carrying the token (Chromium's crash handler leaves the group), so nothing outlives the
/// driver.
final class ChromeDriverProcess: Sendable {
    /// chromedriver's pid, which is also its process group id.
    let pid: pid_t
    let port: Int
    /// `<our pid>-<serial>`: the value of `WAYMARK_BROWSER_OWNER` in every process of this driver.
    let ownerToken: String
    /// Holds the log and the browser profiles; removed when the driver stops.
    let workDirectory: String
    let logPath: String

    private init(pid: pid_t, port: Int, ownerToken: String, workDirectory: String, logPath: String) {
        self.pid = pid
        self.port = port
        self.ownerToken = ownerToken
        self.workDirectory = workDirectory
        self.logPath = logPath
    }

    /// Starts `executable` and waits until it has said which port it listens on.
    static func launch(
        executable: String, extraArguments: [String], ownerToken: String, workDirectory: String,
        startupTimeout: Duration, handleSignals: Bool
    ) async throws(BrowserError) -> ChromeDriverProcess {
        let logPath = workDirectory + "/chromedriver.log"
        let arguments = [executable, "--port=0"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment[ProcessTable.ownerVariable] = ownerToken
        let pid: pid_t
        do {
            pid = try spawn(executable, arguments: arguments,
                            environment: environment.map { "\($0.key)=\($0.value)" }, outputPath: logPath)
        } catch let errorNumber {
            throw BrowserError(.browserDriverStartFailed,
                               "Could not start \(executable): \(String(cString: strerror(errorNumber.code))).")
        }
        // Registered before anything can fail, so a signal or an error from here on still cleans it up.
        let process = ChromeDriverProcess(pid: pid, port: 0, ownerToken: ownerToken, workDirectory: workDirectory, logPath: logPath)
        DriverProcessRegistry.shared.register(process, handleSignals: handleSignals)

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: startupTimeout)
        while true {
            if let port = process.announcedPort() {
                let started = ChromeDriverProcess(pid: pid, port: port, ownerToken: ownerToken, workDirectory: workDirectory, logPath: logPath)
                DriverProcessRegistry.shared.register(started, handleSignals: handleSignals)
                return started
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                process.killAndSweep()
                throw BrowserError(.browserDriverStartFailed,
                                   "\(executable) exited during startup: \(process.logTail()).")
            }
            if clock.now >= deadline || Task.isCancelled {
                await process.terminate()
                if Task.isCancelled { throw BrowserError.cancelled }
                throw BrowserError(.browserDriverStartFailed,
                                   "\(executable) did not report its port within \(startupTimeout.secondsText): \(process.logTail()).")
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The port from chromedriver's "started successfully on port N" line, once it is in the log.
    private func announcedPort() -> Int? {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8),
              let range = text.range(of: "started successfully on port ") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        // The line is complete once the sentence's full stop follows the digits.
        guard text[range.upperBound...].dropFirst(digits.count).first == "." else { return nil }
        return Int(digits)
    }

    /// The last non-empty line of the driver's log, for error messages.
    func logTail() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(whereSeparator: \.isNewline).last.map(String.init) ?? "no output"
    }

    /// Ends the driver and its browsers: the process group, then every process still carrying the owner token,
    /// then the temporary folder. Waits (briefly, without blocking a thread) until they are gone.
    func terminate() async {
        signalGroup(SIGKILL)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(3))
        var reaped = false
        while clock.now < deadline {
            if !reaped {
                var status: Int32 = 0
                let result = waitpid(pid, &status, WNOHANG)
                reaped = result == pid || (result == -1 && errno == ECHILD)
            }
            let survivors = ProcessTable.processes(ownedBy: ownerToken)
            for survivor in survivors { kill(survivor.pid, SIGKILL) }
            if reaped && survivors.isEmpty { break }
            await pause(milliseconds: 20)
        }
        removeWorkDirectory()
        DriverProcessRegistry.shared.unregister(ownerToken)
    }

    /// The same as `terminate()` without waiting: for signal handlers and process exit.
    func killAndSweep() {
        signalGroup(SIGKILL)
        for survivor in ProcessTable.processes(ownedBy: ownerToken) { kill(survivor.pid, SIGKILL) }
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
        removeWorkDirectory()
        DriverProcessRegistry.shared.unregister(ownerToken)
    }

    private func signalGroup(_ signal: Int32) {
        kill(-pid, signal)
        kill(pid, signal)
    }

    private func removeWorkDirectory() {
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    /// Sleeps without throwing; a cancelled task (whose `Task.sleep` returns at once) still waits, so cleanup polls
    /// at its pace instead of spinning.
    private func pause(milliseconds: Int) async {
        if Task.isCancelled {
            usleep(useconds_t(milliseconds * 1000))
        } else {
            try? await Task.sleep(for: .milliseconds(milliseconds))
        }
    }

    /// posix_spawn with its own process group, default signal dispositions and an empty signal mask (whatever the
    /// parent ignores or blocks, the driver must react to signals normally), stdin from /dev/null, stdout+stderr to
    /// `outputPath`, and no other file descriptor of this process.
    private static func spawn(_ executable: String, arguments: [String], environment: [String], outputPath: String) throws(POSIXErrorNumber) -> pid_t {
        #if canImport(Darwin)
        var fileActions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var fileActions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        // Nothing else of ours may stay open in the driver and its browsers: an inherited pipe would keep a
        // reader waiting for its end (and a parent watching us would think we still run) as long as they live.
        closeDescriptorsFromThree(&fileActions)

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &fileActions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXErrorNumber(code: result) }
        return pid
    }
}

#if canImport(Glibc)
/// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not import; looked up at
/// run time so that an older glibc only loses this safeguard.
private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()

private func closeDescriptorsFromThree(_ actions: inout posix_spawn_file_actions_t) {
    _ = addCloseFrom?(&actions, 3)
}
#else
/// Elsewhere descriptors are opened close-on-exec by Foundation and NIO; nothing more to do.
private func closeDescriptorsFromThree<Actions>(_ actions: inout Actions) {}
#endif

/// An `errno` value from a POSIX call.
struct POSIXErrorNumber: Error {
    let code: Int32
}
