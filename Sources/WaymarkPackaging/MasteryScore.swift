import WaymarkModel

/// The share of knowledge-check answers a learner needs to pass, as a whole percentage.
///
/// The capture's `masteryScore` wins over waymark.yml's `mastery_score`, which wins over the default 80. SCORM 1.2
/// writes it as a percentage (`adlcp:masteryscore`), cmi5 as a scaled decimal (`masteryScore="0.8"`).
public struct MasteryScore: Sendable, Hashable, CustomStringConvertible {
    public static let defaultPercent = 80
    public static let `default` = MasteryScore(uncheckedPercent: defaultPercent)

    /// 0…100.
    public let percent: Int

    /// Nil unless `percent` is 0…100.
    public init?(percent: Int) {
        guard (0...100).contains(percent) else { return nil }
        self.percent = percent
    }

    private init(uncheckedPercent: Int) { percent = uncheckedPercent }

    /// The score a capture is packaged with: its own, else the project's.
    public static func forCapture(_ capture: Capture, projectDefault: MasteryScore) -> MasteryScore {
        capture.masteryScore.flatMap { MasteryScore(percent: $0) } ?? projectDefault
    }

    /// `0.8`, `1`, `0.05`: the scaled form cmi5 uses, exact (a percentage has at most two decimals).
    public var scaled: String {
        if percent == 100 { return "1" }
        if percent == 0 { return "0" }
        let digits = percent < 10 ? "0\(percent)" : String(percent)
        var text = "0." + digits
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    public var description: String { "\(percent)%" }

    /// A mastery score from waymark.yml, or the `package.mastery-score` diagnostic.
    public static func parse(_ text: String, at location: SourceLocation? = nil) throws(DiagnosticError) -> MasteryScore {
        let trimmed = text.trimming(.whitespaces)
        guard let value = Int(trimmed), let score = MasteryScore(percent: value) else {
            throw DiagnosticError(Diagnostic(
                .packageMasteryScore, "The mastery score '\(text)' is not a whole percentage from 0 to 100.",
                hint: "Write the share of right answers a learner needs to pass, e.g. mastery_score: 80.", at: location))
        }
        return score
    }
}
