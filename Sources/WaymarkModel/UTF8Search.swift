import Foundation

/// Literal substring search and replacement on UTF-8 bytes.
///
/// Foundation's `range(of:)` and `replacingOccurrences(of:with:)` bridge every call to `NSString` (a UTF-16 copy
/// of the whole haystack), so a loop of searches over one page of HTML is quadratic; in the build's profile they
/// were a quarter of all the time. These work on the string's own UTF-8 storage, without copying, and return
/// ordinary `String.Index` ranges. Matching is exact (byte for byte), which is what the renderers want: they look
/// for markup and fixed markers, never for text that needs Unicode-aware comparison.
extension StringProtocol {
    /// The first (or, `backwards`, the last) occurrence of `needle`, compared byte for byte.
    public func utf8Range(of needle: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        let offset = utf8.withContiguousStorageIfAvailable {
            UTF8Search.offset(of: pattern, in: $0, backwards: backwards)
        } ?? Array(utf8).withUnsafeBufferPointer { UTF8Search.offset(of: pattern, in: $0, backwards: backwards) }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// Whether `needle` occurs, compared byte for byte.
    public func utf8Contains(_ needle: some StringProtocol) -> Bool { utf8Range(of: needle) != nil }

    /// Every occurrence of `target` replaced by `replacement`, left to right, without overlaps.
    public func utf8Replacing(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty else { return String(self) }
        let bytes = utf8.withContiguousStorageIfAvailable { UTF8Search.replace(pattern, with: replacement, in: $0) }
            ?? Array(utf8).withUnsafeBufferPointer { UTF8Search.replace(pattern, with: replacement, in: $0) }
        guard let bytes else { return String(self) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum UTF8Search {
    static func offset(of pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, backwards: Bool) -> Int? {
        let m = pattern.count, n = haystack.count
        guard m <= n else { return nil }
        let first = pattern[0]
        if backwards {
            var i = n - m
            while i >= 0 {
                if haystack[i] == first, matches(pattern, haystack, at: i) { return i }
                i -= 1
            }
        } else {
            var i = 0
            while i <= n - m {
                if haystack[i] == first, matches(pattern, haystack, at: i) { return i }
                i += 1
            }
        }
        return nil
    }

    @inline(__always)
    static func matches(_ pattern: [UInt8], _ haystack: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = 1
        while j < pattern.count {
            if haystack[i + j] != pattern[j] { return false }
            j += 1
        }
        return true
    }

    /// Nil when nothing matched (the caller keeps its string).
    static func replace(
        _ pattern: [UInt8], with replacement: some StringProtocol, in haystack: UnsafeBufferPointer<UInt8>
    ) -> [UInt8]? {
        let m = pattern.count, n = haystack.count
        var out: [UInt8] = []
        var copied = 0, i = 0
        let first = pattern[0]
        while i + m <= n {
            if haystack[i] == first, matches(pattern, haystack, at: i) {
                if out.isEmpty { out.reserveCapacity(n + 64) }
                out.append(contentsOf: haystack[copied..<i])
                out.append(contentsOf: replacement.utf8)
                i += m
                copied = i
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: haystack[copied..<n])
        return out
    }
}

/// Which characters `trimming(_:)` removes; the same sets as Foundation's `CharacterSet` of those names.
public enum TrimmedCharacters: Sendable {
    case whitespaces, newlines, whitespacesAndNewlines

    var foundationSet: CharacterSet {
        switch self {
        case .whitespaces: .whitespaces
        case .newlines: .newlines
        case .whitespacesAndNewlines: .whitespacesAndNewlines
        }
    }

    /// ASCII members (tab, space; line feed … carriage return); the other members are all outside ASCII.
    func containsASCII(_ byte: UInt8) -> Bool {
        switch self {
        case .whitespaces: byte == 0x20 || byte == 0x09
        case .newlines: byte >= 0x0A && byte <= 0x0D
        case .whitespacesAndNewlines: byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in:)` with a fast path: when both ends are ASCII characters outside the set there is
    /// nothing to trim, and the Foundation call (which copies the string to UTF-16) is skipped. Phrasing trims
    /// every label and sentence, so this is on the build's hot path.
    public func trimming(_ characters: TrimmedCharacters) -> String {
        // Skip members of the set at both ends on the bytes; the ends reached are ASCII non-members, where
        // Foundation would stop too. Only a non-ASCII byte at either end needs the Foundation call.
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] < 0x80, characters.containsASCII(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let before = utf8.index(before: end)
            guard utf8[before] < 0x80, characters.containsASCII(utf8[before]) else { break }
            end = before
        }
        if start == end { return "" }
        if utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return trimmingCharacters(in: characters.foundationSet)
        }
        return String(self[start..<end])
    }
}

extension Character {
    /// `isWhitespace` (or newline), answered without the Unicode property lookup for ASCII characters — the
    /// phrasing, timing and caption code asks it of every character of every sentence.
    @inlinable public var isWhitespaceQuick: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }

    /// `isLetter`, with the same ASCII shortcut.
    @inlinable public var isLetterQuick: Bool {
        if let ascii = asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return isLetter
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
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
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
