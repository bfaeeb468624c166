import ArgumentParser
import Foundation
import WaymarkActions
import WaymarkModel

/// `waymark lock …`: work on lock files.
public struct LockCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Work on waymark.lock files.",
        subcommands: [LockMergeCommand.self])

    public init() {}
}

/// `waymark lock merge LOCK... --out DIR`: joins the locks of sharded builds into one lock and one dashboard.
public struct LockMergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the waymark.lock files of sharded builds (build --shard I/N) into one lock and dashboard.",
        discussion: """
            Gather the shards' output folders into DIR first (for example by downloading every matrix job's \
            artifact into it), then pass each shard's lock. The merged waymark.lock, index.html, index.md and \
            stylesheet are written into DIR; `waymark check --out DIR` then checks every capture.
            """)

    @Argument(help: "The waymark.lock of each shard.")
    public var locks: [String]

    @Option(help: "The output folder that holds every shard's guides (default: out).")
    public var out: String = "out"

    @Option(help: "Folder of templates for the dashboard (default: the one the shards used).")
    public var templates: String?

    public init() {}

    public func run() throws {
        let project = try DiagnosticConsole.orExit { () throws(DiagnosticError) in try Project.load() }
        let cwd = project.workingDirectory
        let merge = LockMerge(
            locks: locks.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            outputDirectory: URL(fileURLWithPath: out, relativeTo: cwd).standardizedFileURL,
            templatesDirectory: templates.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            configuration: project.configuration, baseDirectory: cwd)
        let (lock, diagnostics) = merge.run()
        DiagnosticConsole.report(diagnostics)
        guard let lock, !diagnostics.hasErrors else { throw ExitStatus.invalidInput }
        DiagnosticConsole.printOut("Merged \(locks.count) lock\(locks.count == 1 ? "" : "s"): \(lock.captures.count) captures in \(out)/waymark.lock.")
    }
}
