import WaymarkBrowser
import WaymarkLocators
import WaymarkModel

/// Performs a capture's steps in one browser session and records, for each, what the learner would see.
///
/// The session is the caller's (one per capture, so `--jobs N` runs N of these on one driver); the replayer holds
/// no other state and touches no disk. Every wait has the step timeout as its deadline, so a replay ends in bounded
/// time whatever the page does.
public struct CaptureReplayer: Sendable {
    public let session: BrowserSession
    public let mapping: OriginMapping
    public let settings: ReplaySettings

    public init(session: BrowserSession, mapping: OriginMapping, settings: ReplaySettings = ReplaySettings()) {
        self.session = session
        self.mapping = mapping
        self.settings = settings
    }

    /// What the replay remembers between steps.
    struct State {
        var permitted: Set<Origin>
        var primary: Origin?
        /// Fields a secret was typed into, painted over in every later screenshot.
        var sensitiveElements: [BrowserElement] = []
        var mainWindow: WindowHandle?
        var knownWindows: Set<WindowHandle> = []
        /// Fields (by their selectors) whose value came from a stored variable replay did not type.
        var fieldsWithUnknownValues: Set<String> = []
        /// Step index → the files its upload chooses (found by the caller in the capture's own folder).
        var uploads: [Int: [String]] = [:]
        /// The switch step that could not reach its frame or window: the steps after it, which happen there, are
        /// not performed (one finding, not one per step) until a switch to the main page or a window succeeds.
        var lostContextAt: Int?
    }

    /// Replays every step of a prepared capture, in order. `previousScreenshots` (step index → PNG) are the last
    /// refreshed screenshots, which each new one is compared with (`StepObservation.variation`). `uploads` (step
    /// index → absolute paths) are the files upload steps choose; an upload step without an entry is skipped, so
    /// the replayer itself never decides which file of the machine to send.
    public func replay(_ capture: Capture, previousScreenshots: [Int: [UInt8]] = [:], uploads: [Int: [String]] = [:]) async -> CaptureReplay {
        var replay = await replaySteps(capture, uploads: uploads)
        let compared = replay.observations.contains { $0.screenshot != nil && previousScreenshots[$0.index] != nil }
        // On a blank page: the application's own content security policy may forbid the data: images the
        // comparison draws, and its scripts have no business seeing the screenshots.
        if compared { try? await session.navigate(to: "about:blank") }
        for i in replay.observations.indices {
            guard let new = replay.observations[i].screenshot?.png, let old = previousScreenshots[replay.observations[i].index] else { continue }
            replay.observations[i].variation = await ScreenshotComparison.variation(old, new, in: session)
        }
        return replay
    }

    private func replaySteps(_ capture: Capture, uploads: [Int: [String]]) async -> CaptureReplay {
        var state = State(permitted: mapping.permittedOrigins(for: capture), primary: OriginMapping.primaryOrigin(of: capture))
        state.uploads = uploads
        state.mainWindow = try? await session.windowHandle()
        if let handles = try? await session.windowHandles() { state.knownWindows = Set(handles) }
        var observations: [StepObservation] = []
        let clock = ContinuousClock()
        for (index, step) in capture.steps.enumerated() {
            let start = clock.now
            var observation: StepObservation
            var fatal = false
            do {
                if let lost = state.lostContextAt, !Self.switchesToAWholePage(step) {
                    observation = StepObservation(index: index, outcome: .skipped,
                                                  message: "Not performed: step \(lost + 1) could not reach the frame or window it happens in.")
                } else {
                    observation = try await perform(step, index: index, state: &state)
                }
            } catch {
                observation = StepObservation(index: index, outcome: Self.outcome(for: error), message: error.diagnostic.message)
                fatal = Self.endsReplay(error)
            }
            if !fatal {
                observation.url = try? await session.currentURL()
                observation.title = try? await session.title()
            }
            // A page that cannot be reached (refused, unknown host, blocked) is Chromium's own error page, which
            // WebDriver reports as a successful navigation to the address asked for: the replay cannot go on.
            if !fatal, observation.outcome != .wrongPage, let reason = await errorPage() {
                observation.outcome = .wrongPage
                observation.message = "After step \(index + 1) the browser shows an error page (\(reason)) instead of "
                    + "\(observation.url ?? "the application"): check that the address (--base-url, --map) is reachable from here."
            }
            if let url = observation.url, observation.outcome != .wrongPage, let origin = Origin(url, allowingPath: true),
               !state.permitted.contains(origin.withoutPath) {
                observation.outcome = .wrongPage
                observation.message = "After step \(index + 1) the browser is on \(origin.withoutPath), which is not one of the capture's origins."
            }
            if step.action == .switchContext, observation.outcome != .skipped {
                state.lostContextAt = observation.outcome.isBroken ? (state.lostContextAt ?? index) : nil
            }
            observation.duration = start.duration(to: clock.now)
            observations.append(observation)
            if fatal || observation.outcome == .wrongPage {
                return CaptureReplay(capture: capture, observations: observations, stoppedAfter: index)
            }
        }
        return CaptureReplay(capture: capture, observations: observations)
    }

