import Foundation
import WaymarkModel

/// Facts shared by Waymark's two native capture formats (`"waymark": 1` JSON and `<capture version="1">` XML).
///
/// Both importers apply the same field rules through this type, so a capture that is valid in one format is valid
/// in the other and both report the same diagnostic codes (see docs/diagnostics.md).
public enum NativeFormat {
    /// The only format version this Waymark reads and writes.
    public static let version = 1


    /// Field names of a capture (JSON keys; XML uses the same names for elements and attributes).
    static let captureFields: Set<String> = [
        "waymark", "id", "title", "application", "owner", "audience", "purpose", "objectives", "prerequisites",
        "reviewBy", "recordedAt", "recordedBy", "language", "masteryScore", "origin", "steps",
    ]
    static let stepFields: Set<String> = [
        "action", "target", "value", "sensitive", "key", "modifiers", "url", "destination", "screenshot", "note",
        "time", "instruction", "customType", "id",
    ]
    static let targetFields: Set<String> = ["label", "labelSource", "role", "selectors", "context"]
    static let screenshotFields: Set<String> = ["path", "highlight", "width", "height"]
    static let rectFields: Set<String> = ["x", "y", "width", "height"]
    static let originFields: Set<String> = ["format", "path"]

    static let versionHint = "Waymark \(WaymarkVersion.current) reads native captures of version \(version)."

    // MARK: - Field rules shared by both importers

    /// A problem with the capture id, or nil when it is a valid slug.
    /// A `labelSource` value, or a `capture.type` error naming the values there are.
    static func labelSource(_ text: String, at location: SourceLocation, context: String, into diagnostics: inout [Diagnostic]) -> LabelSource? {
        if let source = LabelSource(rawValue: text) { return source }
        let names = LabelSource.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.append(Diagnostic(
            .captureType, "\(context): labelSource '\(text)' is not one of \(names).",
            hint: "Use \(names), or remove labelSource when a person wrote the label.", at: location))
        return nil
    }

    static func checkID(_ id: String, at location: SourceLocation) -> Diagnostic? {
        guard !Slug.isValid(id) else { return nil }
        return Diagnostic(
            .captureId, "The capture id '\(id)' is not a valid id.",
            hint: "Use 1–120 lowercase letters, digits and hyphens, not starting or ending with a hyphen, e.g. '\(Slug.make(id))'.",
            at: location)
    }

    /// The mastery score when it is a percentage, else nil with the problem in `diagnostics`.
    static func checkMasteryScore(_ value: Int, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Int? {
        guard (0...100).contains(value) else {
            diagnostics.append(Diagnostic(
                .captureMasteryScore, "'masteryScore' is \(value), but it is a percentage from 0 to 100.",
                hint: "Write the share of right answers a learner needs to pass, e.g. 80, or leave it out.", at: location))
            return nil
        }
        return value
    }

    /// Parses a review date, or explains why it is not one.
    static func parseDate(
        _ text: String, field: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]
    ) -> CalendarDate? {
        if let date = CalendarDate(text) { return date }
        diagnostics.append(Diagnostic(
            .captureDate, "'\(field)' is '\(text)', which is not a calendar date.",
            hint: "Write the date as YYYY-MM-DD, e.g. 2027-03-31.", at: location))
        return nil
    }

