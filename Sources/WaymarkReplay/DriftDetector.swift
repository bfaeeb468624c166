import WaymarkModel

/// Turns what a replay observed into findings: a step that no longer works is `broken`; one that works but shows
/// the learner something the guide does not say is `drifted`.
///
/// Only what a person reads counts as drift: a recorded label that is real words (written, or read from a
/// selector, or filled by an earlier replay) compared with the accessible name the browser computes now, and the
/// page a navigation lands on. Labels made from identifiers are guesses, so a different name there is filled in by
/// a refresh, never reported.
public enum DriftDetector {
    /// - Parameter maxVariation: screenshots that differ from the last refreshed ones by more than this share of
    ///   their pixels are `screenshot-changed` (nil: screenshots are not compared).
    public static func findings(_ replay: CaptureReplay, maxVariation: Double? = nil) -> [ReplayFinding] {
        let capture = replay.capture
        var out: [ReplayFinding] = []
        func finding(_ kind: ReplayFindingKind, _ index: Int, _ message: String, recorded: String? = nil, observed: String? = nil) {
            out.append(ReplayFinding(kind: kind, captureID: capture.id, owner: capture.owner, file: capture.source.path,
                                     step: index + 1, message: "step \(index + 1): \(message)", recorded: recorded, observed: observed))
        }
        for observation in replay.observations {
            let step = capture.steps[observation.index]
            let recorded = writtenLabel(step.target)
            switch observation.outcome {
            case .needsSecret:
                finding(.needsSecret, observation.index, observation.message ?? "needs a secret.")
            case let outcome where outcome.isBroken:
                finding(.broken, observation.index, observation.message ?? outcome.rawValue,
                        recorded: recorded, observed: observation.nearby.first?.name)
            case .ok:
                if let recorded, let now = observation.computedLabel, !sameWords(recorded, now) {
                    finding(.drifted, observation.index, "“\(recorded)” → “\(now)”", recorded: recorded, observed: now)
                } else if step.action == .navigate, let message = observation.message {
                    finding(.drifted, observation.index, message, recorded: step.url, observed: observation.url)
                }
            default:
                break
            }
            if let maxVariation, let variation = observation.variation, variation > maxVariation {
                let percent = (variation * 1000).rounded() / 10
                finding(.screenshotChanged, observation.index, "the screenshot differs from the last one in \(percent) % of its pixels.")
            }
        }
        return out
    }

    /// The label a learner is told to look for, unless it was only made from an identifier.
    static func writtenLabel(_ target: Target?) -> String? {
        guard let target, target.labelSource != .identifier, let label = target.label?.collapsingWhitespace, !label.isEmpty else {
            return nil
        }
        return label
    }

    /// Equal once white space is collapsed and case ignored ("Sign in" and "Sign In" are the same words to a
    /// learner).
    static func sameWords(_ a: String, _ b: String) -> Bool {
        a.collapsingWhitespace.lowercased() == b.collapsingWhitespace.lowercased()
    }
}
