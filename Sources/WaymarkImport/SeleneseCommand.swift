import WaymarkModel

/// One command of the Selenese language, as every recorder that speaks it stores one: a name, a target (usually a
/// locator), a value, and where it was read.
///
/// Selenium IDE projects (JSON), Selenium IDE 1–2 / Katalon Recorder HTML tables and UI.Vision macros (JSON) are
/// read into these values, so `SeleneseCommandTable` — the one place a command becomes a step — never sees the file
/// format it came from.
struct SeleneseCommand: Sendable {
    var name: String
    var target: String
    var value: String
    /// Other locators the recorder offered for the same element (`targets` / `Targets`), in its order.
    var alternatives: [String] = []
    /// The recorder's own comment or description of the command, shown as the step's note.
    var comment: String?
    /// The recorder's id of the command, kept as the step id so diffs follow a command across edits.
    var id: String?
    /// Where the command is in its file, for diagnostics.
    var location: SourceLocation
    /// Selenium IDE 3: the command opens a new window, saved under `windowHandleName`.
    var opensWindow = false
    var windowHandleName: String?
}
