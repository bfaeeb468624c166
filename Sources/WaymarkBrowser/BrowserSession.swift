import WaymarkModel

/// One browser (a W3C WebDriver session): navigation, elements, input, frames, windows, dialogs, screenshots and
/// PDF printing, as `Sendable` Swift values.
///
/// A session is a single browser with one current window and frame, so drive it from one task at a time; run
/// captures in parallel with one session each (`BrowserDriver.newSession` may be called concurrently). Every
/// command has a deadline, and every wait polls a condition until a deadline — none sleeps a fixed time.
public final class BrowserSession: Sendable {
    /// The session id the endpoint assigned.
    public let id: String
    public let options: SessionOptions
    /// What the endpoint reported, e.g. `chrome` and `156.0.8078.114`.
    public let browserName: String
    public let browserVersion: String
    /// The browser's main process id, when the endpoint reports it (chromedriver does, as `goog:processID`).
    package let browserProcessID: Int32?
    let wire: WebDriverWire
    let driver: BrowserDriver

    init(reply: NewSessionReply, options: SessionOptions, wire: WebDriverWire, driver: BrowserDriver) {
        self.id = reply.sessionID
        self.options = options
        self.browserName = reply.browserName
        self.browserVersion = reply.browserVersion
        self.browserProcessID = reply.browserProcessID
        self.wire = wire
        self.driver = driver
    }

    /// Ends the session and its browser. Closing twice, or after the browser died, is not an error.
    public func close() async {
        await driver.closeSession(id)
    }

    // MARK: Navigation

    /// Opens `url` and waits for its load event (up to the page-load timeout: `browser.page-load-timeout`).
    public func navigate(to url: String) async throws(BrowserError) {
        try await wire.navigate(id, to: url, timeout: navigationDeadline)
    }

    public func currentURL() async throws(BrowserError) -> String { try await wire.currentURL(id) }
    public func title() async throws(BrowserError) -> String { try await wire.title(id) }
    public func pageSource() async throws(BrowserError) -> String { try await wire.pageSource(id) }
    public func back() async throws(BrowserError) { try await wire.back(id, timeout: navigationDeadline) }
    public func forward() async throws(BrowserError) { try await wire.forward(id, timeout: navigationDeadline) }
    public func refresh() async throws(BrowserError) { try await wire.refresh(id, timeout: navigationDeadline) }

    /// `document.readyState`: `loading`, `interactive` or `complete`.
    public func readyState() async throws(BrowserError) -> String {
        try await executeScript("return document.readyState;").stringValue ?? ""
    }

    /// Waits until `document.readyState` is `complete`.
    public func waitForDocumentReady(timeout: Duration? = nil) async throws(BrowserError) {
        try await waitUntil("the page to finish loading", timeout: timeout) { () throws(BrowserError) in
            try await self.readyState() == "complete"
        }
    }

    // MARK: Finding elements

    /// W3C Find Elements with one locator, from the document, an element or a shadow root; no waiting.
    public func findElements(_ locator: WebDriverLocator, in root: SearchRoot = .document) async throws(BrowserError) -> [BrowserElement] {
        try await wire.findElements(id, locator, from: root).map { BrowserElement(id: $0, session: self) }
    }

    /// Every element `query` matches, waiting up to `wait` (default: `options.elementWait`) for at least one.
    /// An empty array means nothing matched in time.
    public func findAll(_ query: ElementQuery, wait: Duration? = nil) async throws(BrowserError) -> [BrowserElement] {
        let finder = ElementFinder(session: self)
        return try await poll(timeout: wait ?? options.elementWait, interval: options.pollInterval) { () throws(BrowserError) in
            let found = try await finder.matches(query)
            return found.isEmpty ? nil : found
        } ?? []
    }

    /// The one element `query` names: found, ambiguous, or not found with the candidates a person would look at.
    public func resolve(_ query: ElementQuery, wait: Duration? = nil) async throws(BrowserError) -> ElementResolution {
        let found = try await findAll(query, wait: wait)
        switch found.count {
        case 1: return .found(found[0])
        case 0:
            let nearby = try await candidates(role: query.role, similarTo: query.readableName)
            return .notFound(nearby: nearby)
        default: return .ambiguous(found)
        }
    }

