import Foundation
import WaymarkJSON
import WaymarkModel

/// What the build keeps of a capture's steps for the next step diff, beside its materials:
/// `out/<capture-id>/.waymark-steps.json`.
///
/// Lock version 2 keeps only a digest of this file per capture, so the lock stays small and `check` reads step
/// summaries only for the captures whose source changed. Each step is one array of its learner-visible fields in
/// a fixed order (no repeated keys), `null`s at the end left out:
/// `[fingerprint, action, label, role, context, value, keys, url, note, instruction, sensitive]`.
public enum StepSummaryFile {
    public static let fileName = ".waymark-steps.json"
    public static let formatVersion = 2

    /// The file's path relative to the lock's folder.
    public static func relativePath(captureID: String) -> String { captureID + "/" + fileName }

    public static func serialized(_ steps: [StepSummary]) -> String {
        var out = "{\"steps\": ["
        for (index, step) in steps.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            var fields: [JSONNode] = [
                .string(LockDigest.short(step.fingerprint)), .string(step.action),
                step.label.map(JSONNode.string) ?? .null, step.role.map(JSONNode.string) ?? .null,
                step.context.map(JSONNode.string) ?? .null, step.value.map(JSONNode.string) ?? .null,
                step.keys.map(JSONNode.string) ?? .null, step.url.map(JSONNode.string) ?? .null,
                step.note.map(JSONNode.string) ?? .null, step.instruction.map(JSONNode.string) ?? .null,
                step.sensitive ? .bool(true) : .null,
            ]
            while fields.count > 2, fields.last?.isNull == true { fields.removeLast() }
            out += JSONWriter.write(.array(fields), pretty: false)
        }
        out += steps.isEmpty ? "], " : "\n], "
        return out + "\"version\": \(formatVersion)}\n"
    }

    /// The summaries of `data`, or nil when it is not such a file (missing fields, another version).
    public static func parse(_ data: Data) -> [StepSummary]? {
        guard let root = try? JSONParser.parse(data), root["version"]?.intValue == formatVersion,
              let items = root["steps"]?.arrayValue else { return nil }
        var steps: [StepSummary] = []
        steps.reserveCapacity(items.count)
        for item in items {
            guard let fields = item.arrayValue, fields.count >= 2, let fingerprint = fields[0].stringValue,
                  let action = fields[1].stringValue else { return nil }
            func text(_ index: Int) -> String? { index < fields.count ? fields[index].stringValue : nil }
            steps.append(StepSummary(
                fingerprint: fingerprint, action: action, label: text(2), role: text(3), context: text(4),
                value: text(5), sensitive: fields.count > 10 && fields[10].boolValue == true, keys: text(6),
                url: text(7), note: text(8), instruction: text(9)))
        }
        return steps
    }
}
