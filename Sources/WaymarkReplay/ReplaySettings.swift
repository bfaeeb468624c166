import WaymarkModel

/// How a replay runs: how long each step may wait, and the secrets sensitive steps type.
public struct ReplaySettings: Sendable {
    /// The longest a step waits for its element or condition (`--timeout`, 10 s by default). Waits poll; none sleeps
    /// a fixed time.
    public var stepTimeout: Duration
    /// How often waits look again.
    public var pollInterval: Duration
    /// Step label (compared without case and with white space collapsed) → the value to type. Sensitive steps with
    /// no entry are reported as needing a secret and never typed as a placeholder.
    public var secrets: [String: String]

    public init(stepTimeout: Duration = .seconds(10), pollInterval: Duration = .milliseconds(100), secrets: [String: String] = [:]) {
        self.stepTimeout = stepTimeout
        self.pollInterval = pollInterval
        self.secrets = Dictionary(secrets.map { (Self.key($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The secret for a sensitive step, found by its target's label.
    func secret(for step: Step) -> String? {
        guard let label = step.target?.label else { return nil }
        return secrets[Self.key(label)]
    }

    /// How a step label is matched to a secret: without case, with white space collapsed ("New  password" and
    /// "new password" are one field). The one place this rule lives, for `--secret` and `secrets:` alike.
    public static func key(_ label: String) -> String { label.collapsingWhitespace.lowercased() }
}