    /// A switch that does not depend on where the browser is: to the main page or top frame, or to a window.
    static func switchesToAWholePage(_ step: Step) -> Bool {
        guard step.action == .switchContext else { return false }
        return step.target?.role == "window" || step.value == "main" || step.target?.selectors.first == "relative=top"
    }

    /// When the browser shows its own error page rather than a page of the application: the network error it
    /// names (`ERR_CONNECTION_REFUSED`), or "no code"; nil on an ordinary page.
    private func errorPage() async -> String? {
        guard case .string(let code)? = try? await session.executeScript("""
            if (location.protocol !== 'chrome-error:') { return null; }
            var e = document.querySelector('.error-code');
            return (e && e.textContent.trim()) || 'no code';
            """)
        else { return nil }
        return code
    }

    /// Custom steps that are pointer actions on their element (Selenium's mouse commands the importer could not fold
    /// into a click or a drag, because other steps came between the press and the release).
    static let pointerSteps: Set<String> = ["mouseDown", "mouseDownAt", "mouseUp", "mouseUpAt", "mouseOut"]

    /// Assertions about an element's state rather than what it shows or holds.
    static let stateAssertions: Set<String> = ["checked", "not checked", "editable", "not editable", "present", "not present", ""]

    /// The first `${name}` in a value: a variable the recording stored while it ran (the importer already replaced
    /// those whose value it could read).
    static func storedVariable(in value: String) -> String? {
        guard let start = value.range(of: "${"), let end = value[start.upperBound...].firstIndex(of: "}") else { return nil }
        return String(value[start.lowerBound...end])
    }

    // MARK: Steps

