import Foundation
import WaymarkModel

/// Reads capture files in any supported format: picks the importer by content, then imports.
public struct CaptureReader: Sendable {
    /// Importers in sniffing order: the most specific formats first.
    public var importers: [any CaptureImporter]

    public init(importers: [any CaptureImporter] = CaptureReader.allImporters) {
        self.importers = importers
    }

    /// Every importer Waymark ships.
    public static let allImporters: [any CaptureImporter] = [
        NativeJSONImporter(),
        NativeXMLImporter(),
        ChromeRecorderImporter(),
        SeleniumSideImporter(),
        StepsRecorderImporter(),
    ]

    /// The format of `input` by content, or nil when no importer recognises it.
    public func detectFormat(of input: CaptureInput) -> CaptureFormat? {
        importers.first { $0.recognizes(input) }?.format
    }

    /// Imports `input` as `format`, or as whatever its content says when `format` is nil.
    public func read(_ input: CaptureInput, format: CaptureFormat? = nil) -> ImportResult {
        let chosen: (any CaptureImporter)?
        if let format {
            chosen = importers.first { $0.format == format }
        } else {
            chosen = importers.first { $0.recognizes(input) }
        }
        guard let importer = chosen else {
            return .failure(.error(
                "input.unknown-format",
                format.map { "No importer for the format '\($0.rawValue)'." }
                    ?? "The file is not in a capture format Waymark recognises.",
                hint: "Supported: " + CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    + ". Pass --format to choose one.",
                at: SourceLocation(file: input.path)))
        }
        return importer.importCaptures(from: input)
    }
}
