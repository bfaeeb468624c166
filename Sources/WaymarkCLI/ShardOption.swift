import WaymarkModel

/// `--shard I/N`, shared by `build` and `check`.
enum ShardOption {
    static let help = "Only the captures of shard I of N (a stable split by capture id, for CI matrices)."

    static func parse(_ text: String?) throws -> CaptureShard? {
        guard let text else { return nil }
        guard let shard = CaptureShard(text) else {
            DiagnosticConsole.report([Diagnostic(
                .optionShard, "--shard '\(text)' is not a shard.",
                hint: "Write it as I/N with 1 ≤ I ≤ N, for example --shard 2/4.")])
            throw ExitStatus.invalidInput
        }
        return shard
    }
}
