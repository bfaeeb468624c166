import Foundation
import WaymarkModel
import WaymarkJSON

/// Typed, positioned access to the fields of a foreign JSON recording (Chrome Recorder, Selenium IDE).
///
/// Every wrong type becomes an error diagnostic at the value's line and column, naming the field and what was
/// expected, so a hand-edited or damaged recording is reported precisely instead of half-read in silence.
struct ForeignJSONFields {
    let file: String
    /// Code prefix such as `chrome` or `selenium`.
    /// The importer's own codes for a field of the wrong type and a missing field (`chrome.*`, `selenium.*`).
    let wrongTypeCode: DiagnosticCode
    let missingFieldCode: DiagnosticCode
    var diagnostics: [Diagnostic] = []

    init(file: String, wrongTypeCode: DiagnosticCode, missingFieldCode: DiagnosticCode) {
        self.file = file
        self.wrongTypeCode = wrongTypeCode
        self.missingFieldCode = missingFieldCode
    }

    func location(_ node: JSONNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line > 0 ? node.line : nil, column: node.column > 0 ? node.column : nil)
    }

    mutating func wrongType(_ node: JSONNode, field: String, expected: String) {
        diagnostics.append(Diagnostic(
            wrongTypeCode, "The field '\(field)' must be \(expected), not \(node.kindDescription).",
            hint: "Fix the value in the file, or record the flow again.", at: location(node)))
    }

    mutating func missing(_ field: String, in node: JSONNode, what: String) {
        diagnostics.append(Diagnostic(
            missingFieldCode, "\(what) has no '\(field)' field.",
            hint: "Add the field, or record the flow again.", at: location(node)))
    }

    /// A string field; absent is nil; `null` or any other type is an error (the formats never write null).
    mutating func string(_ node: JSONNode, _ key: String) -> String? {
        guard let value = node[key] else { return nil }
        if let s = value.stringValue { return s }
        wrongType(value, field: key, expected: "a string")
        return nil
    }

    /// A number field (integers and decimals).
    mutating func number(_ node: JSONNode, _ key: String) -> Double? {
        guard let value = node[key] else { return nil }
        if let d = value.doubleValue, d.isFinite { return d }
        wrongType(value, field: key, expected: "a number")
        return nil
    }

    mutating func bool(_ node: JSONNode, _ key: String) -> Bool? {
        guard let value = node[key] else { return nil }
        if let b = value.boolValue { return b }
        wrongType(value, field: key, expected: "true or false")
        return nil
    }

    mutating func array(_ node: JSONNode, _ key: String) -> [JSONNode]? {
        guard let value = node[key] else { return nil }
        if let a = value.arrayValue { return a }
        wrongType(value, field: key, expected: "an array")
        return nil
    }

    mutating func object(_ node: JSONNode, _ key: String) -> [JSONMember]? {
        guard let value = node[key] else { return nil }
        if let o = value.objectValue { return o }
        wrongType(value, field: key, expected: "an object")
        return nil
    }

    /// A scalar shown to people: strings as they are, numbers as written, booleans as words.
    static func scalarText(_ node: JSONNode) -> String? {
        switch node.kind {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }
}

/// Cheap sniffing of a JSON prefix: the keys of the top-level object seen in the first bytes.
///
/// Importers must recognise their format from the first 4 KiB without parsing the whole file; this scanner walks
/// the tokens of that prefix, tracking nesting, and reports the top-level keys and string values it saw.
struct JSONPrefixScan {
    var isObject = false
    /// Top-level keys in order, with the first byte of each value (`[`, `{`, `"` …).
    var keys: [(key: String, valueStart: UInt8?)] = []
    /// Top-level string values by key (short ones only).
    var stringValues: [String: String] = [:]

    func has(_ key: String) -> Bool { keys.contains { $0.key == key } }
    func valueStart(_ key: String) -> UInt8? { keys.first { $0.key == key }?.valueStart ?? nil }

    init(_ data: Data) {
        let bytes = [UInt8](data.prefix(4096))
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return }
        isObject = true
        i += 1
        var depth = 1
        var expectingKey = true
        var pendingKey: String?
        func readString() -> String? {
            // i at opening quote
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; out.append(UInt8(ascii: "?")); continue }
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if out.count < 200 { out.append(b) }
                i += 1
            }
            return nil
        }
        while i < bytes.count {
            skipSpace()
            guard i < bytes.count else { break }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                guard let s = readString() else { return }
                if depth == 1 {
                    if expectingKey {
                        pendingKey = s
                    } else if let key = pendingKey {
                        stringValues[key] = s
                        pendingKey = nil
                    }
                }
            case UInt8(ascii: ":"):
                i += 1
                if depth == 1, let key = pendingKey {
                    skipSpace()
                    keys.append((key, i < bytes.count ? bytes[i] : nil))
                    expectingKey = false
                }
            case UInt8(ascii: ","):
                i += 1
                if depth == 1 { expectingKey = true; pendingKey = nil }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                i += 1
                depth += 1
                if depth == 2 { pendingKey = nil }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                i += 1
                depth -= 1
                if depth <= 0 { return }
            default:
                i += 1
            }
        }
    }
}