    private func perform(_ step: Step, index: Int, state: inout State) async throws(BrowserError) -> StepObservation {
        switch step.action {
        case .navigate:
            guard let recorded = step.url, Origin(recorded, allowingPath: true) != nil else {
                return StepObservation(index: index, outcome: .skipped, message: "The step names no http(s) address.")
            }
            let url = mapping.rewrite(recorded, primary: state.primary)
            guard let origin = Origin(url, allowingPath: true), state.permitted.contains(origin.withoutPath) else {
                return StepObservation(index: index, outcome: .wrongPage, message: "\(url) is not one of the capture's origins.")
            }
            try await session.navigate(to: url)
            var observation = StepObservation(index: index, outcome: .ok)
            observation.screenshot = try await screenshot(state: state, extra: nil)
            if let landed = try? await session.currentURL(), let a = Origin(landed, allowingPath: true),
               let b = Origin(url, allowingPath: true), a.path != b.path {
                observation.message = "The page moved: \(url) now opens \(landed)."
            }
            return observation
        case .custom where Self.pointerSteps.contains(step.customType ?? ""):
            break  // performed on its element below
        case .custom where step.customType == "close":
            // The Recorder's `close` of a pop-up (the step before it switched there); the main window stays open.
            let current = try? await session.windowHandle()
            guard let current, current != state.mainWindow else {
                return StepObservation(index: index, outcome: .skipped, message: "Replay does not close the main window.")
            }
            _ = try await session.closeWindow()
            state.knownWindows.remove(current)
            if let main = state.mainWindow { try await session.switchToWindow(main) }
            return StepObservation(index: index, outcome: .ok)
        case .note, .custom:
            return StepObservation(index: index, outcome: .skipped, message: step.action == .note ? "A note." : "A custom step (\(step.customType ?? "unknown")).")
        case .upload where state.uploads[index] == nil:
            return StepObservation(index: index, outcome: .skipped, message: "The file to upload is not in the capture's folder.")
        case .switchContext:
            return try await switchContext(step, index: index, state: &state)
        default:
            break
        }
        if step.action == .assert, step.target?.role == "page title" {
            let title = try await session.title()
            let ok = title.collapsingWhitespace == (step.value ?? "").collapsingWhitespace
            return StepObservation(index: index, outcome: ok ? .ok : .assertionFailed,
                                   message: ok ? nil : "The page title is “\(title)”, not “\(step.value ?? "")”.")
        }
        if step.action == .assert, ["not present"].contains(step.value ?? "") {
            let queries = step.target.map(LocatorQuery.queries(for:)) ?? []
            try await session.waitUntil("the element to be gone", timeout: settings.stepTimeout) { () throws(BrowserError) in
                for q in queries {
                    let found = try await session.findAll(q, wait: .zero)
                    if !found.isEmpty { return false }
                }
                return true
            }
            return StepObservation(index: index, outcome: .ok)
        }
        guard let target = step.target, !LocatorQuery.queries(for: target).isEmpty else {
            if step.action == .press, let chord = Self.chord(step) {
                let shot = try await screenshot(state: state, extra: nil)
                try await session.press(chord)
                return StepObservation(index: index, outcome: .ok, screenshot: shot)
            }
            // Keys typed with no element named (the Recorder's keyDown/keyUp): they go where the focus is.
            if step.action == .type, let text = step.value, !step.sensitive, !text.isEmpty {
                guard let focused = try await session.activeElement() else {
                    return StepObservation(index: index, outcome: .notInteractable, message: "Nothing has the focus to type “\(text)” into.")
                }
                let shot = try await screenshot(state: state, extra: nil)
                try await focused.sendKeys(text)
                return StepObservation(index: index, outcome: .ok, screenshot: shot)
            }
            return StepObservation(index: index, outcome: .skipped, message: "The step names no element replay can find.")
        }
        // A value made from what the test stored while it ran (`${count}`) is not known to replay: the step is not
        // typed, and a later check of what that field holds is not judged either (it would fail for no reason).
        let targetKey = target.selectors.joined(separator: "\u{1F}")
        if [.type, .select].contains(step.action), let value = step.value, let variable = Self.storedVariable(in: value) {
            state.fieldsWithUnknownValues.insert(targetKey)
            return StepObservation(index: index, outcome: .skipped,
                                   message: "The value uses \(variable), which the recording stored while it ran; replay does not compute stored values.")
        }
        if step.action == .assert, state.fieldsWithUnknownValues.contains(targetKey),
           !Self.stateAssertions.contains(step.value ?? "") {
            return StepObservation(index: index, outcome: .skipped,
                                   message: "It checks a field whose value was made from a stored value; replay does not judge it.")
        }
        if step.action == .type, step.sensitive, settings.secret(for: step) == nil {
            return StepObservation(index: index, outcome: .needsSecret,
                                   message: "“\(target.label ?? "the field")” takes a secret; none was given (--secret LABEL=ENVVAR, or secrets: in waymark.yml).")
        }
        let element: BrowserElement
        switch try await locate(target) {
        case .found(let e):
            element = e
        case .ambiguous(let count):
            return StepObservation(index: index, outcome: .ambiguous,
                                   message: "\(Self.describe(target)) names \(count) elements; the step must name one.")
        case .notFound(let nearby):
            var message = "\(Self.describe(target)) not found"
            if let best = nearby.first { message += "; \(best) is on the page" }
            return StepObservation(index: index, outcome: .notFound, message: message + ".", nearby: nearby)
        }
        var observation = try await observe(element, state: state, sensitive: step.sensitive)
        observation.index = index
        try await act(step, on: element, observation: &observation, state: &state)
        return observation
    }

    /// The element's name, role, box and the screenshot just before the action.
    private func observe(_ element: BrowserElement, state: State, sensitive: Bool) async throws(BrowserError) -> StepObservation {
        _ = try? await session.executeScript(
            "if (arguments[0] && arguments[0].scrollIntoView) arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
            [.element(element.id)])
        let label = (try? await element.computedLabel())?.collapsingWhitespace
        let role = try? await element.computedRole()
        let rect = try await element.rect()
        let shot = try await coveredScreenshot(state: state, extra: sensitive ? element : nil)
        var observation = StepObservation(index: 0, outcome: .ok, computedLabel: label?.isEmpty == false ? label : nil,
                                          computedRole: role?.isEmpty == false ? role : nil)
        observation.screenshot = ObservedScreenshot(png: shot.png, width: shot.pixelWidth, height: shot.pixelHeight)
        let box = shot.pixelRect(for: rect)
        if !box.isEmpty { observation.highlight = Rect(x: box.x, y: box.y, width: box.width, height: box.height) }
        return observation
    }

