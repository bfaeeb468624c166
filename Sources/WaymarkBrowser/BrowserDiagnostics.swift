import WaymarkModel

/// Every diagnostic code of the browser adapter, with the message shape and hint of each.
///
/// Codes are stable (scripts and CI filters match on them) and documented in docs/diagnostics.md, section
/// "Browser (`browser.*`)". They live in this one file so that the project-wide diagnostic registry can take them
/// over in one move.
public enum BrowserDiagnostics {
    /// `chromedriver` is not installed, or the configured path does not exist or is not executable.
    public static let driverMissing = "browser.driver-missing"
    /// Chromium (or Chrome) is not installed, or the configured path does not exist.
    public static let browserMissing = "browser.browser-missing"
    /// `chromedriver` started but exited, or did not say which port it listens on, in time.
    public static let driverStartFailed = "browser.driver-start-failed"
    /// Nothing answers at the WebDriver address (local driver gone, wrong remote URL, Grid down).
    public static let unreachable = "browser.unreachable"
    /// The WebDriver endpoint accepted the connection but did not answer a command before its deadline.
    public static let driverUnresponsive = "browser.driver-unresponsive"
    /// The endpoint refused to create a browser session (browser failed to start, capabilities not matched).
    public static let sessionFailed = "browser.session-failed"
    /// The session no longer exists: it was closed, or its browser crashed or was killed.
    public static let sessionClosed = "browser.session-closed"
    /// A wait or a W3C timeout ran out: an element, window, alert or condition did not appear in time.
    public static let timeout = "browser.timeout"
    /// A page did not finish loading within the page-load timeout.
    public static let pageLoadTimeout = "browser.page-load-timeout"
    /// The browser could not load a URL (name not resolved, connection refused, blocked by the network policy).
    public static let navigationFailed = "browser.navigation-failed"
    /// No element matches a query.
    public static let elementNotFound = "browser.element-not-found"
    /// More than one element matches a query that must name exactly one.
    public static let elementAmbiguous = "browser.element-ambiguous"
    /// An element was found earlier but is no longer in the page (the page re-rendered it).
    public static let elementStale = "browser.element-stale"
    /// An element exists but cannot be clicked or typed into (hidden, disabled, covered, outside the page).
    public static let elementNotInteractable = "browser.element-not-interactable"
    /// The window (tab, popup) a command addressed is closed or unknown.
    public static let noSuchWindow = "browser.no-such-window"
    /// The frame a command addressed does not exist (wrong index, removed iframe).
    public static let noSuchFrame = "browser.no-such-frame"
    /// The element has no open shadow root.
    public static let noSuchShadowRoot = "browser.no-such-shadow-root"
    /// A JavaScript dialog (alert, confirm, prompt) is open and blocks the command.
    public static let unexpectedAlert = "browser.unexpected-alert"
    /// An alert command was sent while no dialog is open.
    public static let noAlert = "browser.no-alert"
    /// A script passed to Execute Script threw.
    public static let scriptError = "browser.script-error"
    /// A query or argument is not valid (bad CSS or XPath, a locator that shadow roots do not support, bad option).
    public static let invalidQuery = "browser.invalid-query"
    /// The endpoint does not implement a command (an older driver, a WebDriver server without Computed Label).
    public static let unsupported = "browser.unsupported"
    /// The endpoint's reply was not the W3C shape (not JSON, no `value`, an undecodable screenshot or PDF).
    public static let protocolError = "browser.protocol"
    /// The endpoint reported an error this adapter has no more specific code for (`unknown error` and others).
    public static let driverError = "browser.driver-error"
    /// The task that issued the command was cancelled (Ctrl-C, a sibling job failed).
    public static let cancelled = "browser.cancelled"
    /// A session or driver option is invalid (a host in the network policy with spaces or commas, a bad URL).
    public static let invalidOption = "browser.invalid-option"

    /// Every code above, for documentation checks and the diagnostic registry.
    public static let allCodes: [String] = [
        driverMissing, browserMissing, driverStartFailed, unreachable, driverUnresponsive, sessionFailed,
        sessionClosed, timeout, pageLoadTimeout, navigationFailed, elementNotFound, elementAmbiguous, elementStale,
        elementNotInteractable, noSuchWindow, noSuchFrame, noSuchShadowRoot, unexpectedAlert, noAlert, scriptError,
        invalidQuery, unsupported, protocolError, driverError, cancelled, invalidOption,
    ]

    /// The one-sentence hint for each code: what the person running Waymark should do.
    public static func hint(for code: String) -> String {
        switch code {
        case driverMissing:
            "Install Debian's `chromium-driver` package (apt-get install chromium-driver), or pass the path of a chromedriver."
        case browserMissing:
            "Install Debian's `chromium` package (apt-get install chromium), or pass the path of a Chromium or Chrome binary."
        case driverStartFailed:
            "Run `chromedriver --port=0` by hand to see why it stops, and check that its version matches Chromium's."
        case unreachable:
            "Check the WebDriver URL (for Selenium Grid 4: http://host:4444) and that the driver or Grid is running."
        case driverUnresponsive:
            "The browser is hung or overloaded; rerun with fewer parallel jobs or a longer command timeout."
        case sessionFailed:
            "Check that the browser starts on this machine (`chromium --headless=new --no-sandbox about:blank`) and that a remote Grid has a free Chrome node."
        case sessionClosed:
            "The browser crashed or was closed; start a new session, and look for out-of-memory kills if it keeps happening."
        case timeout:
            "Make sure the page reaches the expected state, or raise the wait (the default is 10 seconds)."
        case pageLoadTimeout:
            "Check that the application answers, or raise the page-load timeout."
        case navigationFailed:
            "Check the URL, that the application is running, and that its host is allowed by the network policy (only loopback by default)."
        case elementNotFound:
            "Update the capture's label or selector to what the page shows now, or record the step again."
        case elementAmbiguous:
            "Give the step a more specific label, role or selector so that it names one element."
        case elementStale:
            "Find the element again right before acting on it; the page replaced it."
        case elementNotInteractable:
            "Wait until the element is visible and enabled, or scroll or close whatever covers it."
        case noSuchWindow:
            "Switch to an open window first; the window was closed."
        case noSuchFrame:
            "Check the frame path of the query; the frame is missing or has not loaded yet."
        case noSuchShadowRoot:
            "Check that the element hosts an open shadow root; closed shadow roots cannot be searched."
        case unexpectedAlert:
            "Accept or dismiss the open dialog before the next step."
        case noAlert:
            "Wait for the dialog to open before accepting, dismissing or reading it."
        case scriptError:
            "Fix the script; the browser's message says what it threw."
        case invalidQuery:
            "Fix the selector or option; shadow roots accept only CSS and link-text locators."
        case unsupported:
            "Use a WebDriver endpoint that implements this W3C command (chromedriver 115 or later does)."
        case protocolError:
            "Check that the URL points at a W3C WebDriver endpoint and not at another HTTP service."
        case driverError:
            "Read the driver's message; rerun with the driver log enabled if it is not clear."
        case cancelled:
            "Nothing to do: the run was interrupted on purpose."
        case invalidOption:
            "Correct the option as the message says."
        default:
            "See docs/diagnostics.md."
        }
    }

    /// An error diagnostic with `code`, `message` and the code's hint.
    public static func error(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic.error(code, message, hint: hint(for: code))
    }
}
