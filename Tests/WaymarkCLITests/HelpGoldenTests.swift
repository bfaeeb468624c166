import ArgumentParser
import Foundation
import Testing
import WaymarkCLI
import WaymarkTestSupport

/// Every command's `--help`, as users read it: a change to an option, a default or a sentence shows up as a golden
/// file diff in review.
@Suite struct HelpGoldenTests {
    /// Every command path, from the command tree itself (a new command cannot be forgotten here).
    static let commands: [[String]] = {
        func paths(_ command: any ParsableCommand.Type, prefix: [String]) -> [[String]] {
            let name = command.configuration.commandName ?? "waymark"
            let path = prefix.isEmpty ? [] : prefix + [name]
            return [path] + command.configuration.subcommands.flatMap { paths($0, prefix: prefix.isEmpty ? ["waymark"] : path) }
        }
        return paths(WaymarkCommand.self, prefix: []).map { Array($0.dropFirst()) }
    }()

    @Test func everyCommandIsCovered() {
        #expect(Self.commands.contains([]))
        #expect(Self.commands.contains(["build"]) && Self.commands.contains(["lock", "merge"]))
        #expect(Self.commands.count >= 12)
    }

    @Test(arguments: commands)
    func helpMatchesGolden(_ path: [String]) throws {
        let result = try CLIRunner.run(path + ["--help"])
        #expect(result.status == 0, "\(result)")
        let name = path.isEmpty ? "waymark" : path.joined(separator: "-")
        Snapshot.assert(result.stdout, named: "\(name).txt", group: "help")
    }
}
