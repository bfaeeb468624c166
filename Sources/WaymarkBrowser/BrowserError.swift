import WaymarkModel

/// What every browser operation throws: a `Diagnostic` with a `browser.*` code, plus the W3C error behind it.
///
/// Replay turns these into report lines, so the diagnostic is the primary content; `webDriverError` lets code react
/// to a specific remote condition (retry on `stale element reference`, give up on `invalid session id`) without
/// matching on message text.
public struct BrowserError: Error, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic
    /// The W3C error code the remote end reported, when the problem came from the remote end.
    public var webDriverError: WebDriverErrorKind?

    public init(_ diagnostic: Diagnostic, webDriverError: WebDriverErrorKind? = nil) {
        self.diagnostic = diagnostic
        self.webDriverError = webDriverError
    }

    /// A `browser.*` error with the code's standard hint.
    public init(_ code: DiagnosticCode, _ message: String, webDriverError: WebDriverErrorKind? = nil) {
        self.init(Diagnostic(code, message), webDriverError: webDriverError)
    }

    /// The stable diagnostic code, e.g. `browser.element-not-found`.
    public var code: DiagnosticCode { DiagnosticCode.named(diagnostic.code) ?? .browserDriverError }

    public var description: String { diagnostic.description }

    /// The same problem as the `DiagnosticError` the rest of Waymark throws.
    public var diagnosticError: DiagnosticError { DiagnosticError(diagnostic) }

    /// `browser.cancelled`, for a task that was cancelled while it waited on the browser.
    static var cancelled: BrowserError {
        BrowserError(.browserCancelled, "The browser command was cancelled.")
    }
}