    /// The one element `query` names, or `browser.element-not-found` / `browser.element-ambiguous` saying what is
    /// on the page instead.
    public func find(_ query: ElementQuery, wait: Duration? = nil) async throws(BrowserError) -> BrowserElement {
        let waited = wait ?? options.elementWait
        switch try await resolve(query, wait: waited) {
        case .found(let element):
            return element
        case .ambiguous(let elements):
            throw BrowserError(.browserElementAmbiguous,
                               "\(query) matches \(elements.count) elements; a step must name exactly one.")
        case .notFound(let nearby):
            var message = "\(query) is not on the page (waited \(waited.secondsText))."
            if let best = nearby.first { message = "\(query) is not on the page (waited \(waited.secondsText)); \(best) is." }
            throw BrowserError(.browserElementNotFound, message)
        }
    }

    /// Elements of `role` (or of the common interactive roles) with their accessible names and roles, the most
    /// similar to `name` first, then in page order; elements without a name are left out.
    public func candidates(role: AccessibleRole? = nil, similarTo name: String? = nil, limit: Int = 10) async throws(BrowserError) -> [ElementCandidate] {
        try await ElementFinder(session: self).candidates(role: role, similarTo: name, limit: limit)
    }

    /// The focused element, if any.
    public func activeElement() async throws(BrowserError) -> BrowserElement? {
        try await wire.activeElement(id).map { BrowserElement(id: $0, session: self) }
    }

    // MARK: Waiting

    /// Polls `condition` until it is true; `browser.timeout` naming `what` when `timeout` (default:
    /// `options.elementWait`) runs out first.
    public func waitUntil(
        _ what: String, timeout: Duration? = nil, _ condition: () async throws(BrowserError) -> Bool
    ) async throws(BrowserError) {
        let limit = timeout ?? options.elementWait
        let done: Bool? = try await poll(timeout: limit, interval: options.pollInterval) { () throws(BrowserError) in
            try await condition() ? true : nil
        }
        if done == nil {
            throw BrowserError(.browserTimeout, "Waited \(limit.secondsText) for \(what); it did not happen.")
        }
    }

    // MARK: Scripts

    /// Execute Script: `script` is a function body (`return …;`), `arguments` its arguments. For the few facts
    /// WebDriver has no command for; a script that throws is `browser.script-error`.
    public func executeScript(_ script: String, _ arguments: [ScriptValue] = []) async throws(BrowserError) -> ScriptValue {
        try await wire.executeScript(id, script, arguments, timeout: options.timeouts.script + .seconds(15))
    }

    /// `window.devicePixelRatio`.
    public func devicePixelRatio() async throws(BrowserError) -> Double {
        try await executeScript("return window.devicePixelRatio;").doubleValue ?? 1
    }

    /// The document's scroll offset in CSS pixels.
    public func scrollPosition() async throws(BrowserError) -> (x: Double, y: Double) {
        let v = try await executeScript("return [window.scrollX, window.scrollY];")
        return (v[0]?.doubleValue ?? 0, v[1]?.doubleValue ?? 0)
    }

    /// Scrolls the document (or `element`, when it is a scroll container) to an absolute offset, as recorders'
    /// scroll steps record it.
    public func scroll(toX x: Double, y: Double, in element: BrowserElement? = nil) async throws(BrowserError) {
        if let element {
            _ = try await executeScript("arguments[0].scrollTo(arguments[1], arguments[2]);", [.element(element.id), .number(x), .number(y)])
        } else {
            _ = try await executeScript("window.scrollTo(arguments[0], arguments[1]);", [.number(x), .number(y)])
        }
    }

    /// The viewport size in CSS pixels.
    public func viewportSize() async throws(BrowserError) -> ViewportSize {
        let v = try await executeScript("return [window.innerWidth, window.innerHeight];")
        return ViewportSize(width: v[0]?.intValue ?? 0, height: v[1]?.intValue ?? 0)
    }

    // MARK: Input

    /// Perform Actions with raw input sources.
    public func perform(_ sources: [InputSource]) async throws(BrowserError) {
        try await wire.performActions(id, sources, timeout: navigationDeadline)
    }

    /// Releases every key and mouse button the session holds down.
    public func releaseInputs() async throws(BrowserError) { try await wire.releaseActions(id) }

    /// Clicks the element with `button` using the pointer (the element's centre), unlike `BrowserElement.click()`,
    /// which is W3C Element Click.
    public func click(_ element: BrowserElement, button: MouseButton = .left, count: Int = 1) async throws(BrowserError) {
        var actions: [PointerAction] = [.move(origin: .element(element.id))]
        for _ in 0..<max(1, count) { actions += [.down(button), .up(button)] }
        try await perform([.mouse(actions)])
    }

    public func doubleClick(_ element: BrowserElement) async throws(BrowserError) {
        try await click(element, count: 2)
    }

    /// Opens the context menu of `element` (right button).
    public func rightClick(_ element: BrowserElement) async throws(BrowserError) {
        try await click(element, button: .right)
    }

