import Foundation

extension Capture {
    /// The capture with `transform` applied to every human-readable text it holds: titles, people, purpose,
    /// objectives, prerequisites and, in every step, target and destination texts, selectors, values, keys, URLs,
    /// notes, instructions and custom step types. Ids, paths, times and formats are left alone.
    ///
    /// Values of sensitive steps are transformed only when `includingSensitiveValues` is true.
    public func mappingTexts(includingSensitiveValues: Bool = true, _ transform: (String) -> String) -> Capture {
        func target(_ target: Target?) -> Target? {
            guard var target else { return nil }
            target.label = target.label.map(transform)
            target.role = target.role.map(transform)
            target.context = target.context.map(transform)
            target.selectors = target.selectors.map(transform)
            return target
        }
        var capture = self
        capture.title = transform(capture.title)
        capture.application = capture.application.map(transform)
        capture.owner = capture.owner.map(transform)
        capture.audience = capture.audience.map(transform)
        capture.purpose = capture.purpose.map(transform)
        capture.objectives = capture.objectives.map(transform)
        capture.prerequisites = capture.prerequisites.map(transform)
        capture.recordedBy = capture.recordedBy.map(transform)
        for index in capture.steps.indices {
            var step = capture.steps[index]
            step.target = target(step.target)
            step.destination = target(step.destination)
            if includingSensitiveValues || !step.sensitive { step.value = step.value.map(transform) }
            step.key = step.key.map(transform)
            step.url = step.url.map(transform)
            step.note = step.note.map(transform)
            step.instruction = step.instruction.map(transform)
            step.customType = step.customType.map(transform)
            capture.steps[index] = step
        }
        return capture
    }
}

/// Removes control characters from capture text before anything is rendered from it.
///
/// A label may carry ANSI escape sequences (`ESC[2J` clears a terminal that `cat`s a job aid), NUL bytes (invalid in
/// HTML and XML) or other C0/C1 controls that no output can show. Line feeds and tabs stay; a carriage return
/// becomes a line feed (CRLF one line feed); an escape sequence is removed whole (CSI up to its final byte, OSC up to
/// BEL or ST); any other control is dropped.
public enum ControlCharacters {
    /// Whether `text` holds anything `strip` would change (the common case is a fast no).
    public static func contains(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) && $0 != "\n" && $0 != "\t" }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public static func strip(_ text: String) -> String {
        guard contains(text) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A, 0x09:
                out.append(scalar)
            case 0x0D:
                if scalars.first != "\n" { out.append("\n") }
            case 0x1B:
                guard let next = scalars.popFirst() else { break }
                if next == "[" {
                    while let c = scalars.popFirst(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.popFirst(), c.value != 0x07 {
                        if c.value == 0x1B { _ = scalars.popFirst(); break }
                    }
                }
            case 0x9B:
                while let c = scalars.popFirst(), !(0x40...0x7E).contains(c.value) {}
            default:
                if !isControl(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// The capture with control characters removed from every text (see `Capture.mappingTexts`).
    public static func strip(_ capture: Capture) -> Capture {
        capture.mappingTexts(strip)
    }
}
