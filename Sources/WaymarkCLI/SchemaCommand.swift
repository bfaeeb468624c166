import ArgumentParser
import Foundation
import WaymarkImport

/// `waymark schema json|xsd`: prints the schema of the native capture formats, for editors and validators.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) or the XSD of Waymark's native capture formats.")

    public enum Kind: String, ExpressibleByArgument, CaseIterable, Sendable {
        case json, xsd
    }

    @Argument(help: "Which schema: json (JSON Schema 2020-12) or xsd (XML Schema 1.0).")
    public var kind: Kind

    public init() {}

    public func run() throws {
        let text = switch kind {
        case .json: CaptureSchemas.jsonSchema
        case .xsd: CaptureSchemas.xsd
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
