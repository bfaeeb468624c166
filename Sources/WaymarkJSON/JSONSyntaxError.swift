/// Why a JSON document could not be read, and where: the first problem, with a 1-based line and a column counted
/// in Unicode scalars, and one sentence saying what to do.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Malformed JSON (unexpected character, missing comma, trailing content, control character in a string).
        case syntax
        /// UTF-16/UTF-32 text or bytes that are not valid UTF-8.
        case encoding
        /// Nesting deeper than the reader's limit (hostile input).
        case depth
        /// No JSON value at all.
        case empty
    }

    public var kind: Kind
    public var message: String
    public var hint: String
    public var file: String?
    public var line: Int
    public var column: Int

    public init(kind: Kind, message: String, hint: String, file: String?, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file ?? "<input>"):\(line):\(column): \(message)" }
}