    private func act(_ step: Step, on element: BrowserElement, observation: inout StepObservation, state: inout State) async throws(BrowserError) {
        switch step.action {
        case .click: try await element.click()
        case .doubleClick: try await session.doubleClick(element)
        case .rightClick: try await session.rightClick(element)
        case .hover: try await session.hover(element)
        case .type where (try? await element.tagName().lowercased()) == "select":
            // A recorder's `change` of a select it could not tell was one: choosing is what the person did.
            try await choose(step.value ?? "", in: element)
        case .type:
            let text = step.sensitive ? (settings.secret(for: step) ?? "") : (step.value ?? "")
            try? await element.clear()
            try await element.sendKeys(text)
            if step.sensitive { state.sensitiveElements.append(element) }
        case .select:
            try await choose(step.value ?? "", in: element)
        case .check, .uncheck:
            if try await element.isSelected() != (step.action == .check) { try await element.click() }
        case .press:
            guard let chord = Self.chord(step) else {
                observation.outcome = .skipped
                observation.message = "The key “\(step.key ?? "")” is not one replay knows."
                return
            }
            _ = try? await session.executeScript("arguments[0].focus();", [.element(element.id)])
            try await session.press(chord)
        case .drag:
            guard let destination = step.destination else { return }
            guard case .found(let onto) = try await locate(destination) else {
                observation.outcome = .notFound
                observation.message = "Where to drop, \(Self.describe(destination)), is not on the page."
                return
            }
            try await session.dragAndDrop(element, onto: onto)
        case .wait:
            try await wait(step, for: element)
        case .assert:
            if let problem = try await assertion(step, on: element) {
                observation.outcome = .assertionFailed
                observation.message = problem
            }
        case .custom:
            switch step.customType ?? "" {
            case "mouseDown", "mouseDownAt": try await session.mouseButton(down: true, over: element)
            case "mouseUp", "mouseUpAt": try await session.mouseButton(down: false, over: element)
            case "mouseOut": try await session.movePointerAway()
            default: break
            }
        case .upload:
            // W3C WebDriver sets a file field's files by sending their paths, one per line.
            guard let files = state.uploads[observation.index] else { return }
            try await element.sendKeys(files.joined(separator: "\n"))
        case .scroll, .navigate, .note, .switchContext:
            break  // scrolling to the element is done by observing it
        }
    }

    /// Chooses the option whose visible text is `value`, else the one whose value is.
    private func choose(_ value: String, in element: BrowserElement) async throws(BrowserError) {
        do { try await element.selectOption(label: value) } catch { try await element.selectOption(value: value) }
    }

    private func wait(_ step: Step, for element: BrowserElement) async throws(BrowserError) {
        let condition = step.value ?? ""
        if condition.contains("visible") {
            try await session.waitUntil("the element to be visible", timeout: settings.stepTimeout) { () throws(BrowserError) in
                try await element.isDisplayed()
            }
        } else if condition.contains("hidden") {
            try await session.waitUntil("the element to be hidden", timeout: settings.stepTimeout) { () throws(BrowserError) in
                let shown = try await element.isDisplayed()
                return !shown
            }
        } else if condition.contains("can be edited") {
            try await session.waitUntil("the element to be editable", timeout: settings.stepTimeout) { () throws(BrowserError) in
                try await element.isEnabled()
            }
        }
    }

    /// Nil when the assertion holds, else what the page shows instead.
    private func assertion(_ step: Step, on element: BrowserElement) async throws(BrowserError) -> String? {
        let expected = step.value ?? ""
        switch expected {
        case "checked", "not checked":
            let selected = try await element.isSelected()
            return selected == (expected == "checked") ? nil : "The element is \(selected ? "checked" : "not checked"), not \(expected)."
        case "editable", "not editable":
            let enabled = try await element.isEnabled()
            let readOnly = try await element.attribute("readonly") != nil
            let editable = enabled && !readOnly
            return editable == (expected == "editable") ? nil : "The element is \(editable ? "editable" : "not editable")."
        case "present", "":
            return nil
        case "visible", "hidden":
            let shown = try await element.isDisplayed()
            return shown == (expected == "visible") ? nil : "The element is \(shown ? "visible" : "hidden"), not \(expected)."
        default:
            // `not “…”` is how captures say "does not read …" (Selenium's assertNotText).
            if expected.hasPrefix("not “"), expected.hasSuffix("”"), expected.count > 5 {
                let unwanted = String(expected.dropFirst(5).dropLast())
                let (shows, text) = try await holds(unwanted, element)
                return shows ? "The element still shows “\(text)”." : nil
            }
            let (shows, text) = try await holds(expected, element)
            return shows ? nil : "The element shows “\(text)”, not “\(expected)”."
        }
    }

