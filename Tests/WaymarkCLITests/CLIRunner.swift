import Foundation
import WaymarkTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `waymark` binary the way a user does, and captures what it prints.
///
/// Tests spawn the real executable (built by `swift build --build-tests`, which `make test` runs) rather than
/// calling commands in-process, so exit codes, standard output and standard error are exactly what users and CI
/// see. Set `WAYMARK_BINARY` to test another build (for example a release binary).
public struct CLIRunner {
    public struct Result: CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Peak resident memory of the process in kilobytes, where the platform reports it.
        public var maxResidentKB: Int?

        public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
        /// Everything printed, for "appears nowhere" checks.
        public var allOutput: String { stdout + stderr }
    }

    public static var binary: URL {
        if let override = ProcessInfo.processInfo.environment["WAYMARK_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/waymark")
    }

    /// Runs `waymark ARGS` in `directory` (the package root by default). Output goes through temporary files, so
    /// large outputs cannot block on a full pipe.
    public static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data? = nil) throws -> Result {
        let scratch = Fixtures.temporaryDirectory("cli-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Fixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // ArgumentParser wraps help to the terminal width; a fixed width keeps --help golden files stable.
        environment["COLUMNS"] = "100"
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdin {
            let inURL = scratch.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()

        var maxRSS: Int?
        #if canImport(Glibc)
        var usage = rusage()
        if getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 { maxRSS = Int(usage.ru_maxrss) }
        #endif
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            maxResidentKB: maxRSS)
    }

    /// Runs with arguments given as one string split on spaces (for short, literal command lines).
    public static func run(_ commandLine: String, in directory: URL? = nil) throws -> Result {
        try run(commandLine.split(separator: " ").map(String.init), in: directory)
    }
}
