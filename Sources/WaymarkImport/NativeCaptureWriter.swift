import Foundation
import WaymarkModel
internal import WaymarkXML
import WaymarkJSON
import WaymarkEscaping

/// Writes captures in Waymark's native formats, canonically.
///
/// Canonical means one capture has exactly one byte sequence per format: JSON keys are sorted (`JSONWriter`),
/// XML elements and attributes come in a fixed order, absent optionals, empty lists and `sensitive: false` are left
/// out. So `import → export → import` is lossless and `JSON → XML → JSON` is byte-identical.
///
/// Not written: `Capture.source` (it is where the file is, not what it says) and `Screenshot.embeddedData` (native
/// captures refer to image files by relative path). Sensitive values are kept: the native file *is* the capture.
public enum NativeCaptureWriter {
    // MARK: JSON

    /// One capture as a canonical JSON document.
    public static func json(_ capture: Capture) -> String {
        JSONWriter.write(jsonNode(capture))
    }

    /// Several captures as a canonical JSON array (what a file with several captures imports as).
    public static func json(_ captures: [Capture]) -> String {
        JSONWriter.write(.array(captures.map(jsonNode)))
    }

    public static func jsonNode(_ capture: Capture) -> JSONNode {
        .object(compacting: [
            ("waymark", .number(NativeFormat.version)),
            ("id", .string(capture.id)),
            ("title", .string(capture.title)),
            ("application", capture.application.map(JSONNode.string)),
            ("owner", capture.owner.map(JSONNode.string)),
            ("audience", capture.audience.map(JSONNode.string)),
            ("purpose", capture.purpose.map(JSONNode.string)),
            ("objectives", stringArray(capture.objectives)),
            ("prerequisites", stringArray(capture.prerequisites)),
            ("reviewBy", capture.reviewBy.map { .string($0.description) }),
            ("recordedAt", capture.recordedAt.map(JSONNode.string)),
            ("recordedBy", capture.recordedBy.map(JSONNode.string)),
            ("language", capture.language.map(JSONNode.string)),
            ("masteryScore", capture.masteryScore.map(JSONNode.number)),
            ("origin", capture.origin.map { .object([("format", .string($0.format.rawValue)), ("path", .string($0.path))]) }),
            ("steps", .array(capture.steps.map(jsonNode))),
        ])
    }

    static func jsonNode(_ step: Step) -> JSONNode {
        .object(compacting: [
            ("action", .string(step.action.rawValue)),
            ("target", step.target.map(jsonNode)),
            ("value", step.value.map(JSONNode.string)),
            ("sensitive", step.sensitive ? .bool(true) : nil),
            ("key", step.key.map(JSONNode.string)),
            ("modifiers", step.modifiers.isEmpty ? nil : .array(step.modifiers.map { .string($0.rawValue) })),
            ("url", step.url.map(JSONNode.string)),
            ("destination", step.destination.map(jsonNode)),
            ("screenshot", step.screenshot.map(jsonNode)),
            ("note", step.note.map(JSONNode.string)),
            ("time", step.time.map(JSONNode.string)),
            ("instruction", step.instruction.map(JSONNode.string)),
            ("customType", step.customType.map(JSONNode.string)),
            ("id", step.id.map(JSONNode.string)),
        ])
    }

    static func jsonNode(_ target: Target) -> JSONNode {
        .object(compacting: [
            ("label", target.label.map(JSONNode.string)),
            ("labelSource", target.labelSource.map { .string($0.rawValue) }),
            ("role", target.role.map(JSONNode.string)),
            ("selectors", stringArray(target.selectors)),
            ("context", target.context.map(JSONNode.string)),
        ])
    }