    /// Whether the element's text, value or selected option is `wanted` (white space collapsed), and its text.
    private func holds(_ wanted: String, _ element: BrowserElement) async throws(BrowserError) -> (Bool, String) {
        let want = wanted.collapsingWhitespace
        let text = (try await element.text()).collapsingWhitespace
        if text == want { return (true, text) }
        let value = try await element.property("value")
        if let value = value.stringValue, value.collapsingWhitespace == want { return (true, text) }
        let tag = try await element.tagName()
        if tag.lowercased() == "select" {
            let chosen = try await session.executeScript(
                "const s = arguments[0]; const o = s.options[s.selectedIndex]; return o ? [o.text, o.value] : [];",
                [.element(element.id)])
            for item in chosen.arrayValue ?? [] where item.stringValue?.collapsingWhitespace == want { return (true, text) }
        }
        return (false, text)
    }

    private func switchContext(_ step: Step, index: Int, state: inout State) async throws(BrowserError) -> StepObservation {
        let selector = step.target?.selectors.first ?? ""
        if step.target?.role == "window" {
            if step.value == "main", let main = state.mainWindow {
                try await session.switchToWindow(main)
            } else if Origin(selector, allowingPath: true) != nil {
                // A Chrome Recorder pop-up, named by the address it showed when recorded.
                let address = mapping.rewrite(selector, primary: state.primary)
                guard let handle = try await window(showing: address, state: &state) else {
                    return StepObservation(index: index, outcome: .notFound, message: "No window shows \(address).")
                }
                try await session.switchToWindow(handle)
            } else {
                let handle = try await session.waitForNewWindow(besides: state.knownWindows, timeout: settings.stepTimeout)
                state.knownWindows.insert(handle)
                try await session.switchToWindow(handle)
            }
            return StepObservation(index: index, outcome: .ok)
        }
        if selector == "relative=top" || step.value == "main" {
            try await session.switchToTopFrame()
        } else if selector == "relative=parent" {
            try await session.switchToParentFrame()
        } else if selector.hasPrefix("index="), let n = Int(selector.dropFirst(6)) {
            try await session.switchToFrame(index: n)
        } else if let target = step.target, !LocatorQuery.queries(for: target).isEmpty {
            guard case .found(let frame) = try await locate(target) else {
                return StepObservation(index: index, outcome: .notFound, message: "The frame \(Self.describe(target)) is not on the page.")
            }
            try await session.switchToFrame(frame)
        } else {
            return StepObservation(index: index, outcome: .skipped, message: "The step names no frame or window replay can find.")
        }
        return StepObservation(index: index, outcome: .ok)
    }

