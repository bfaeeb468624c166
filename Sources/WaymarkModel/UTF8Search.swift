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
    package func utf8Range(of needle: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
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
    package func utf8Contains(_ needle: some StringProtocol) -> Bool { utf8Range(of: needle) != nil }

    /// Foundation's `contains(_:)`, answered on the bytes when both strings are ASCII (there Foundation's
    /// comparison is byte for byte too); other text still goes to Foundation, which also finds canonically
    /// equivalent forms (a composed "é" in a decomposed one), so a secret is found in whatever form it appears.
    package func foundationContains(_ needle: some StringProtocol) -> Bool {
        if utf8.allSatisfy({ $0 < 0x80 }), needle.utf8.allSatisfy({ $0 < 0x80 }) { return utf8Contains(needle) }
        return contains(needle)
    }

    /// Every occurrence of `target` replaced by `replacement`, left to right, without overlaps.
    package func utf8Replacing(_ target: some StringProtocol, with replacement: some StringProtocol) -> String {
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
