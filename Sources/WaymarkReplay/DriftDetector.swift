import WaymarkBrowser
import WaymarkModel

/// Turns what a replay observed into findings: a step that no longer works is `broken`; one that works but shows
/// the learner something the guide does not say is `drifted`.
///
/// Only what a person reads counts as drift: a recorded label that is real words (written, or read from a
/// selector, or filled by an earlier replay) compared with the accessible name the browser computes now, the kind of
/// control the guide names ("the **Submit** button") compared with the role the browser computes, and the page a
/// navigation lands on. Labels made from identifiers are guesses, so a different name there is filled in by
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
                let label = recorded.flatMap { recorded in
                    observation.computedLabel.flatMap { sameWords(recorded, $0) ? nil : (recorded, $0) }
                }
                let role = roleChange(step.target, observation.computedRole)
                if label != nil || role != nil {
                    var parts: [String] = []
                    if let (was, now) = label { parts.append("“\(was)” → “\(now)”") }
                    if let (was, now) = role {
                        parts.append("\(label == nil ? "“\(recorded ?? "the element")” is" : "it is") now \(article(now)) \(now), not \(article(was)) \(was)")
                    }
                    finding(.drifted, observation.index, parts.joined(separator: "; "),
                            recorded: label?.0 ?? role?.0, observed: label?.1 ?? role?.1)
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

    /// The recorded role and the computed one, when the browser now says the element is another kind of control.
    /// Roles guessed from identifiers, role words the browser cannot check and elements with no computed role are
    /// left alone: only a role a learner is told ("the **Submit** button") and the browser contradicts is drift.
    static func roleChange(_ target: Target?, _ computed: String?) -> (String, String)? {
        guard let target, target.labelSource != .identifier, let word = target.role?.collapsingWhitespace, !word.isEmpty,
              let computed = computed?.collapsingWhitespace, !computed.isEmpty else { return nil }
        let role = AccessibleRole(word)
        guard role.isKnown, !role.matches(computedRole: computed) else { return nil }
        return (word, computed.lowercased())
    }

    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
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
