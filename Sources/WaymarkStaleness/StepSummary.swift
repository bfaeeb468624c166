import WaymarkModel
import WaymarkJSON

/// What the lock remembers about one step: its fingerprint and the learner-visible fields, normalised.
///
/// Kept in the lock so `check` can say "step 4 changed: 'Submit' → 'Send'" without the old capture file. Holds
/// exactly the fields that go into the step fingerprint (never a sensitive value).
public struct StepSummary: Sendable, Hashable {
    public var fingerprint: String
    public var action: String
    public var label: String?
    public var role: String?
    public var context: String?
    public var value: String?
    public var sensitive: Bool
    /// Key with modifiers in spoken order, `Ctrl+Shift+S`.
    public var keys: String?
    public var url: String?
    public var note: String?
    public var instruction: String?

    public init(
        fingerprint: String, action: String, label: String? = nil, role: String? = nil, context: String? = nil,
        value: String? = nil, sensitive: Bool = false, keys: String? = nil, url: String? = nil, note: String? = nil,
        instruction: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.action = action
        self.label = label
        self.role = role
        self.context = context
        self.value = value
        self.sensitive = sensitive
        self.keys = keys
        self.url = url
        self.note = note
        self.instruction = instruction
    }

    /// The summary of a step as recorded.
    public init(_ step: Step) { self.init(step, fingerprint: nil) }

    /// `fingerprint` is `Fingerprint.step(step)` when the caller has computed it already.
    public init(_ step: Step, fingerprint: String?) {
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let n = Fingerprint.normalizedText(s)
            return n.isEmpty ? nil : n
        }
        var keys: String?
        if let key = clean(step.key) {
            let mods = Array(Set(step.modifiers)).sorted().map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }
            keys = (mods + [key]).joined(separator: "+")
        }
        self.init(
            fingerprint: fingerprint ?? Fingerprint.step(step),
            action: step.action.rawValue,
            label: clean(step.target?.label),
            role: clean(step.target?.role?.lowercased()),
            context: clean(step.target?.context),
            value: step.sensitive ? nil : clean(step.value),
            sensitive: step.sensitive,
            keys: keys,
            url: step.url.flatMap(Fingerprint.normalizedURL),
            note: clean(step.note),
            instruction: clean(step.instruction))
    }

    /// A short description for people: `click 'Submit'`, `navigate https://…`, `press Ctrl+S`.
    public var headline: String {
        if let label { return "\(action) '\(label)'" }
        if let keys { return "\(action) \(keys)" }
        if let url { return "\(action) \(url)" }
        if let instruction { return "'\(instruction)'" }
        if let note { return "\(action) '\(note)'" }
        return action
    }

    /// The human-facing fields by name, for "changed fields" in diffs. Sensitive values appear as `(secret)`.
    public var fields: [(name: String, value: String?)] {
        [
            ("action", action), ("label", label), ("role", role), ("context", context),
            ("value", sensitive ? "(secret)" : value), ("keys", keys), ("url", url), ("note", note),
            ("instruction", instruction),
        ]
    }

    /// The summary as lock JSON.
    public var json: JSONNode {
        .object(compacting: [
            ("fingerprint", .string(fingerprint)),
            ("action", .string(action)),
            ("label", label.map(JSONNode.string)),
            ("role", role.map(JSONNode.string)),
            ("context", context.map(JSONNode.string)),
            ("value", value.map(JSONNode.string)),
            ("sensitive", sensitive ? .bool(true) : nil),
            ("keys", keys.map(JSONNode.string)),
            ("url", url.map(JSONNode.string)),
            ("note", note.map(JSONNode.string)),
            ("instruction", instruction.map(JSONNode.string)),
        ])
    }

    /// Reads a summary from lock JSON; nil when `fingerprint` or `action` is missing.
    public init?(json node: JSONNode) {
        guard let fingerprint = node["fingerprint"]?.stringValue, let action = node["action"]?.stringValue else { return nil }
        self.init(
            fingerprint: fingerprint, action: action,
            label: node["label"]?.stringValue, role: node["role"]?.stringValue, context: node["context"]?.stringValue,
            value: node["value"]?.stringValue, sensitive: node["sensitive"]?.boolValue ?? false,
            keys: node["keys"]?.stringValue, url: node["url"]?.stringValue, note: node["note"]?.stringValue,
            instruction: node["instruction"]?.stringValue)
    }
}
