/// The session timeouts of W3C WebDriver ("Set Timeouts"), enforced by the browser side.
///
/// They are finite on purpose: a page that never finishes loading or a script that never returns ends in
/// `browser.page-load-timeout` or `browser.timeout` instead of hanging a CI job. The implicit wait stays zero because
/// Waymark's own waits poll with a deadline and need a find that answers at once.
public struct BrowserTimeouts: Hashable, Sendable {
    /// How long navigation waits for the page's load event (W3C default: 300 s; ours: 30 s).
    public var pageLoad: Duration
    /// How long Execute Script may run.
    public var script: Duration
    /// The driver-side implicit wait for finds.
    public var implicit: Duration

    public init(pageLoad: Duration = .seconds(30), script: Duration = .seconds(30), implicit: Duration = .zero) {
        self.pageLoad = pageLoad
        self.script = script
        self.implicit = implicit
    }
}
