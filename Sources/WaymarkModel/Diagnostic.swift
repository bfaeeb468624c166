import WaymarkJSON

/// A problem a user can fix, reported with where it is and what to do about it.
///
/// Every user-facing problem in Waymark is a `Diagnostic` value with a registered `DiagnosticCode` rather than a thrown
/// string, so that commands can
/// collect all of them, print them in one consistent shape (`file:line:column: severity[code]: message`), and exit
/// with the documented code. `code` is stable across releases: scripts and CI filters may match on it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Stable, dotted identifier such as `json.syntax` or `xml.doctype`: the `id` of a registered `DiagnosticCode`
    /// (see docs/diagnostics.md).
    public var code: String
    public var message: String
    /// One plain sentence saying what to do.
    public var hint: String?
    public var location: SourceLocation?

    /// A problem with a registered code: its severity comes from the registry, and so does the hint unless the
    /// call site knows a more specific one.
    public init(_ code: DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation? = nil) {
        self.severity = code.severity
        self.code = code.id
        self.message = message
        self.hint = hint ?? code.hint
        self.location = location
    }

    /// `file:line:column: severity[code]: message` followed by an indented hint line, as compilers print them.
    public var description: String {
        var text = ""
        if let location { text += location.description + ": " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// The same diagnostic, placed in `file` when it had no file of its own.
    public func inFile(_ file: String) -> Diagnostic {
        var copy = self
        if var location = copy.location {
            if location.file == nil { location.file = file }
            copy.location = location
        } else {
            copy.location = SourceLocation(file: file)
        }
        return copy
    }
}

/// Where in an input a diagnostic points. Lines and columns are 1-based; columns count Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var parts: [String] = [file ?? "<input>"]
        if let line {
            parts.append(String(line))
            if let column { parts.append(String(column)) }
        }
        return parts.joined(separator: ":")
    }
}

/// Thrown by engine functions that cannot produce a result; carries every diagnostic collected so far.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Diagnostic {
    /// The `json.*` diagnostic for a document the JSON reader refused, at the reader's line and column.
    public init(_ error: JSONSyntaxError) {
        let code: DiagnosticCode = switch error.kind {
        case .syntax: .jsonSyntax
        case .encoding: .jsonEncoding
        case .depth: .jsonDepth
        case .empty: .jsonEmpty
        }
        self.init(code, error.message, hint: error.hint,
                  at: SourceLocation(file: error.file, line: error.line, column: error.column))
    }
}

extension DiagnosticError {
    public init(_ error: JSONSyntaxError) { self.init(Diagnostic(error)) }
}