    /// The window whose page is `address` (fragment and a trailing slash aside), polled until the step timeout: a
    /// pop-up may take a moment to open. Windows not seen before become known.
    private func window(showing address: String, state: inout State) async throws(BrowserError) -> WindowHandle? {
        func normalized(_ url: String) -> String {
            var s = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
            while s.hasSuffix("/") { s.removeLast() }
            return s
        }
        let wanted = normalized(address)
        let current = try? await session.windowHandle()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: settings.stepTimeout)
        repeat {
            for handle in try await session.windowHandles() {
                try await session.switchToWindow(handle)
                state.knownWindows.insert(handle)
                if let url = try? await session.currentURL(), normalized(url) == wanted { return handle }
            }
            if let current { try await session.switchToWindow(current) }
            try? await Task.sleep(for: settings.pollInterval)
        } while clock.now < deadline
        return nil
    }

    // MARK: Finding

    enum Located {
        case found(BrowserElement)
        case ambiguous(Int)
        case notFound([NearbyElement])
    }

    /// Tries the target's queries in order until the deadline: the first that names exactly one element wins; a
    /// machine locator matching several takes the first, as the recorder did; words matching several are ambiguous.
    func locate(_ target: Target) async throws(BrowserError) -> Located {
        let queries = LocatorQuery.queries(for: target)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: settings.stepTimeout)
        while true {
            var firstOfSeveral: BrowserElement?
            var ambiguousCount = 0
            for query in queries {
                let found: [BrowserElement]
                do {
                    found = try await session.findAll(query, wait: .zero)
                } catch where error.code == .browserInvalidQuery || error.code == .browserNoSuchShadowRoot {
                    continue
                }
                if found.count == 1 { return .found(found[0]) }
                if found.count > 1 {
                    if LocatorQuery.isMachineLocator(query) { firstOfSeveral = firstOfSeveral ?? found[0] }
                    else { ambiguousCount = max(ambiguousCount, found.count) }
                }
            }
            if let firstOfSeveral { return .found(firstOfSeveral) }
            if ambiguousCount > 0 { return .ambiguous(ambiguousCount) }
            let now = clock.now
            if now >= deadline { break }
            do { try await Task.sleep(for: min(settings.pollInterval, now.duration(to: deadline))) } catch {
                throw BrowserError(.browserCancelled, "The replay was cancelled.")
            }
        }
        let role = target.role.map { AccessibleRole($0) }.flatMap { $0.isKnown ? $0 : nil }
        let nearby = (try? await session.candidates(role: role, similarTo: target.label, limit: 5)) ?? []
        return .notFound(nearby.map { NearbyElement(name: $0.name, role: $0.role) })
    }

    // MARK: Screenshots

    /// The viewport with every field a secret went into (and `extra`) painted over before the PNG is taken, so no
    /// secret reaches any pixel.
    private func coveredScreenshot(state: State, extra: BrowserElement?) async throws(BrowserError) -> WaymarkBrowser.Screenshot {
        let covered = state.sensitiveElements + (extra.map { [$0] } ?? [])
        if !covered.isEmpty {
            let cover = """
                for (const el of arguments) {
                  if (!el || !el.getBoundingClientRect) continue;
                  const r = el.getBoundingClientRect();
                  const d = document.createElement('div');
                  d.setAttribute('data-waymark-cover', '');
                  d.style.cssText = 'position:fixed;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width +
                    'px;height:' + r.height + 'px;background:#000;z-index:2147483647;pointer-events:none';
                  document.documentElement.appendChild(d);
                }
                return true;
                """
            for element in covered {
                // One at a time: a field of an earlier page is stale and must not stop the others being covered.
                _ = try? await session.executeScript(cover, [.element(element.id)])
            }
        }
        let shot = try await session.screenshot()
        if !covered.isEmpty {
            _ = try? await session.executeScript("document.querySelectorAll('[data-waymark-cover]').forEach(e => e.remove()); return true;")
        }
        return shot
    }

    /// The covered screenshot as an observation holds it.
    private func screenshot(state: State, extra: BrowserElement?) async throws(BrowserError) -> ObservedScreenshot {
        let shot = try await coveredScreenshot(state: state, extra: extra)
        return ObservedScreenshot(png: shot.png, width: shot.pixelWidth, height: shot.pixelHeight)
    }

    // MARK: Helpers

    static func chord(_ step: Step) -> KeyChord? {
        guard let name = step.key, let key = Key(named: name) else { return nil }
        let modifiers = step.modifiers.compactMap { WaymarkBrowser.KeyModifier(rawValue: $0.rawValue) }
        return KeyChord(key, modifiers: modifiers)
    }

    /// `“Submit” (button)`, or the first selector when the target has no label.
    static func describe(_ target: Target) -> String {
        if let label = target.label, target.labelSource != .identifier {
            return target.role.map { "“\(label)” (\($0))" } ?? "“\(label)”"
        }
        return target.selectors.first.map { "`\($0)`" } ?? "the element"
    }

    static func outcome(for error: BrowserError) -> StepOutcome {
        switch error.code {
        case .browserElementNotFound, .browserElementStale, .browserNoSuchFrame, .browserNoSuchWindow, .browserNoSuchShadowRoot:
            .notFound
        case .browserElementAmbiguous: .ambiguous
        case .browserTimeout, .browserPageLoadTimeout, .browserDriverUnresponsive: .timeout
        case .browserNavigationFailed: .wrongPage
        default: .notInteractable
        }
    }

    /// Errors after which the session cannot go on.
    static func endsReplay(_ error: BrowserError) -> Bool {
        [.browserSessionClosed, .browserDriverUnresponsive, .browserUnreachable, .browserCancelled, .browserNavigationFailed,
         .browserPageLoadTimeout].contains(error.code)
    }
}
