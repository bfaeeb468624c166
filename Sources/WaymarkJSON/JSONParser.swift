import Foundation

/// Parses RFC 8259 JSON from UTF-8 bytes into `JSONNode`s with positions.
///
/// Refuses, with the line and column of the problem: syntax errors, nesting deeper than `maxDepth`, invalid UTF-8,
/// unescaped control characters, lone surrogates, UTF-16/32 encoded files and trailing content. A UTF-8 byte order
/// mark is skipped. Never recurses deeper than `maxDepth`, so hostile nesting cannot overflow the stack.
///
/// The reader has no dependencies: it knows nothing about captures or diagnostics. Callers turn a
/// `JSONSyntaxError` into their own report (Waymark makes it a `json.*` diagnostic).
public struct JSONParser {
    public static let defaultMaxDepth = 256

    public static func parse(_ bytes: [UInt8], file: String? = nil, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try parse(buffer: buffer, file: file, maxDepth: maxDepth)
        }
    }

    /// Parses `data` in place, without copying it into an array first (captures can be tens of megabytes).
    public static func parse(_ data: Data, file: String? = nil, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        let result: Result<JSONNode, JSONSyntaxError> = data.withUnsafeBytes { raw in
            do throws(JSONSyntaxError) {
                return .success(try parse(buffer: raw.bindMemory(to: UInt8.self), file: file, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public static func parse(_ text: String, file: String? = nil, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), file: file, maxDepth: maxDepth)
    }

    static func parse(buffer: UnsafeBufferPointer<UInt8>, file: String?, maxDepth: Int) throws(JSONSyntaxError) -> JSONNode {
        var parser = Parser(bytes: buffer, file: file, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String?
        let maxDepth: Int
        var index = 0
        var line = 1
        var lineStart = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String?, maxDepth: Int) {
            self.bytes = bytes
            self.file = file
            self.maxDepth = maxDepth
        }

        /// Last column computed on the current line, so positions on long (minified) lines cost O(1) amortised
        /// instead of a rescan from the line start for every value.
        var cachedColumnLineStart = -1
        var cachedColumnIndex = 0
        var cachedColumn = 1

        /// Column of `index`, counting Unicode scalars (UTF-8 lead bytes) from the line start.
        var column: Int {
            mutating get {
                if cachedColumnLineStart != lineStart || cachedColumnIndex > index {
                    cachedColumnLineStart = lineStart
                    cachedColumnIndex = lineStart
                    cachedColumn = 1
                }
                var i = cachedColumnIndex
                var col = cachedColumn
                let end = min(index, bytes.count)
                while i < end {
                    if bytes[i] & 0xC0 != 0x80 { col += 1 }
                    i += 1
                }
                cachedColumnIndex = i
                cachedColumn = col
                return col
            }
        }

        /// Column of an arbitrary position on the current line (for error messages only; rescans).
        func columnAt(_ position: Int) -> Int {
            var col = 1
            var i = lineStart
            while i < position && i < bytes.count {
                if bytes[i] & 0xC0 != 0x80 { col += 1 }
                i += 1
            }
            return col
        }

        func fail(_ kind: JSONSyntaxError.Kind, _ message: String, hint: String, at position: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(kind: kind, message: message, hint: hint, file: file, line: line, column: columnAt(position ?? index))
        }

        func syntax(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
            fail(.syntax, "Malformed JSON: \(message).", hint: "Fix the JSON at this position, or export the capture again.", at: position)
        }

        mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
            if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
                || (bytes[0] == 0 && bytes[1] != 0) || (bytes[0] != 0 && bytes[1] == 0) {
                throw fail(.encoding, "The file is encoded as UTF-16 or UTF-32, not UTF-8.",
                           hint: "Save the file as UTF-8 (without a byte order mark) and run again.", at: 0)
            }
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                index = 3
                lineStart = 3
            }
            skipWhitespace()
            if index >= bytes.count {
                throw fail(.empty, "The file is empty.", hint: "Export the capture again; the file has no JSON in it.")
            }
            let value = try parseValue()
            skipWhitespace()
            if index < bytes.count {
                throw syntax("unexpected content after the end of the document")
            }
            return value
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
            guard index < bytes.count else { throw syntax("the document ends before a value") }
            let startLine = line
            let startColumn = column
            switch bytes[index] {
            case UInt8(ascii: "{"):
                return try parseObject(line: startLine, column: startColumn)
            case UInt8(ascii: "["):
                return try parseArray(line: startLine, column: startColumn)
            case UInt8(ascii: "\""):
                return JSONNode(.string(try parseString()), line: startLine, column: startColumn)
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                return JSONNode(.bool(true), line: startLine, column: startColumn)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                return JSONNode(.bool(false), line: startLine, column: startColumn)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                return JSONNode(.null, line: startLine, column: startColumn)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONNode(.number(try parseNumber()), line: startLine, column: startColumn)
            default:
                throw syntax("unexpected character \(describe(bytes[index]))")
            }
        }

        func describe(_ byte: UInt8) -> String {
            if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }

        mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
            let count = literal.utf8CodeUnitCount
            let start = literal.utf8Start
            let word = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
            for i in 0..<count where index + i >= bytes.count || bytes[index + i] != start[i] {
                throw syntax("expected '\(word)'", at: index)
            }
            index += count
        }

        mutating func enter() throws(JSONSyntaxError) {
            depth += 1
            if depth > maxDepth {
                throw fail(.depth, "JSON is nested more than \(maxDepth) levels deep.",
                           hint: "Captures never need this much nesting; check that the file is really a capture.")
            }
        }

        mutating func parseObject(line: Int, column: Int) throws(JSONSyntaxError) -> JSONNode {
            try enter()
            index += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return JSONNode(.object(members), line: line, column: column)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw syntax("the document ends inside an object") }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    throw syntax("expected a quoted key, found \(describe(bytes[index]))")
                }
                let keyLine = self.line
                let keyColumn = self.column
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw syntax(index < bytes.count ? "expected ':' after the key \"\(key)\"" : "the document ends inside an object")
                }
                index += 1
                skipWhitespace()
                let value = try parseValue()
                members.append(JSONMember(key: key, value: value, line: keyLine, column: keyColumn))
                skipWhitespace()
                guard index < bytes.count else { throw syntax("the document ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    depth -= 1
                    return JSONNode(.object(members), line: line, column: column)
                }
                throw syntax("expected ',' or '}' in an object, found \(describe(bytes[index]))")
            }
        }

        mutating func parseArray(line: Int, column: Int) throws(JSONSyntaxError) -> JSONNode {
            try enter()
            index += 1
            var items: [JSONNode] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return JSONNode(.array(items), line: line, column: column)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw syntax("the document ends inside an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    depth -= 1
                    return JSONNode(.array(items), line: line, column: column)
                }
                throw syntax("expected ',' or ']' in an array, found \(describe(bytes[index]))")
            }
        }

        mutating func parseNumber() throws(JSONSyntaxError) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw syntax("a number needs digits") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw syntax("numbers may not have leading zeros") }
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw syntax("a decimal point needs digits after it") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw syntax("an exponent needs digits") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

        mutating func parseString() throws(JSONSyntaxError) -> String {
            index += 1  // opening quote
            var runStart = index
            var result = ""
            var needsValidation = false
            while true {
                guard index < bytes.count else { throw syntax("the document ends inside a string") }
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    try appendRun(&result, from: runStart, to: index, validate: needsValidation)
                    index += 1
                    return result
                }
                if b == UInt8(ascii: "\\") {
                    try appendRun(&result, from: runStart, to: index, validate: needsValidation)
                    needsValidation = false
                    index += 1
                    try parseEscape(into: &result)
                    runStart = index
                    continue
                }
                if b < 0x20 {
                    throw syntax(b == 0x0A ? "a string is not closed before the end of the line"
                                 : "control character \(describe(b)) inside a string must be escaped")
                }
                if b >= 0x80 { needsValidation = true }
                index += 1
            }
        }

        func appendRun(_ result: inout String, from start: Int, to end: Int, validate: Bool) throws(JSONSyntaxError) {
            guard end > start else { return }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if validate {
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw fail(.encoding, "A string contains bytes that are not valid UTF-8.",
                               hint: "Save the file as UTF-8 and run again.", at: start)
                }
                result += text
            } else {
                result += String(decoding: slice, as: UTF8.self)
            }
        }

        mutating func parseEscape(into result: inout String) throws(JSONSyntaxError) {
            guard index < bytes.count else { throw syntax("the document ends inside a string") }
            let c = bytes[index]
            index += 1
            switch c {
            case UInt8(ascii: "\""): result += "\""
            case UInt8(ascii: "\\"): result += "\\"
            case UInt8(ascii: "/"): result += "/"
            case UInt8(ascii: "b"): result += "\u{08}"
            case UInt8(ascii: "f"): result += "\u{0C}"
            case UInt8(ascii: "n"): result += "\n"
            case UInt8(ascii: "r"): result += "\r"
            case UInt8(ascii: "t"): result += "\t"
            case UInt8(ascii: "u"):
                let first = try parseHex4()
                if (0xD800...0xDBFF).contains(first) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw syntax("a \\u escape starts a surrogate pair that is not completed")
                    }
                    index += 2
                    let second = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(second) else { throw syntax("invalid low surrogate in a \\u escape") }
                    let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    result.unicodeScalars.append(Unicode.Scalar(scalar)!)
                } else if (0xDC00...0xDFFF).contains(first) {
                    throw syntax("a \\u escape holds a lone low surrogate")
                } else {
                    result.unicodeScalars.append(Unicode.Scalar(first)!)
                }
            default:
                throw syntax("invalid escape '\\\(Character(Unicode.Scalar(c)))' in a string", at: index - 1)
            }
        }

        mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw syntax("the document ends inside a \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw syntax("a \\u escape needs four hex digits")
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