    static func jsonNode(_ shot: Screenshot) -> JSONNode {
        .object(compacting: [
            ("path", .string(shot.path)),
            ("highlight", shot.highlight.map { rect in
                .object([("x", .number(rect.x)), ("y", .number(rect.y)), ("width", .number(rect.width)),
                         ("height", .number(rect.height))])
            }),
            ("width", shot.width.map(JSONNode.number)),
            ("height", shot.height.map(JSONNode.number)),
        ])
    }

    private static func stringArray(_ values: [String]) -> JSONNode? {
        values.isEmpty ? nil : .array(values.map(JSONNode.string))
    }

    // MARK: XML

    /// One capture as a canonical XML document. Throws `xml.unrepresentable` diagnostics (one per field) when text
    /// holds characters XML 1.0 cannot carry, such as control characters: they are never dropped or replaced silently.
    public static func xml(_ capture: Capture) throws(DiagnosticError) -> String {
        var writer = XMLCaptureWriter()
        writer.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        writer.writeCapture(capture, indent: 0, context: "Capture '\(capture.id)'")
        if !writer.problems.isEmpty { throw DiagnosticError(writer.problems) }
        return writer.out
    }

    /// Several captures under a `<captures>` root.
    public static func xml(_ captures: [Capture]) throws(DiagnosticError) -> String {
        var writer = XMLCaptureWriter()
        writer.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<captures>\n"
        for capture in captures {
            writer.writeCapture(capture, indent: 1, context: "Capture '\(capture.id)'")
        }
        writer.out += "</captures>\n"
        if !writer.problems.isEmpty { throw DiagnosticError(writer.problems) }
        return writer.out
    }
}

/// Builds the XML text of captures in the fixed element order, noting text XML 1.0 cannot hold.
private struct XMLCaptureWriter {
    var out = ""
    var problems: [Diagnostic] = []

    private func pad(_ indent: Int) -> String { String(repeating: "  ", count: indent) }

