/// What a new browser session looks like: headless or not, viewport, device pixel ratio, network policy, timeouts,
/// language, and how long element waits last.
///
/// Defaults suit replay in CI: headless Chromium, a 1280×800 viewport at ratio 1, loopback only, 30 s page loads and
/// 10 s element waits.
public struct SessionOptions: Hashable, Sendable {
    /// Run Chromium with `--headless=new`.
    public var headless: Bool
    /// The viewport (CSS pixels) the session is resized to after it starts, so screenshots have this exact size
    /// times the device pixel ratio. Nil keeps the browser's default window.
    public var viewport: ViewportSize?
    /// Forces `window.devicePixelRatio` (`--force-device-scale-factor`), e.g. 2 for high-density screenshots.
    public var deviceScaleFactor: Double?
    public var network: NetworkPolicy
    public var timeouts: BrowserTimeouts
    /// The browser's UI and `Accept-Language` language (`--lang`), so pages render the labels a capture recorded.
    public var language: String?
    public var acceptInsecureCertificates: Bool
    /// More Chromium command-line arguments, appended after Waymark's own.
    public var extraArguments: [String]
    /// How long `find`, `resolve` and the other waits of this session poll before giving up.
    public var elementWait: Duration
    /// How often waits poll.
    public var pollInterval: Duration

    public init(
        headless: Bool = true,
        viewport: ViewportSize? = ViewportSize(width: 1280, height: 800),
        deviceScaleFactor: Double? = nil,
        network: NetworkPolicy = .loopbackOnly(),
        timeouts: BrowserTimeouts = BrowserTimeouts(),
        language: String? = "en-US",
        acceptInsecureCertificates: Bool = false,
        extraArguments: [String] = [],
        elementWait: Duration = .seconds(10),
        pollInterval: Duration = .milliseconds(100)
    ) {
        self.headless = headless
        self.viewport = viewport
        self.deviceScaleFactor = deviceScaleFactor
        self.network = network
        self.timeouts = timeouts
        self.language = language
        self.acceptInsecureCertificates = acceptInsecureCertificates
        self.extraArguments = extraArguments
        self.elementWait = elementWait
        self.pollInterval = pollInterval
    }

    /// The Chromium arguments for these options (`--headless=new --no-sandbox`, the network rules …).
    package func chromiumArguments(userDataDirectory: String?) throws(BrowserError) -> [String] {
        var args: [String] = []
        if headless { args.append("--headless=new") }
        args += ["--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check"]
        if let rules = try network.hostResolverRules() { args.append("--host-resolver-rules=\(rules)") }
        if let deviceScaleFactor { args.append("--force-device-scale-factor=\(deviceScaleFactor)") }
        if let viewport { args.append("--window-size=\(viewport.width),\(viewport.height)") }
        if let language { args.append("--lang=\(language)") }
        if let userDataDirectory { args.append("--user-data-dir=\(userDataDirectory)") }
        return args + extraArguments
    }
}
