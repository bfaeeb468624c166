import Foundation
import WaymarkModel
import WaymarkJSON

/// Reads Waymark's own JSON capture format (`{"waymark": 1, "id": …, "steps": […]}`).
///
/// A file holds one capture object, or an array of them (what `waymark import` prints for a file with several
/// captures). Every problem is a diagnostic with line and column; fields are checked by the same rules as the XML
/// format (`NativeFormat`), so the two formats accept exactly the same captures.
public struct NativeJSONImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .waymarkJSON }

    /// A JSON object or array with a `"waymark"` key near its start or its end (canonical files sort the key last).
    public func recognizes(_ input: CaptureInput) -> Bool {
        let head = NativeFormat.leadingText(input.prefix)
        guard let first = head.unicodeScalars.first(where: { !" \n\r\t".unicodeScalars.contains($0) }),
              first == "{" || first == "[" else { return false }
        if NativeFormat.containsVersionKey(head) || NativeFormat.containsVersionKey(Data(input.data.suffix(4096))) {
            return true
        }
        // Hand-written files may put "waymark" anywhere; steps with "action" keys are ours, so look through it all.
        return head.foundationContains("\"action\"") && NativeFormat.containsVersionKey(input.data)
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        let root: JSONNode
        do {
            root = try JSONParser.parse(input.data, file: input.path)
        } catch {
            return ImportResult(captures: [], diagnostics: [Diagnostic(error)])
        }
        var reader = NativeJSONCaptureReader(file: input.path, format: format)
        switch root.kind {
        case .array(let items):
            var captures: [Capture] = []
            var locations: [SourceLocation] = []
            if items.isEmpty {
                reader.diagnostics.append(Diagnostic(
                    .captureNotACapture, "The file holds an empty list of captures.",
                    hint: "Put at least one capture object in the array.", at: reader.location(root)))
            }
            for (index, item) in items.enumerated() {
                if let capture = reader.readCapture(item, context: "Capture \(index + 1)") {
                    captures.append(capture)
                    locations.append(reader.location(item))
                }
            }
            reader.diagnostics += NativeFormat.checkDistinctIDs(captures, locations: locations)
            return result(captures, reader.diagnostics)
        case .object:
            let capture = reader.readCapture(root, context: "Capture")
            return result(capture.map { [$0] } ?? [], reader.diagnostics)
        default:
            return .failure(Diagnostic(
                .captureNotACapture, "The file holds \(root.kindDescription), not a capture object.",
                hint: "A Waymark JSON capture is an object with \"waymark\": 1, \"id\", \"title\" and \"steps\".",
                at: reader.location(root)))
        }
    }

    /// Captures are returned only when there is no error, so a broken file never half-imports.
    private func result(_ captures: [Capture], _ diagnostics: [Diagnostic]) -> ImportResult {
        ImportResult(captures: diagnostics.hasErrors ? [] : captures, diagnostics: diagnostics)
    }
}
