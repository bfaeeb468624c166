/// A JSON value that remembers where it was in its file.
///
/// Waymark reads JSON itself (instead of through `JSONDecoder`) because every diagnostic about a capture — a missing
/// field in step 7, a wrong type, an unknown action — must point at a line and column, and because hostile inputs
/// (100,000 nested arrays, invalid UTF-8, NUL bytes) must become diagnostics rather than crashes. The same value type
/// is written back canonically by `JSONWriter` (sorted keys, stable spacing) for byte-stable outputs.
public struct JSONNode: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The number exactly as written, so round trips never change `42.50` into `42.5`.
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    public var kind: Kind
    /// 1-based position of the value's first character (0 when built in code).
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public static let null = JSONNode(.null)
    public static func bool(_ value: Bool) -> JSONNode { JSONNode(.bool(value)) }
    public static func string(_ value: String) -> JSONNode { JSONNode(.string(value)) }
    public static func number(_ value: Int) -> JSONNode { JSONNode(.number(String(value))) }
    /// Formats a double the shortest way that reads back identically (`0.8`, `12`, `1.25`).
    public static func number(_ value: Double) -> JSONNode {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return JSONNode(.number(String(Int(value)))) }
        return JSONNode(.number(value.isFinite ? "\(value)" : "0"))
    }
    public static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items)) }
    /// An object from key/value pairs; order does not matter for writing (keys are sorted).
    public static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(pairs.map { JSONMember(key: $0.0, value: $0.1) }))
    }
    /// An object that leaves out nil values, so optional fields are absent rather than `null`.
    public static func object(compacting pairs: [(String, JSONNode?)]) -> JSONNode {
        JSONNode(.object(pairs.compactMap { key, value in value.map { JSONMember(key: key, value: $0) } }))
    }

    public var location: (line: Int, column: Int) { (line, column) }

    public var stringValue: String? { if case .string(let s) = kind { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = kind { b } else { nil } }
    public var doubleValue: Double? { if case .number(let n) = kind { Double(n) } else { nil } }
    public var intValue: Int? {
        guard case .number(let n) = kind else { return nil }
        if let i = Int(n) { return i }
        if let d = Double(n), d.isFinite, d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        return nil
    }
    public var arrayValue: [JSONNode]? { if case .array(let a) = kind { a } else { nil } }
    public var objectValue: [JSONMember]? { if case .object(let o) = kind { o } else { nil } }
    /// A string, number, boolean or null.
    public var isScalar: Bool {
        switch kind {
        case .array, .object: false
        default: true
        }
    }

    public var isNull: Bool { if case .null = kind { true } else { false } }

    /// The member value for `key` in an object (first occurrence).
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short name of the kind for diagnostics: "a string", "an array" …
    public var kindDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONNode
    /// Position of the key.
    public var line: Int
    public var column: Int

    public init(key: String, value: JSONNode, line: Int = 0, column: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }
}
