import Foundation

/// A regular expression compiled once and only read afterwards, so it can be kept in a `Sendable` value and
/// shared by every thread: compiling ICU patterns is far dearer than matching them, and no hot path may do it per
/// call (`make bench` profiles showed it as a fifth of a build's CPU when it did).
public struct CompiledPattern: @unchecked Sendable {
    /// The pattern as written (for messages and equality).
    public let pattern: String
    private let regex: NSRegularExpression

    /// `nil` when ICU refuses the pattern.
    public init?(_ pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.pattern = pattern
        self.regex = regex
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by `replacement`, taken literally.
    public func replacingMatches(in text: String, with replacement: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                       withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }
}
