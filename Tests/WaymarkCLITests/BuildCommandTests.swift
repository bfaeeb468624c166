import ArgumentParser
import Testing
@testable import WaymarkCLI

/// The options of `waymark build` as a user types them.
@Suite struct BuildCommandTests {
    @Test func parsesEveryOption() throws {
        let command = try BuildCommand.parse([
            "captures", "more/one.json", "--out", "site", "--templates", "brand", "--force", "--jobs", "3",
            "--self-contained", "--no-quiz",
        ])
        #expect(command.paths == ["captures", "more/one.json"])
        #expect(command.out == "site")
        #expect(command.templates == "brand")
        #expect(command.force)
        #expect(command.jobs == 3)
        #expect(command.selfContained)
        #expect(command.quiz == false)
        #expect(try BuildCommand.parse(["--quiz"]).quiz == true)
        #expect(try BuildCommand.parse([]).quiz == nil)
    }

    @Test func rejectsZeroJobs() {
        #expect(throws: (any Error).self) { try BuildCommand.parse(["--jobs", "0"]) }
    }

    @Test func isASubcommandOfWaymark() throws {
        let parsed = try WaymarkCommand.parseAsRoot(["build", "SampleCaptures"])
        #expect(parsed is BuildCommand)
    }
}
