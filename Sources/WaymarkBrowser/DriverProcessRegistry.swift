#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Every local driver this process has running, so that no exit path leaves a browser behind.
///
/// `BrowserDriver.stop()` is the normal path. For the others the registry steps in: at process exit (`atexit`) it
/// kills what is still registered; on SIGINT, SIGTERM and SIGHUP it kills everything and exits with 128 + the
/// signal number (130, 143, 129), as a shell would report the interrupted command. The handlers are installed when
/// the first local driver starts (unless its options opt out). The signal handler itself only writes the signal
/// number to a pipe (all a handler may safely do); a thread waiting on the pipe does the cleanup, where reading
/// `/proc` and freeing memory are safe. Unlike ignoring the signal, a handler is reset to the default action in
/// programs this process starts later, so their Ctrl-C still works.
final class DriverProcessRegistry: @unchecked Sendable {
    static let shared = DriverProcessRegistry()

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var processes: [String: ChromeDriverProcess] = [:]
    private var exitHookInstalled = false
    private var signalsInstalled = false

    private init() {}

    func register(_ process: ChromeDriverProcess, handleSignals: Bool) {
        lock.lock()
        processes[process.ownerToken] = process
        let installExitHook = !exitHookInstalled
        exitHookInstalled = true
        let installSignals = handleSignals && !signalsInstalled
        if installSignals { signalsInstalled = true }
        lock.unlock()
        if installSignals { installSignalHandlers() }
        if installExitHook {
            atexit {
                DriverProcessRegistry.shared.killAll()
                // Interrupted: whichever thread reaches exit first (the run, failing because its browser was just
                // killed, or the signal thread), the status is the signal's, as a shell reports it.
                let number = receivedSignal
                if number != 0 { _exit(128 + number) }
            }
        }
    }

    func unregister(_ ownerToken: String) {
        lock.lock()
        processes[ownerToken] = nil
        lock.unlock()
    }

    /// Kills every registered driver and its browsers now, without waiting.
    func killAll() {
        lock.lock()
        let all = Array(processes.values)
        lock.unlock()
        for process in all { process.killAndSweep() }
    }

    /// Whether any driver is still registered (for tests of the cleanup paths).
    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return processes.isEmpty
    }

    /// The signals that end a run from outside: Ctrl-C, `kill`, a closed terminal.
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private func installSignalHandlers() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        signalPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let watcher = Thread {
            // A program can inherit these signals blocked (a parent's thread had them blocked when it spawned us: test
            // runners, some supervisors); then no thread would ever take them. This thread takes them: whatever
            // arrived while they were blocked is delivered here now.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            for number in DriverProcessRegistry.handledSignals { sigaddset(&unblock, number) }
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            var number: UInt8 = 0
            while true {
                let count = read(readEnd, &number, 1)
                if count == 1 { break }
                if count < 0 && errno == EINTR { continue }
                return
            }
            DriverProcessRegistry.shared.killAll()
            exit(128 + Int32(number))
        }
        watcher.name = "waymark.browser.signals"
        watcher.start()
        for number in Self.handledSignals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = forwardSignalToPipe
            #else
            action.__sigaction_handler.sa_handler = forwardSignalToPipe
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
    }
}

/// The write end of the signal pipe; set once before any handler is installed, read only by the handler.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// The signal that interrupted the run (0: none); written by the handler, read at exit.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// The signal handler: a store and one `write`, both async-signal-safe.
private func forwardSignalToPipe(_ number: Int32) {
    receivedSignal = number
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
}
