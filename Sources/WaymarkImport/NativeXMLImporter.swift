import Foundation
import WaymarkModel
internal import WaymarkXML

/// Reads Waymark's own XML capture format (`<capture version="1" id="…">`), or several captures under `<captures>`.
///
/// Parsing goes through `XMLDocumentParser` (libxml2 with safe options: no DTDs, no entities, no network), so a
/// hostile file is refused before anything is read from disk. Fields follow the same rules as the JSON format
/// (`NativeFormat`); element order is free on input and fixed on output (`NativeCaptureWriter`).
public struct NativeXMLImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .waymarkXML }

    /// XML whose root element (or DOCTYPE, which the parser then refuses with a clear message) is `capture`/`captures`.
    public func recognizes(_ input: CaptureInput) -> Bool {
        var text = Substring(NativeFormat.leadingText(input.prefix))
        while true {
            text = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
            if text.hasPrefix("<?") {
                guard let end = text.range(of: "?>") else { return false }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--") {
                guard let end = text.range(of: "-->") else { return false }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!DOCTYPE") {
                // No capture format allows a DOCTYPE, whatever name it declares: claim the file so the user gets
                // the clear `xml.doctype` refusal instead of "unknown format" (the parser stops at the DOCTYPE).
                return true
            } else if text.hasPrefix("<") {
                return Self.startsWithRootName(text.dropFirst())
            } else {
                return false
            }
        }
    }

    private static func startsWithRootName(_ text: Substring) -> Bool {
        for name in ["captures", "capture"] where text.hasPrefix(name) {
            let next = text.dropFirst(name.count).first
            if next == nil || next == " " || next == ">" || next == "/" || next == "\n" || next == "\t" || next == "\r"
                || next == "[" || next == "\r\n" {
                return true
            }
        }
        return false
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let root: XMLElement
        switch XMLDocumentParser.parse(input.data, file: input.path) {
        case .failure(let error): return ImportResult(captures: [], diagnostics: error.diagnostics)
        case .success(let element): root = element
        }
        var reader = NativeXMLCaptureReader(file: input.path, format: format)
        switch root.name {
        case "capture":
            let capture = reader.readCapture(root, context: "Capture")
            return result(capture.map { [$0] } ?? [], reader.diagnostics)
        case "captures":
            var captures: [Capture] = []
            var locations: [SourceLocation] = []
            reader.checkOnlyElements(root, context: "<captures>")
            let children = root.elements
            for (index, child) in children.enumerated() {
                guard child.name == "capture" else {
                    reader.diagnostics.append(NativeFormat.unknownFieldWarning(
                        "<\(child.name)>", at: reader.location(child), context: "<captures>"))
                    continue
                }
                if let capture = reader.readCapture(child, context: "Capture \(index + 1)") {
                    captures.append(capture)
                    locations.append(reader.location(child))
                }
            }
            if captures.isEmpty, !reader.diagnostics.hasErrors {
                reader.diagnostics.append(Diagnostic(
                    .captureNotACapture, "<captures> holds no <capture> element.",
                    hint: "Put at least one <capture version=\"1\"> inside <captures>.", at: reader.location(root)))
            }
            reader.diagnostics += NativeFormat.checkDistinctIDs(captures, locations: locations)
            return result(captures, reader.diagnostics)
        default:
            return .failure(Diagnostic(
                .captureNotACapture, "The root element is <\(root.name)>, not <capture>.",
                hint: "A Waymark XML capture starts with <capture version=\"1\" id=\"…\">; pass --format for other recorders.",
                at: reader.location(root)))
        }
    }

    /// Captures are returned only when there is no error, so a broken file never half-imports.
    private func result(_ captures: [Capture], _ diagnostics: [Diagnostic]) -> ImportResult {
        ImportResult(captures: diagnostics.hasErrors ? [] : captures, diagnostics: diagnostics)
    }
}