    /// Moves the pointer over the element's centre (plus an offset), firing its hover events.
    public func hover(_ element: BrowserElement, offsetX: Int = 0, offsetY: Int = 0) async throws(BrowserError) {
        try await perform([.mouse([.move(x: offsetX, y: offsetY, origin: .element(element.id))])])
    }

    /// Presses (`down`) or releases the left mouse button over the element's centre, leaving it that way until the
    /// other call: Selenium's `mouseDown`/`mouseUp` with other steps in between (the session keeps the input state).
    public func mouseButton(down: Bool, over element: BrowserElement) async throws(BrowserError) {
        try await perform([.mouse([.move(origin: .element(element.id)), down ? .down(.left) : .up(.left)])])
    }

    /// Moves the pointer to the viewport's top-left corner, off whatever it was over (Selenium's `mouseOut`).
    public func movePointerAway() async throws(BrowserError) {
        try await perform([.mouse([.move(x: 0, y: 0, origin: .viewport)])])
    }

    /// Drags `source` onto `target` with the mouse (presses on the source, moves in steps, releases on the
    /// target), which fires HTML drag-and-drop events in Chromium.
    public func dragAndDrop(_ source: BrowserElement, onto target: BrowserElement) async throws(BrowserError) {
        try await perform([.mouse([
            .move(origin: .element(source.id)),
            .down(.left),
            .move(x: 2, y: 2, origin: .element(source.id), duration: .milliseconds(50)),
            .move(origin: .element(target.id), duration: .milliseconds(150)),
            .up(.left),
        ])])
    }

    /// Presses a key with modifiers held (Ctrl+S, Shift+Tab, Meta+L) in whatever has focus.
    public func press(_ chord: KeyChord) async throws(BrowserError) {
        try await perform([.keyboard(chord.keyActions)])
    }

    /// Turns the scroll wheel by `(deltaX, deltaY)` CSS pixels over `element`, or over the viewport's top-left
    /// corner when nil.
    public func scrollWheel(deltaX: Int = 0, deltaY: Int, over element: BrowserElement? = nil) async throws(BrowserError) {
        let origin: PointerOrigin = element.map { .element($0.id) } ?? .viewport
        try await perform([.wheel([.scroll(x: 0, y: 0, deltaX: deltaX, deltaY: deltaY, origin: origin)])])
    }

    // MARK: Frames

    /// Enters the frame whose `<iframe>`/`<frame>` element this is.
    public func switchToFrame(_ frameElement: BrowserElement) async throws(BrowserError) {
        try await wire.switchToFrame(id, .element(frameElement.id))
    }

    /// Enters the n-th frame of the current document.
    public func switchToFrame(index: Int) async throws(BrowserError) {
        try await wire.switchToFrame(id, .index(index))
    }

    public func switchToParentFrame() async throws(BrowserError) { try await wire.switchToParentFrame(id) }

    /// Back to the top-level document of the current window.
    public func switchToTopFrame() async throws(BrowserError) { try await wire.switchToFrame(id, .top) }

    /// Enters a frame path from the top-level document (what `ElementQuery.frames` does before searching).
    public func switchToFrames(_ path: [FrameSelector]) async throws(BrowserError) {
        try await wire.switchToFrame(id, .top)
        for step in path {
            switch step {
            case .index(let n):
                try await wire.switchToFrame(id, .index(n))
            case .element(let query):
                let frame = try await find(query.frames == nil ? query : ElementQuery(query.kind))
                try await wire.switchToFrame(id, .element(frame.id))
            }
        }
    }

    // MARK: Windows

    public func windowHandle() async throws(BrowserError) -> WindowHandle { try await wire.windowHandle(id) }
    public func windowHandles() async throws(BrowserError) -> [WindowHandle] { try await wire.windowHandles(id) }
    public func switchToWindow(_ handle: WindowHandle) async throws(BrowserError) { try await wire.switchToWindow(id, handle) }

    /// Closes the current window and returns the windows still open (switch to one before the next command).
    @discardableResult
    public func closeWindow() async throws(BrowserError) -> [WindowHandle] { try await wire.closeWindow(id) }

    /// Opens a new tab (or window) and returns its handle; the session stays in the current one.
    public func newWindow(tab: Bool = true) async throws(BrowserError) -> WindowHandle {
        try await wire.newWindow(id, tab: tab)
    }

