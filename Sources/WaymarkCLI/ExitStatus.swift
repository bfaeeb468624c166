import ArgumentParser

/// The documented exit codes, the same for every command.
public enum ExitStatus {
    /// Success, nothing to report.
    public static let success = ExitCode(0)
    /// `check` found findings at or above `--fail-on`.
    public static let findings = ExitCode(1)
    /// Usage error or invalid input; the message names file, line and column where there is one.
    public static let invalidInput = ExitCode(2)
}
