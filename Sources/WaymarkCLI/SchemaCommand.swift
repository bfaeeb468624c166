import ArgumentParser
import WaymarkActions

extension NativeSchema: ExpressibleByArgument {}

/// `waymark schema json|xsd`: prints the schema of the native capture formats, for editors and validators.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) or the XSD of Waymark's native capture formats.")

    @Argument(help: "Which schema: json (JSON Schema 2020-12) or xsd (XML Schema 1.0).")
    public var kind: NativeSchema

    public init() {}

    public func run() throws {
        DiagnosticConsole.writeOut(kind.text)
    }
}
