import Foundation
import Testing
import WaymarkImport
import WaymarkModel

/// Helpers shared by the foreign importer tests: reading inputs, a readable dump of captures for golden files, and
/// the "no raw selector in a label" check.
enum ForeignImportSupport {
    static func input(_ text: String, path: String = "test.json") -> CaptureInput {
        CaptureInput(path: path, data: Data(text.utf8))
    }

    static func read(_ url: URL, relativeTo base: URL) throws -> (CaptureInput, ImportResult) {
        let relative = String(url.path.dropFirst(base.path.count + 1))
        let input = try CaptureInput.load(url, displayPath: relative)
        return (input, CaptureReader().read(input))
    }

    /// One line per step with every field a learner could see; golden files use it to show what an import made.
    static func dump(_ result: ImportResult) -> String {
        var lines: [String] = []
        for capture in result.captures {
            lines.append("capture \(capture.id)")
            lines.append("  title: \(capture.title)")
            if let app = capture.application { lines.append("  application: \(app)") }
            if let at = capture.recordedAt { lines.append("  recordedAt: \(at)") }
            lines.append("  source: \(capture.source.format.rawValue) \(capture.source.path)")
            for p in capture.prerequisites { lines.append("  prerequisite: \(p)") }
            for (i, step) in capture.steps.enumerated() {
                var parts = ["\(i + 1). \(step.action.rawValue)"]
                if let t = step.target { parts.append(describe(t)) }
                if let d = step.destination { parts.append("to " + describe(d)) }
                if let v = step.value { parts.append("value=\(quoted(v))") }
                if step.sensitive { parts.append("sensitive") }
                if let k = step.key { parts.append("key=" + (step.modifiers.map(\.rawValue) + [k]).joined(separator: "+")) }
                if let u = step.url { parts.append("url=\(u)") }
                if let n = step.note { parts.append("note=\(quoted(n))") }
                if let s = step.instruction { parts.append("instruction=\(quoted(s))") }
                if let c = step.customType { parts.append("custom=\(c)") }
                if let t = step.time { parts.append("time=\(t)") }
                if let s = step.screenshot {
                    var shot = "screenshot=\(s.path)"
                    if let w = s.width, let h = s.height { shot += " \(w)x\(h)" }
                    if let r = s.highlight { shot += " highlight=\(r.x),\(r.y),\(r.width),\(r.height)" }
                    if let d = s.embeddedData { shot += " bytes=\(d.count)" }
                    parts.append(shot)
                }
                lines.append("  " + parts.joined(separator: " | "))
            }
        }
        for d in result.diagnostics {
            var loc = ""
            if let l = d.location?.line { loc = ":\(l)" + (d.location?.column.map { ":\($0)" } ?? "") }
            lines.append("\(d.severity.rawValue)[\(d.code)]\(loc): \(d.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ t: Target) -> String {
        // A label nobody wrote carries where it came from: "Save"(selector), "Order row"(identifier).
        var s = "[" + (t.label.map(quoted) ?? "-") + (t.labelSource.map { "(\($0.rawValue))" } ?? "") + " " + (t.role ?? "-")
        if let c = t.context { s += " in \(c)" }
        return s + "]"
    }

    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\n", with: "\\n") + "\"" }

    /// Whether a label looks like a machine locator rather than words on screen.
    static func looksLikeSelector(_ label: String) -> Bool {
        let markers = ["xpath", "//", "css=", "id=", "name=", "[@", "[data-", ":nth-child", " > ", "aria/", "text/", "pierce/", "uia:"]
        if markers.contains(where: { label.contains($0) }) { return true }
        if label.hasPrefix("#") || label.hasPrefix(".") { return true }
        return false
    }

    /// Every label of every target in `result` that equals one of its selectors or looks like one.
    static func selectorLabels(_ result: ImportResult) -> [String] {
        var bad: [String] = []
        for capture in result.captures {
            for step in capture.steps {
                for target in [step.target, step.destination].compactMap({ $0 }) {
                    guard let label = target.label else { continue }
                    if target.selectors.contains(label) || looksLikeSelector(label) { bad.append(label) }
                }
            }
        }
        return bad
    }
}
