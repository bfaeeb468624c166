import ArgumentParser
import WaymarkModel

/// The `waymark` command line: a thin layer of actions over the engine libraries.
public struct WaymarkCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Turn recorded workflow captures into training materials and keep them honest.",
        version: WaymarkVersion.current,
        subcommands: [
            ValidateCommand.self,
            InspectCommand.self,
            ImportCommand.self,
            SchemaCommand.self,
            BuildCommand.self,
            NarrateCommand.self,
            CheckCommand.self,
            ReplayCommand.self,
            DiffCommand.self,
            CiteCommand.self,
            LockCommand.self,
        ]
    )

    public init() {}
}