    private mutating func check(_ value: String, _ field: String, _ context: String) {
        // Fast path: no C0 control bytes and no 0xEF lead byte (U+FFFE/U+FFFF start with it) means nothing to report.
        if value.utf8.allSatisfy({ ($0 >= 0x20 && $0 != 0xEF) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
        guard let bad = value.unicodeScalars.first(where: { !XMLEscaping.isXMLChar($0) }) else { return }
        let hex = String(bad.value, radix: 16, uppercase: true)
        problems.append(Diagnostic(
            .xmlUnrepresentable,
            "\(context): '\(field)' contains the character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), which XML 1.0 cannot represent.",
            hint: "Export to JSON instead (--to json), or remove the control character from the capture."))
    }

    private mutating func attribute(_ name: String, _ value: String?, _ context: String) -> String {
        guard let value else { return "" }
        check(value, name, context)
        return " \(name)=\"\(XMLEscaping.attribute(value))\""
    }

    private mutating func element(_ name: String, _ value: String?, indent: Int, _ context: String) {
        guard let value else { return }
        check(value, name, context)
        out += "\(pad(indent))<\(name)>\(XMLEscaping.text(value))</\(name)>\n"
    }

    private mutating func list(_ wrapper: String, _ item: String, _ values: [String], indent: Int, _ context: String) {
        guard !values.isEmpty else { return }
        out += "\(pad(indent))<\(wrapper)>\n"
        for value in values { element(item, value, indent: indent + 1, context) }
        out += "\(pad(indent))</\(wrapper)>\n"
    }

    mutating func writeCapture(_ capture: Capture, indent: Int, context: String) {
        out += "\(pad(indent))<capture version=\"\(NativeFormat.version)\"\(attribute("id", capture.id, context))>\n"
        let inner = indent + 1
        element("title", capture.title, indent: inner, context)
        element("application", capture.application, indent: inner, context)
        element("owner", capture.owner, indent: inner, context)
        element("audience", capture.audience, indent: inner, context)
        element("purpose", capture.purpose, indent: inner, context)
        list("objectives", "objective", capture.objectives, indent: inner, context)
        list("prerequisites", "prerequisite", capture.prerequisites, indent: inner, context)
        element("reviewBy", capture.reviewBy?.description, indent: inner, context)
        element("recordedAt", capture.recordedAt, indent: inner, context)
        element("recordedBy", capture.recordedBy, indent: inner, context)
        element("language", capture.language, indent: inner, context)
        element("masteryScore", capture.masteryScore.map(String.init), indent: inner, context)
        if let origin = capture.origin {
            out += "\(pad(inner))<origin\(attribute("format", origin.format.rawValue, context))\(attribute("path", origin.path, context))/>\n"
        }
        if capture.steps.isEmpty {
            out += "\(pad(inner))<steps/>\n"
        } else {
            out += "\(pad(inner))<steps>\n"
            for (index, step) in capture.steps.enumerated() {
                writeStep(step, indent: inner + 1, context: "\(context) step \(index + 1)")
            }
            out += "\(pad(inner))</steps>\n"
        }
        out += "\(pad(indent))</capture>\n"
    }

    mutating func writeStep(_ step: Step, indent: Int, context: String) {
        var open = "\(pad(indent))<step action=\"\(step.action.rawValue)\""
        open += attribute("id", step.id, context)
        if step.sensitive { open += " sensitive=\"true\"" }
        if !step.modifiers.isEmpty { open += " modifiers=\"\(step.modifiers.map(\.rawValue).joined(separator: " "))\"" }
        let inner = indent + 1
        let body = captureBody {
            $0.writeTarget("target", step.target, indent: inner, context)
            $0.element("value", step.value, indent: inner, context)
            $0.element("key", step.key, indent: inner, context)
            $0.element("url", step.url, indent: inner, context)
            $0.writeTarget("destination", step.destination, indent: inner, context)
            if let shot = step.screenshot { $0.writeScreenshot(shot, indent: inner, context) }
            $0.element("note", step.note, indent: inner, context)
            $0.element("time", step.time, indent: inner, context)
            $0.element("instruction", step.instruction, indent: inner, context)
            $0.element("customType", step.customType, indent: inner, context)
        }
        if body.isEmpty {
            out += open + "/>\n"
        } else {
            out += open + ">\n" + body + "\(pad(indent))</step>\n"
        }
    }

    /// Runs `write` into a fresh buffer and returns what it wrote (problems are kept).
    private mutating func captureBody(_ write: (inout XMLCaptureWriter) -> Void) -> String {
        let saved = out
        out = ""
        write(&self)
        let body = out
        out = saved
        return body
    }

    mutating func writeTarget(_ name: String, _ target: Target?, indent: Int, _ context: String) {
        guard let target else { return }
        let inner = indent + 1
        let body = captureBody {
            $0.element("label", target.label, indent: inner, context)
            $0.element("labelSource", target.labelSource?.rawValue, indent: inner, context)
            $0.element("role", target.role, indent: inner, context)
            $0.list("selectors", "selector", target.selectors, indent: inner, context)
            $0.element("context", target.context, indent: inner, context)
        }
        if body.isEmpty {
            out += "\(pad(indent))<\(name)/>\n"
        } else {
            out += "\(pad(indent))<\(name)>\n" + body + "\(pad(indent))</\(name)>\n"
        }
    }

    mutating func writeScreenshot(_ shot: Screenshot, indent: Int, _ context: String) {
        var open = "\(pad(indent))<screenshot\(attribute("path", shot.path, context))"
        if let width = shot.width { open += " width=\"\(width)\"" }
        if let height = shot.height { open += " height=\"\(height)\"" }
        if let rect = shot.highlight {
            out += open + ">\n"
            out += "\(pad(indent + 1))<highlight x=\"\(rect.x)\" y=\"\(rect.y)\" width=\"\(rect.width)\" height=\"\(rect.height)\"/>\n"
            out += "\(pad(indent))</screenshot>\n"
        } else {
            out += open + "/>\n"
        }
    }
}