    /// Waits for a window that is not in `known` (a popup, a link with `target=_blank`) and returns it.
    public func waitForNewWindow(besides known: Set<WindowHandle>, timeout: Duration? = nil) async throws(BrowserError) -> WindowHandle {
        let limit = timeout ?? options.elementWait
        let handle = try await poll(timeout: limit, interval: options.pollInterval) { () throws(BrowserError) in
            try await self.windowHandles().first { !known.contains($0) }
        }
        guard let handle else {
            throw BrowserError(.browserTimeout, "Waited \(limit.secondsText) for a new window to open; none did.")
        }
        return handle
    }

    public func windowRect() async throws(BrowserError) -> WindowRect { try await wire.windowRect(id) }

    /// Sets the outer window size.
    @discardableResult
    public func setWindowSize(width: Int, height: Int) async throws(BrowserError) -> WindowRect {
        try await wire.setWindowSize(id, width: width, height: height)
    }

    /// Resizes the window so the viewport is exactly `size` CSS pixels (the window is larger by its own frame).
    public func setViewportSize(_ size: ViewportSize) async throws(BrowserError) {
        for _ in 0..<3 {
            let inner = try await viewportSize()
            if inner == size { return }
            let outer = try await windowRect()
            try await setWindowSize(width: outer.width + size.width - inner.width,
                                    height: outer.height + size.height - inner.height)
        }
        let inner = try await viewportSize()
        guard inner == size else {
            throw BrowserError(.browserInvalidOption,
                               "The viewport cannot be \(size); the browser keeps it at \(inner) (window managers and minimum sizes can refuse).")
        }
    }

    // MARK: Dialogs

    /// The text of the open alert, confirm or prompt dialog (`browser.no-alert` when none is open).
    public func alertText() async throws(BrowserError) -> String { try await wire.alertText(id) }
    public func acceptAlert() async throws(BrowserError) { try await wire.acceptAlert(id) }
    public func dismissAlert() async throws(BrowserError) { try await wire.dismissAlert(id) }
    /// Types into an open prompt dialog.
    public func sendAlertText(_ text: String) async throws(BrowserError) { try await wire.sendAlertText(id, text) }

    /// Waits for a dialog to open and returns its text.
    public func waitForAlert(timeout: Duration? = nil) async throws(BrowserError) -> String {
        let limit = timeout ?? options.elementWait
        let text = try await poll(timeout: limit, interval: options.pollInterval) { () throws(BrowserError) -> String? in
            do throws(BrowserError) { return try await self.wire.alertText(self.id) } catch where error.webDriverError == .noSuchAlert { return nil }
        }
        guard let text else {
            throw BrowserError(.browserTimeout, "Waited \(limit.secondsText) for a dialog to open; none did.")
        }
        return text
    }

    // MARK: Timeouts

    public func timeouts() async throws(BrowserError) -> BrowserTimeouts { try await wire.timeouts(id) }
    /// Changes the session's W3C timeouts (the HTTP deadlines of later commands follow `options.timeouts`).
    public func setTimeouts(_ timeouts: BrowserTimeouts) async throws(BrowserError) { try await wire.setTimeouts(id, timeouts) }

    // MARK: Screenshots and printing

    /// The viewport as PNG, with the device pixel ratio and scroll offset read right before it, so element rects
    /// map onto it (`Screenshot.pixelRect(for:)`).
    public func screenshot() async throws(BrowserError) -> Screenshot {
        let metrics = try await executeScript("return [window.devicePixelRatio, window.scrollX, window.scrollY];")
        let png = try await wire.screenshot(id)
        guard let size = Screenshot.pngSize(png) else {
            throw BrowserError(.browserProtocolError, "Take Screenshot did not return a PNG image.")
        }
        return Screenshot(png: png, pixelWidth: size.width, pixelHeight: size.height,
                          devicePixelRatio: metrics[0]?.doubleValue ?? 1,
                          scrollX: metrics[1]?.doubleValue ?? 0, scrollY: metrics[2]?.doubleValue ?? 0)
    }

    /// W3C Print Page: the current page as PDF bytes (printed guides use this).
    public func printPage(_ options: PrintOptions = PrintOptions()) async throws(BrowserError) -> [UInt8] {
        let pdf = try await wire.printPage(id, options, timeout: navigationDeadline)
        guard pdf.starts(with: Array("%PDF-".utf8)) else {
            throw BrowserError(.browserProtocolError, "Print Page did not return a PDF document.")
        }
        return pdf
    }

    // MARK: -

    /// Commands that may wait for a page load get the page-load timeout plus a margin, so the browser reports its
    /// own timeout before the HTTP deadline cuts the request.
    var navigationDeadline: Duration { options.timeouts.pageLoad + .seconds(15) }
}
