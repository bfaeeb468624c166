/// Where sessions come from: a chromedriver Waymark starts itself, or a WebDriver endpoint someone else runs.
public enum BrowserEndpoint: Hashable, Sendable {
    /// Start `chromedriver` on a free loopback port and stop it (and every browser it started) afterwards.
    case local(LocalDriverOptions = LocalDriverOptions())
    /// Use a running W3C endpoint as it is, starting nothing: Selenium Grid 4 (`http://grid:4444`), a chromedriver
    /// started by CI, a cloud provider's hub. Sessions are created with `POST /session` and ended with `DELETE`.
    case remote(url: String)
}

/// How the local driver is found and started.
public struct LocalDriverOptions: Hashable, Sendable {
    /// chromedriver's path; nil searches `PATH`, then /usr/bin and /usr/lib/chromium (Debian's `chromium-driver`).
    public var chromedriverPath: String?
    /// Chromium's or Chrome's path, passed to chromedriver as the browser binary; nil lets chromedriver pick its
    /// default after checking that a `chromium`, `chromium-browser` or `google-chrome` is installed.
    public var chromiumPath: String?
    /// How long chromedriver may take to start listening and report ready.
    public var startupTimeout: Duration
    /// Install SIGINT/SIGTERM/SIGHUP handling that kills the driver's processes and exits 130/143/129. Turn it
    /// off only when the program handles those signals itself and calls `BrowserDriver.stop()`.
    public var handlesSignals: Bool
    /// More chromedriver arguments (e.g. `--verbose`; its log is in the driver's temporary folder).
    public var driverArguments: [String]

    public init(
        chromedriverPath: String? = nil, chromiumPath: String? = nil, startupTimeout: Duration = .seconds(30),
        handlesSignals: Bool = true, driverArguments: [String] = []
    ) {
        self.chromedriverPath = chromedriverPath
        self.chromiumPath = chromiumPath
        self.startupTimeout = startupTimeout
        self.handlesSignals = handlesSignals
        self.driverArguments = driverArguments
    }
}
