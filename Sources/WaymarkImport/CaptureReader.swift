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
        // Before native XML, which claims every document with a DOCTYPE: Selenese HTML always has one.
        SeleneseHTMLImporter(),
        NativeXMLImporter(),
        ChromeRecorderImporter(),
        SeleniumSideImporter(),
        StepsRecorderImporter(),
        UIVisionImporter(),
    ]

    /// The format of `input` by content, or nil when no importer recognises it.
    public func detectFormat(of input: CaptureInput) -> CaptureFormat? {
        importers.first { $0.recognizes(input) }?.format
    }

    /// `input` imported when an importer recognises it; nil for a file found inside a folder that is not a capture
    /// (a `package.json` beside the captures). A file the user `named` is always read, so an unrecognised one is
    /// reported, not skipped. The content is sniffed once: the format found is the one read.
    public func readIfCapture(_ input: CaptureInput, named: Bool) -> ImportResult? {
        if let format = detectFormat(of: input) { return read(input, format: format) }
        return named ? read(input) : nil
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
            if format == nil, let problem = Self.unreadableContent(input) { return .failure(problem) }
            return .failure(Diagnostic(
                .inputUnknownFormat,
                format.map { "No importer for the format '\($0.rawValue)'." }
                    ?? "The file is not in a capture format Waymark recognises.",
                hint: "Supported: " + CaptureFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    + ". Pass --format to choose one.",
                at: SourceLocation(file: input.path)))
        }
        return importer.importCaptures(from: input)
    }

    /// A clearer reason than "unknown format" for files that hold nothing, or bytes that are not text at all.
    static func unreadableContent(_ input: CaptureInput) -> Diagnostic? {
        let prefix = input.prefix
        if input.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Diagnostic(
                .inputEmpty, "The file is empty.", hint: "Export the capture again; the file has no content.",
                at: SourceLocation(file: input.path))
        }
        let isUTF16 = prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF])
        // The prefix may end inside a multi-byte character: it is text when some cut of its last 3 bytes validates.
        let isText = (0...min(3, prefix.count)).contains { String(validating: prefix.dropLast($0), as: UTF8.self) != nil }
        if !isUTF16, prefix.contains(0) || !isText {
            return Diagnostic(
                .inputBinary, "The file holds binary data, not a capture.",
                hint: "Pass a capture file: Waymark JSON or XML, a Chrome Recorder .json, a Selenium IDE .side or Selenese .html, a UI.Vision macro .json, or a Steps Recorder .zip/.mht.",
                at: SourceLocation(file: input.path))
        }
        return nil
    }
}