    /// Problems with a screenshot path: it must stay inside the capture's folder.
    static func checkScreenshotPath(_ path: String, at location: SourceLocation, context: String) -> Diagnostic? {
        let hint = "Use a path relative to the capture file's folder, such as 'images/step-01.png'."
        if path.isEmpty {
            return Diagnostic(.captureScreenshotPath, "\(context): the screenshot path is empty.", hint: hint, at: location)
        }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~")
            || (path.count >= 2 && path.dropFirst().first == ":" && path.first!.isLetter) {
            return Diagnostic(
                .captureScreenshotPath, "\(context): the screenshot path '\(path)' is absolute.", hint: hint, at: location)
        }
        if let colon = path.firstIndex(of: ":"), path.firstIndex(where: { $0 == "/" || $0 == "\\" }).map({ colon < $0 }) ?? true {
            return Diagnostic(
                .captureScreenshotPath, "\(context): the screenshot path '\(path)' is a URL, not a file path.",
                hint: hint, at: location)
        }
        if path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            return Diagnostic(
                .captureScreenshotPath, "\(context): the screenshot path '\(path)' uses '..', which may leave the capture's folder.",
                hint: hint, at: location)
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Diagnostic(
                .captureScreenshotPath, "\(context): the screenshot path contains a control character.", hint: hint,
                at: location)
        }
        return nil
    }

    /// Problems with a screenshot's size and highlight.
    static func checkScreenshot(_ shot: Screenshot, at location: SourceLocation, context: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let width = shot.width, width <= 0 {
            out.append(Diagnostic(.captureRect, "\(context): the screenshot width \(width) is not positive.",
                              hint: "Give the image size in pixels, or leave width and height out.", at: location))
        }
        if let height = shot.height, height <= 0 {
            out.append(Diagnostic(.captureRect, "\(context): the screenshot height \(height) is not positive.",
                              hint: "Give the image size in pixels, or leave width and height out.", at: location))
        }
        if let rect = shot.highlight {
            if rect.width < 0 || rect.height < 0 {
                out.append(Diagnostic(
                    .captureRect,
                    "\(context): the highlight rectangle has a negative size (\(rect.width)×\(rect.height)).",
                    hint: "Give x, y of the top-left corner and a non-negative width and height in pixels.",
                    at: location))
            } else if let w = shot.width, let h = shot.height, w > 0, h > 0,
                      rect.x < 0 || rect.y < 0 || rect.x + rect.width > w || rect.y + rect.height > h {
                out.append(Diagnostic(
                    .captureRectOutside,
                    "\(context): the highlight (x \(rect.x), y \(rect.y), \(rect.width)×\(rect.height)) reaches outside the \(w)×\(h) screenshot.",
                    hint: "Check the highlight coordinates; they are in image pixels from the top-left corner.",
                    at: location))
            }
        }
        return out
    }

    /// Warnings for steps that lack what their action needs.
    static func checkStep(_ step: Step, at location: SourceLocation, context: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        switch step.action {
        case .navigate where step.url == nil:
            out.append(Diagnostic(.captureStepIncomplete, "\(context): a navigate step has no url.",
                                hint: "Add the address the learner opens as 'url'.", at: location))
        case .press where step.key == nil:
            out.append(Diagnostic(.captureStepIncomplete, "\(context): a press step has no key.",
                                hint: "Add the key name, e.g. 'Enter' or 'S' with modifiers [\"ctrl\"].", at: location))
        case .note where step.note == nil && step.instruction == nil:
            out.append(Diagnostic(.captureStepIncomplete, "\(context): a note step has no note text.",
                                hint: "Add the text of the note as 'note'.", at: location))
        default:
            break
        }
        return out
    }

    static func unknownActionWarning(_ name: String, at location: SourceLocation, context: String) -> Diagnostic {
        Diagnostic(
            .captureUnknownAction, "\(context): unknown action '\(name)'; the step is kept as a custom step.",
            hint: "Use one of: " + Action.allCases.map(\.rawValue).joined(separator: ", ") + ".", at: location)
    }

    static func unknownFieldWarning(_ name: String, at location: SourceLocation, context: String) -> Diagnostic {
        Diagnostic(.captureUnknownField, "\(context): unknown field '\(name)' is ignored.",
                 hint: "Check the spelling against `waymark schema json` (field names are case-sensitive).",
                 at: location)
    }

    static func unsupportedVersion(_ version: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.captureVersionUnsupported,
               "The capture is format version \(version), newer than this Waymark understands (version \(NativeFormat.version)).",
               hint: "Update Waymark, or export the capture again as version \(NativeFormat.version).", at: location)
    }

    /// Errors for captures in one file that share an id.
    static func checkDistinctIDs(_ captures: [Capture], locations: [SourceLocation]) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var out: [Diagnostic] = []
        for (index, capture) in captures.enumerated() {
            if let first = seen[capture.id] {
                out.append(Diagnostic(
                    .captureDuplicateId,
                    "Captures \(first + 1) and \(index + 1) in this file share the id '\(capture.id)'.",
                    hint: "Give every capture its own id; the id names its output folder.",
                    at: index < locations.count ? locations[index] : nil))
            } else {
                seen[capture.id] = index
            }
        }
        return out
    }

    // MARK: - Sniffing

    /// The start of `data` as text, decoded from UTF-8 or (with a byte order mark) UTF-16, for content sniffing.
    static func leadingText(_ data: Data) -> String {
        let bytes = [UInt8](data.prefix(4096))
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return String(decoding: utf16Units(bytes.dropFirst(2), littleEndian: true), as: UTF16.self)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return String(decoding: utf16Units(bytes.dropFirst(2), littleEndian: false), as: UTF16.self)
        }
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return String(decoding: slice, as: UTF8.self)
    }

    private static func utf16Units(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt16] {
        var units: [UInt16] = []
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        return units
    }

    /// Whether `text` contains `"waymark"` used as an object key (a quote before it that is not escaped, then `:`).
    static func containsVersionKey(_ text: String) -> Bool {
        containsVersionKey(Data(text.utf8))
    }

    /// The same check on raw UTF-8 bytes, fast enough to scan a whole large file.
    static func containsVersionKey(_ data: Data) -> Bool {
        let needle = Data("\"waymark\"".utf8)
        var searchStart = data.startIndex
        while let found = data.range(of: needle, in: searchStart..<data.endIndex) {
            let escaped = found.lowerBound > data.startIndex && data[found.lowerBound - 1] == UInt8(ascii: "\\")
            var j = found.upperBound
            while j < data.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(data[j]) { j += 1 }
            if !escaped, j < data.endIndex, data[j] == UInt8(ascii: ":") { return true }
            searchStart = found.upperBound
        }
        return false
    }
}
