/// Writes the YAML front matter block that MkDocs, Hugo and Docusaurus read.
///
/// Every string is written double-quoted with YAML escapes, so a title containing `:`, `"`, `#`, a leading `-` or
/// `{`, or a line break stays one valid string. Dates (already validated as `YYYY-MM-DD`) are written plain so that
/// site generators read them as dates.
public struct YAMLFrontMatter: Sendable {
    public enum Value: Sendable {
        case string(String)
        case date(String)
    }

    public private(set) var fields: [(key: String, value: Value)] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        fields.append((key, .string(value)))
    }

    public mutating func addDate(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        fields.append((key, .date(value)))
    }

    /// The lines between the `---` delimiters, without a trailing newline.
    public var body: String {
        fields.map { field in
            switch field.value {
            case .string(let s): "\(field.key): \(Self.quoted(s))"
            case .date(let d): "\(field.key): \(d)"
            }
        }.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar that reads back as exactly `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
