import Foundation

/// Which characters `trimming(_:)` removes; the same sets as Foundation's `CharacterSet` of those names.
public enum TrimmedCharacters: Sendable {
    case whitespaces, newlines, whitespacesAndNewlines

    /// Foundation's sets themselves, for scalars outside ASCII: on Linux they are CoreFoundation's tables, which
    /// differ from today's Unicode categories (U+200B counts as a space there), and the output must not change.
    static let foundationSets: (whitespaces: CharacterSet, newlines: CharacterSet, both: CharacterSet) =
        (.whitespaces, .newlines, .whitespacesAndNewlines)

    /// Whether `scalar` is in the set, asked of Foundation's set (no string is bridged to `NSString`).
    @usableFromInline func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return containsASCII(UInt8(scalar.value)) }
        switch self {
        case .whitespaces: return Self.foundationSets.whitespaces.contains(scalar)
        case .newlines: return Self.foundationSets.newlines.contains(scalar)
        case .whitespacesAndNewlines: return Self.foundationSets.both.contains(scalar)
        }
    }

    /// ASCII members (tab, space; line feed … carriage return); the other members are all outside ASCII.
    @inlinable func containsASCII(_ byte: UInt8) -> Bool {
        switch self {
        case .whitespaces: byte == 0x20 || byte == 0x09
        case .newlines: byte >= 0x0A && byte <= 0x0D
        case .whitespacesAndNewlines: byte.isASCIIWhitespace
        }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in:)` answered in Swift: members of the set are skipped at both ends, on the bytes while
    /// they are ASCII and on Unicode scalars otherwise, as Foundation does. Phrasing trims every label and
    /// sentence, so this is on the build's hot path, and Foundation's call copies the string to UTF-16 each time.
    /// Inlinable, so each caller gets a copy specialised for `String` or `Substring`: a generic call walks the
    /// bytes through witness tables.
    @inlinable public func trimming(_ characters: TrimmedCharacters) -> String {
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] < 0x80, characters.containsASCII(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let before = utf8.index(before: end)
            guard utf8[before] < 0x80, characters.containsASCII(utf8[before]) else { break }
            end = before
        }
        if start == end { return "" }
        if utf8[start] < 0x80, utf8[utf8.index(before: end)] < 0x80 { return String(self[start..<end]) }
        // A non-ASCII byte at an end: continue scalar by scalar over what is left.
        let rest = String(self[start..<end])
        let scalars = rest.unicodeScalars
        var lower = scalars.startIndex, upper = scalars.endIndex
        while lower < upper, characters.contains(scalars[lower]) { lower = scalars.index(after: lower) }
        while lower < upper {
            let before = scalars.index(before: upper)
            guard characters.contains(scalars[before]) else { break }
            upper = before
        }
        return String(Substring(scalars[lower..<upper]))
    }
}

extension UInt8 {
    /// Whether this byte is an ASCII space: tab, line feed, vertical tab, form feed, carriage return or space — the
    /// ASCII characters that are `isWhitespace`. The one statement of that rule for every byte-level text path.
    @inlinable public var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}

extension Character {
    /// `isWhitespace` (or newline), answered without the Unicode property lookup for ASCII characters — the
    /// phrasing, timing and caption code asks it of every character of every sentence.
    @inlinable public var isWhitespaceQuick: Bool {
        if let ascii = asciiValue { return ascii.isASCIIWhitespace }
        return isWhitespace
    }

    /// `isLetter`, with the same ASCII shortcut.
    @inlinable public var isLetterQuick: Bool {
        if let ascii = asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return isLetter
    }

    /// `isNumber`, with the same ASCII shortcut (the ASCII numbers are the digits).
    @inlinable public var isNumberQuick: Bool {
        if let ascii = asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        return isNumber
    }

    /// `isLowercase`, with the same ASCII shortcut.
    @inlinable public var isLowercaseQuick: Bool {
        if let ascii = asciiValue { return ascii >= 0x61 && ascii <= 0x7A }
        return isLowercase
    }

    /// `isUppercase`, with the same ASCII shortcut.
    @inlinable public var isUppercaseQuick: Bool {
        if let ascii = asciiValue { return ascii >= 0x41 && ascii <= 0x5A }
        return isUppercase
    }
}

extension String {
    /// Every run of whitespace (Unicode's, line breaks included) as one space, none at either end: how labels and
    /// titles are shown. ASCII text takes the byte path below.
    public var collapsingWhitespace: String {
        collapsingASCIIWhitespace ?? split(whereSeparator: { $0.isWhitespaceQuick }).joined(separator: " ")
    }

    /// For all-ASCII text: every run of whitespace (tab, line breaks, space) as one space, none at either end.
    /// Nil when the text has non-ASCII characters, whose Unicode spaces and normalisation the caller handles.
    public var collapsingASCIIWhitespace: String? {
        // One pass answers both questions: is it ASCII, and is it already collapsed (most labels are)?
        var collapsed = true
        var previousIsSpace = true  // a space at the start is one too many
        for byte in utf8 {
            if byte >= 0x80 { return nil }
            let isSpace = byte.isASCIIWhitespace
            if isSpace && (byte != 0x20 || previousIsSpace) { collapsed = false }
            previousIsSpace = isSpace
        }
        if collapsed && !previousIsSpace { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte.isASCIIWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol where SubSequence == Substring {
    /// `split(whereSeparator: \.isWhitespaceQuick)`, the words of a sentence, split on the bytes while they are
    /// ASCII (where a byte is a character and the ASCII spaces are the only ones); text with other characters is
    /// split by `Character` as before. Narration and captions split every sentence they time or break this way.
    @inlinable public func splitAtWhitespaceQuick() -> [Substring] {
        var words: [Substring] = []
        var start: String.Index? = nil
        var index = utf8.startIndex
        let end = utf8.endIndex
        while index < end {
            let byte = utf8[index]
            if byte >= 0x80 { return split(whereSeparator: { $0.isWhitespaceQuick }) }
            if byte.isASCIIWhitespace {
                if let wordStart = start { words.append(self[wordStart..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = utf8.index(after: index)
        }
        if let wordStart = start { words.append(self[wordStart..<end]) }
        return words
    }
}

extension String {
    /// `collapsingWhitespace`, or nil when nothing is left: how importers read names and titles that may be blank.
    public var collapsingWhitespaceOrNil: String? {
        let collapsed = collapsingWhitespace
        return collapsed.isEmpty ? nil : collapsed
    }
}
