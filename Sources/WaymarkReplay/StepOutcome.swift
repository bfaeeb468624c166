/// What happened when replay performed one step. Raw values are the names used in reports.
public enum StepOutcome: String, Sendable, Hashable, CaseIterable {
    /// The step was performed (or its assertion held).
    case ok
    /// No element matches any of the step's locators or its label.
    case notFound = "not-found"
    /// The step's label names several elements and no locator names one.
    case ambiguous
    /// The element is there but cannot be clicked or typed into (hidden, disabled, covered).
    case notInteractable = "not-interactable"
    /// A navigation failed, or left the origins the capture may visit.
    case wrongPage = "wrong-page"
    /// An `assert` step's condition does not hold.
    case assertionFailed = "assertion-failed"
    /// The page did not reach the state the step waits for in time.
    case timeout
    /// A sensitive step with no secret given: never typed as a placeholder.
    case needsSecret = "needs-secret"
    /// Not performed: a note, a custom step, or one replay cannot perform.
    case skipped

    /// Whether the step worked in the application (skipped steps neither work nor break).
    public var isBroken: Bool {
        switch self {
        case .ok, .skipped, .needsSecret: false
        default: true
        }
    }
}
