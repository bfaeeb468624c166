import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import WaymarkModel
import WaymarkJSON

/// The W3C WebDriver wire protocol: the only place in Waymark that sees HTTP, JSON request and response shapes, and
/// W3C error objects. Everything above it deals in `Sendable` Swift values (`ElementID`, `ScriptValue`,
/// `ElementRect`, `BrowserError` …).
///
/// **Why AsyncHTTPClient.** Foundation's `URLSession` on Linux cannot talk to chromedriver: chromedriver writes its
/// header lines without a space after the colon (`Content-Length:917`), which swift-corelibs-foundation's libcurl
/// glue rejects with "Failed writing header" (the same reply with `: ` works). AsyncHTTPClient parses those replies,
/// keeps connections to the driver alive between commands, and gives every request a deadline, so a hung browser
/// surfaces as `browser.driver-unresponsive` instead of a hung CI job.
///
/// JSON is read and written with WaymarkModel's own `JSONParser`/`JSONWriter` (exact numbers, no `Any`).
package struct WebDriverWire: Sendable {
    /// The endpoint, e.g. `http://127.0.0.1:41235` or `http://grid:4444` (no trailing slash).
    package let baseURL: String
    /// The deadline of a command that has no longer timeout of its own.
    package let commandTimeout: Duration

    package init(baseURL: String, commandTimeout: Duration) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.commandTimeout = commandTimeout
    }

    // MARK: - Endpoint and sessions

    /// `GET /status`: whether the endpoint can create sessions, and its message.
    package func status(timeout: Duration) async throws(BrowserError) -> (ready: Bool, message: String) {
        let value = try await send(.GET, "/status", what: "ask the WebDriver endpoint for its status", timeout: timeout)
        return (value["ready"]?.boolValue ?? false, value["message"]?.stringValue ?? "")
    }

    /// `POST /session` with W3C capabilities for Chrome/Chromium.
    package func newSession(_ request: NewSessionRequest, timeout: Duration) async throws(BrowserError) -> NewSessionReply {
        var chromeOptions: [(String, JSONNode?)] = [("args", .array(request.chromiumArguments.map(JSONNode.string)))]
        if let binary = request.chromiumBinary { chromeOptions.append(("binary", .string(binary))) }
        let alwaysMatch = JSONNode.object(compacting: [
            ("browserName", .string("chrome")),
            ("acceptInsecureCerts", .bool(request.acceptInsecureCertificates)),
            ("pageLoadStrategy", .string("normal")),
            ("unhandledPromptBehavior", .string("ignore")),
            ("timeouts", timeoutsNode(request.timeouts)),
            ("goog:chromeOptions", .object(compacting: chromeOptions)),
        ])
        let body = JSONNode.object([("capabilities", .object([("alwaysMatch", alwaysMatch)]))])
        let value: JSONNode
        do throws(BrowserError) {
            value = try await send(.POST, "/session", body, what: "start a browser session", timeout: timeout)
        } catch let error where error.code == .browserDriverError || error.code == .browserInvalidQuery {
            // chromedriver reports a browser that would not start as `session not created` or `unknown error`.
            throw BrowserError(.browserSessionFailed, error.diagnostic.message, webDriverError: error.webDriverError)
        }
        guard let id = value["sessionId"]?.stringValue else {
            throw protocolError("The new-session reply has no sessionId.")
        }
        let caps = value["capabilities"]
        return NewSessionReply(
            sessionID: id,
            browserName: caps?["browserName"]?.stringValue ?? "",
            browserVersion: caps?["browserVersion"]?.stringValue ?? "",
            browserProcessID: caps?["goog:processID"]?.intValue.map(Int32.init)
        )
    }

    /// `DELETE /session/{id}`: closes every window of the session and ends its browser.
    package func deleteSession(_ session: String, timeout: Duration) async throws(BrowserError) {
        _ = try await send(.DELETE, "/session/\(session)", what: "end the browser session", timeout: timeout)
    }

    package func setTimeouts(_ session: String, _ timeouts: BrowserTimeouts) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/timeouts", timeoutsNode(timeouts), what: "set the session timeouts")
    }

    package func timeouts(_ session: String) async throws(BrowserError) -> BrowserTimeouts {
        let v = try await send(.GET, "/session/\(session)/timeouts", what: "read the session timeouts")
        func duration(_ key: String, _ fallback: Duration) -> Duration {
            v[key]?.intValue.map { .milliseconds($0) } ?? fallback
        }
        return BrowserTimeouts(pageLoad: duration("pageLoad", .seconds(300)), script: duration("script", .seconds(30)),
                               implicit: duration("implicit", .zero))
    }

    // MARK: - Navigation

    /// `POST …/url`. A load that outlasts the page-load timeout is `browser.page-load-timeout`; a URL the browser
    /// cannot load (including hosts the network policy blocks) is `browser.navigation-failed`.
    package func navigate(_ session: String, to url: String, timeout: Duration) async throws(BrowserError) {
        do throws(BrowserError) {
            _ = try await send(.POST, "/session/\(session)/url", .object([("url", .string(url))]),
                               what: "open \(url)", timeout: timeout)
        } catch let error where error.webDriverError == .timeout {
            throw BrowserError(.browserPageLoadTimeout, "The page \(url) did not finish loading in time.",
                               webDriverError: .timeout)
        }
    }

    package func currentURL(_ session: String) async throws(BrowserError) -> String {
        try await string(.GET, "/session/\(session)/url", what: "read the current URL")
    }

    package func title(_ session: String) async throws(BrowserError) -> String {
        try await string(.GET, "/session/\(session)/title", what: "read the page title")
    }

    package func back(_ session: String, timeout: Duration) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/back", .object([]), what: "go back", timeout: timeout)
    }

    package func forward(_ session: String, timeout: Duration) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/forward", .object([]), what: "go forward", timeout: timeout)
    }

    package func refresh(_ session: String, timeout: Duration) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/refresh", .object([]), what: "reload the page", timeout: timeout)
    }

    package func pageSource(_ session: String) async throws(BrowserError) -> String {
        try await string(.GET, "/session/\(session)/source", what: "read the page source")
    }

    // MARK: - Windows and frames

    package func windowHandle(_ session: String) async throws(BrowserError) -> WindowHandle {
        WindowHandle(rawValue: try await string(.GET, "/session/\(session)/window", what: "read the current window"))
    }

    package func windowHandles(_ session: String) async throws(BrowserError) -> [WindowHandle] {
        let v = try await send(.GET, "/session/\(session)/window/handles", what: "list the windows")
        return (v.arrayValue ?? []).compactMap { $0.stringValue.map(WindowHandle.init(rawValue:)) }
    }

    /// Closes the current window; returns the handles still open.
    package func closeWindow(_ session: String) async throws(BrowserError) -> [WindowHandle] {
        let v = try await send(.DELETE, "/session/\(session)/window", what: "close the window")
        return (v.arrayValue ?? []).compactMap { $0.stringValue.map(WindowHandle.init(rawValue:)) }
    }

    package func switchToWindow(_ session: String, _ handle: WindowHandle) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/window", .object([("handle", .string(handle.rawValue))]),
                           what: "switch to window \(handle)")
    }

    /// `POST …/window/new` with type `tab` or `window`.
    package func newWindow(_ session: String, tab: Bool) async throws(BrowserError) -> WindowHandle {
        let v = try await send(.POST, "/session/\(session)/window/new", .object([("type", .string(tab ? "tab" : "window"))]),
                               what: "open a new window")
        guard let handle = v["handle"]?.stringValue else { throw protocolError("The new-window reply has no handle.") }
        return WindowHandle(rawValue: handle)
    }

    package func windowRect(_ session: String) async throws(BrowserError) -> WindowRect {
        let v = try await send(.GET, "/session/\(session)/window/rect", what: "read the window size")
        return WindowRect(x: v["x"]?.intValue ?? 0, y: v["y"]?.intValue ?? 0,
                          width: v["width"]?.intValue ?? 0, height: v["height"]?.intValue ?? 0)
    }

    package func setWindowSize(_ session: String, width: Int, height: Int) async throws(BrowserError) -> WindowRect {
        let v = try await send(.POST, "/session/\(session)/window/rect",
                               .object([("width", .number(width)), ("height", .number(height))]),
                               what: "resize the window to \(width)×\(height)")
        return WindowRect(x: v["x"]?.intValue ?? 0, y: v["y"]?.intValue ?? 0,
                          width: v["width"]?.intValue ?? 0, height: v["height"]?.intValue ?? 0)
    }

    package func switchToFrame(_ session: String, _ target: FrameTarget) async throws(BrowserError) {
        let id: JSONNode = switch target {
        case .top: .null
        case .index(let n): .number(n)
        case .element(let element): elementNode(element)
        }
        _ = try await send(.POST, "/session/\(session)/frame", .object([("id", id)]), what: "switch to the frame")
    }

    package func switchToParentFrame(_ session: String) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/frame/parent", .object([]), what: "switch to the parent frame")
    }

    // MARK: - Elements

    /// Find Elements (from the document, an element, or a shadow root). No match is an empty array, not an error.
    package func findElements(_ session: String, _ locator: WebDriverLocator, from root: SearchRoot) async throws(BrowserError) -> [ElementID] {
        let path = switch root {
        case .document: "/session/\(session)/elements"
        case .element(let e): "/session/\(session)/element/\(e.rawValue)/elements"
        case .shadowRoot(let s): "/session/\(session)/shadow/\(s.rawValue)/elements"
        }
        let body = JSONNode.object([("using", .string(locator.strategy)), ("value", .string(locator.value))])
        let v = try await send(.POST, path, body, what: "find elements by \(locator)")
        guard let items = v.arrayValue else { throw protocolError("Find Elements did not return an array.") }
        return try items.map { item throws(BrowserError) in
            guard let id = item[Self.elementKey]?.stringValue else { throw protocolError("Find Elements returned a non-element.") }
            return ElementID(rawValue: id)
        }
    }

    /// Get Element Shadow Root; nil when the element hosts no open shadow root.
    package func shadowRoot(_ session: String, of element: ElementID) async throws(BrowserError) -> ShadowRootID? {
        do throws(BrowserError) {
            let v = try await send(.GET, "/session/\(session)/element/\(element.rawValue)/shadow", what: "open the shadow root")
            guard let id = v[Self.shadowKey]?.stringValue else { throw protocolError("Get Element Shadow Root returned no shadow root.") }
            return ShadowRootID(rawValue: id)
        } catch let error where error.webDriverError == .noSuchShadowRoot {
            return nil
        }
    }

    package func activeElement(_ session: String) async throws(BrowserError) -> ElementID? {
        do throws(BrowserError) {
            let v = try await send(.GET, "/session/\(session)/element/active", what: "read the focused element")
            return v[Self.elementKey]?.stringValue.map(ElementID.init(rawValue:))
        } catch let error where error.webDriverError == .noSuchElement {
            return nil
        }
    }

    package func elementText(_ session: String, _ e: ElementID) async throws(BrowserError) -> String {
        try await string(.GET, elementPath(session, e, "text"), what: "read the element's text")
    }

    package func elementTagName(_ session: String, _ e: ElementID) async throws(BrowserError) -> String {
        try await string(.GET, elementPath(session, e, "name"), what: "read the element's tag name")
    }

    /// Get Element Attribute; nil when the attribute is absent.
    package func elementAttribute(_ session: String, _ e: ElementID, _ name: String) async throws(BrowserError) -> String? {
        let v = try await send(.GET, elementPath(session, e, "attribute/\(pathComponent(name))"), what: "read the attribute \(name)")
        return v.stringValue
    }

    package func elementProperty(_ session: String, _ e: ElementID, _ name: String) async throws(BrowserError) -> ScriptValue {
        scriptValue(try await send(.GET, elementPath(session, e, "property/\(pathComponent(name))"), what: "read the property \(name)"))
    }

    package func elementCSSValue(_ session: String, _ e: ElementID, _ name: String) async throws(BrowserError) -> String {
        try await string(.GET, elementPath(session, e, "css/\(pathComponent(name))"), what: "read the CSS value \(name)")
    }

    package func elementRect(_ session: String, _ e: ElementID) async throws(BrowserError) -> ElementRect {
        let v = try await send(.GET, elementPath(session, e, "rect"), what: "read the element's position")
        return ElementRect(x: v["x"]?.doubleValue ?? 0, y: v["y"]?.doubleValue ?? 0,
                           width: v["width"]?.doubleValue ?? 0, height: v["height"]?.doubleValue ?? 0)
    }

    /// `displayed` is chromedriver's and Selenium's "element displayedness" endpoint (W3C appendix).
    package func elementFlag(_ session: String, _ e: ElementID, _ flag: ElementFlag) async throws(BrowserError) -> Bool {
        let v = try await send(.GET, elementPath(session, e, flag.rawValue), what: "check whether the element is \(flag.rawValue)")
        guard let b = v.boolValue else { throw protocolError("Is Element \(flag.rawValue) did not return a boolean.") }
        return b
    }

    /// W3C Get Computed Label: the element's accessible name.
    package func computedLabel(_ session: String, _ e: ElementID) async throws(BrowserError) -> String {
        try await string(.GET, elementPath(session, e, "computedlabel"), what: "read the element's accessible name")
    }

    /// W3C Get Computed Role: the element's ARIA role as the browser computes it.
    package func computedRole(_ session: String, _ e: ElementID) async throws(BrowserError) -> String {
        try await string(.GET, elementPath(session, e, "computedrole"), what: "read the element's role")
    }

    package func click(_ session: String, _ e: ElementID, timeout: Duration) async throws(BrowserError) {
        _ = try await send(.POST, elementPath(session, e, "click"), .object([]), what: "click the element", timeout: timeout)
    }

    package func clear(_ session: String, _ e: ElementID) async throws(BrowserError) {
        _ = try await send(.POST, elementPath(session, e, "clear"), .object([]), what: "clear the element")
    }

    package func sendKeys(_ session: String, _ e: ElementID, _ text: String) async throws(BrowserError) {
        _ = try await send(.POST, elementPath(session, e, "value"), .object([("text", .string(text))]),
                           what: "type into the element")
    }

    package func elementScreenshot(_ session: String, _ e: ElementID) async throws(BrowserError) -> [UInt8] {
        try await base64(.GET, elementPath(session, e, "screenshot"), nil, what: "take a screenshot of the element")
    }

    // MARK: - Scripts, input, dialogs, screenshots, printing

    /// Execute Script (synchronous): `script` is a function body; `arguments` are its `arguments`.
    package func executeScript(_ session: String, _ script: String, _ arguments: [ScriptValue], timeout: Duration) async throws(BrowserError) -> ScriptValue {
        let body = JSONNode.object([("script", .string(script)), ("args", .array(arguments.map(jsonNode)))])
        return scriptValue(try await send(.POST, "/session/\(session)/execute/sync", body, what: "run a script", timeout: timeout))
    }

    /// Perform Actions.
    package func performActions(_ session: String, _ sources: [InputSource], timeout: Duration) async throws(BrowserError) {
        let body = JSONNode.object([("actions", .array(sources.map(actionSourceNode)))])
        _ = try await send(.POST, "/session/\(session)/actions", body, what: "perform input actions", timeout: timeout)
    }

    /// Release Actions: lifts every key and button the session holds down.
    package func releaseActions(_ session: String) async throws(BrowserError) {
        _ = try await send(.DELETE, "/session/\(session)/actions", what: "release input actions")
    }

    package func alertText(_ session: String) async throws(BrowserError) -> String {
        let v = try await send(.GET, "/session/\(session)/alert/text", what: "read the dialog's text")
        return v.stringValue ?? ""
    }

    package func acceptAlert(_ session: String) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/alert/accept", .object([]), what: "accept the dialog")
    }

    package func dismissAlert(_ session: String) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/alert/dismiss", .object([]), what: "dismiss the dialog")
    }

    package func sendAlertText(_ session: String, _ text: String) async throws(BrowserError) {
        _ = try await send(.POST, "/session/\(session)/alert/text", .object([("text", .string(text))]),
                           what: "type into the dialog")
    }

    /// Take Screenshot: the viewport as PNG bytes.
    package func screenshot(_ session: String) async throws(BrowserError) -> [UInt8] {
        try await base64(.GET, "/session/\(session)/screenshot", nil, what: "take a screenshot")
    }

    /// Print Page: PDF bytes.
    package func printPage(_ session: String, _ options: PrintOptions, timeout: Duration) async throws(BrowserError) -> [UInt8] {
        let (width, height) = options.paper.size
        var pairs: [(String, JSONNode?)] = [
            ("orientation", .string(options.orientation.rawValue)),
            ("scale", .number(options.scale)),
            ("background", .bool(options.background)),
            ("shrinkToFit", .bool(options.shrinkToFit)),
            ("page", .object([("width", .number(width)), ("height", .number(height))])),
            ("margin", .object([("top", .number(options.margins.top)), ("bottom", .number(options.margins.bottom)),
                                ("left", .number(options.margins.left)), ("right", .number(options.margins.right))])),
        ]
        if !options.pageRanges.isEmpty { pairs.append(("pageRanges", .array(options.pageRanges.map(JSONNode.string)))) }
        return try await base64(.POST, "/session/\(session)/print", .object(compacting: pairs), what: "print the page",
                                timeout: timeout)
    }

    // MARK: - Encoding

    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    private static let shadowKey = "shadow-6066-11e4-a52e-4f735466cecf"

    private func elementPath(_ session: String, _ e: ElementID, _ command: String) -> String {
        "/session/\(session)/element/\(e.rawValue)/\(command)"
    }

    /// Attribute, property and CSS names go into the URL path: percent-encode anything unusual.
    private func pathComponent(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? name
    }

    private func elementNode(_ e: ElementID) -> JSONNode { .object([(Self.elementKey, .string(e.rawValue))]) }

    private func timeoutsNode(_ t: BrowserTimeouts) -> JSONNode {
        .object([("pageLoad", .number(t.pageLoad.wholeMilliseconds)), ("script", .number(t.script.wholeMilliseconds)),
                 ("implicit", .number(t.implicit.wholeMilliseconds))])
    }

    private func jsonNode(_ value: ScriptValue) -> JSONNode {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(jsonNode))
        case .object(let members): .object(members.map { ($0.key, jsonNode($0.value)) })
        case .element(let e): elementNode(e)
        case .shadowRoot(let s): .object([(Self.shadowKey, .string(s.rawValue))])
        }
    }

    private func scriptValue(_ node: JSONNode) -> ScriptValue {
        switch node.kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(Double(n) ?? 0)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(scriptValue))
        case .object(let members):
            if members.count == 1, let id = members[0].value.stringValue {
                if members[0].key == Self.elementKey { return .element(ElementID(rawValue: id)) }
                if members[0].key == Self.shadowKey { return .shadowRoot(ShadowRootID(rawValue: id)) }
            }
            var object: [String: ScriptValue] = [:]
            for member in members where object[member.key] == nil { object[member.key] = scriptValue(member.value) }
            return .object(object)
        }
    }

    private func origin(_ origin: PointerOrigin) -> JSONNode {
        switch origin {
        case .viewport: .string("viewport")
        case .pointer: .string("pointer")
        case .element(let e): elementNode(e)
        }
    }

    private func actionSourceNode(_ source: InputSource) -> JSONNode {
        switch source {
        case .keyboard(let id, let actions):
            return .object([("type", .string("key")), ("id", .string(id)), ("actions", .array(actions.map { action in
                switch action {
                case .down(let key): .object([("type", .string("keyDown")), ("value", .string(key.value))])
                case .up(let key): .object([("type", .string("keyUp")), ("value", .string(key.value))])
                case .pause(let d): .object([("type", .string("pause")), ("duration", .number(d.wholeMilliseconds))])
                }
            }))])
        case .mouse(let id, let actions):
            return .object([
                ("type", .string("pointer")), ("id", .string(id)),
                ("parameters", .object([("pointerType", .string("mouse"))])),
                ("actions", .array(actions.map { action in
                    switch action {
                    case .move(let x, let y, let o, let d):
                        .object([("type", .string("pointerMove")), ("x", .number(x)), ("y", .number(y)),
                                 ("origin", origin(o)), ("duration", .number(d.wholeMilliseconds))])
                    case .down(let b): .object([("type", .string("pointerDown")), ("button", .number(b.rawValue))])
                    case .up(let b): .object([("type", .string("pointerUp")), ("button", .number(b.rawValue))])
                    case .pause(let d): .object([("type", .string("pause")), ("duration", .number(d.wholeMilliseconds))])
                    }
                })),
            ])
        case .wheel(let id, let actions):
            return .object([("type", .string("wheel")), ("id", .string(id)), ("actions", .array(actions.map { action in
                switch action {
                case .scroll(let x, let y, let dx, let dy, let o, let d):
                    .object([("type", .string("scroll")), ("x", .number(x)), ("y", .number(y)),
                             ("deltaX", .number(dx)), ("deltaY", .number(dy)), ("origin", origin(o)),
                             ("duration", .number(d.wholeMilliseconds))])
                case .pause(let d): .object([("type", .string("pause")), ("duration", .number(d.wholeMilliseconds))])
                }
            }))])
        }
    }

    // MARK: - HTTP

    private func string(_ method: HTTPMethod, _ path: String, what: String) async throws(BrowserError) -> String {
        let v = try await send(method, path, what: what)
        guard let s = v.stringValue else { throw protocolError("Could not \(what): the reply is \(v.kindDescription), not a string.") }
        return s
    }

    private func base64(_ method: HTTPMethod, _ path: String, _ body: JSONNode?, what: String, timeout: Duration? = nil) async throws(BrowserError) -> [UInt8] {
        let v = try await send(method, path, body, what: what, timeout: timeout)
        guard let text = v.stringValue, let data = Data(base64Encoded: text) else {
            throw protocolError("Could not \(what): the reply is not base64 data.")
        }
        return [UInt8](data)
    }

    private func protocolError(_ message: String) -> BrowserError {
        BrowserError(.browserProtocolError, message)
    }

    /// Sends one command and returns the reply's `value`, or throws the W3C error it carries as a `BrowserError`.
    private func send(
        _ method: HTTPMethod, _ path: String, _ body: JSONNode? = nil, what: String, timeout: Duration? = nil
    ) async throws(BrowserError) -> JSONNode {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            let text = JSONWriter.write(body, pretty: false)
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(string: text))
        }
        let limit = timeout ?? commandTimeout
        let status: UInt
        let bytes: [UInt8]
        do {
            let response = try await Self.client.execute(request, timeout: .milliseconds(Int64(limit.wholeMilliseconds)))
            status = response.status.code
            var buffer = try await response.body.collect(upTo: Self.maximumReplyBytes)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw transportError(error, what: what, timeout: limit)
        }
        let node: JSONNode
        do {
            node = try JSONParser.parse(bytes, file: nil, maxDepth: 512)
        } catch {
            let head = String(decoding: bytes.prefix(120), as: UTF8.self)
            throw protocolError("Could not \(what): \(baseURL) answered HTTP \(status) with something that is not JSON (“\(head)”).")
        }
        guard let value = node["value"] else {
            throw protocolError("Could not \(what): the reply (HTTP \(status)) has no “value”.")
        }
        if let code = value["error"]?.stringValue {
            throw remoteError(WebDriverErrorKind(rawValue: code), message: value["message"]?.stringValue ?? "", what: what)
        }
        guard (200..<300).contains(status) else {
            throw protocolError("Could not \(what): HTTP \(status) without a W3C error.")
        }
        return value
    }

    /// A W3C error as a diagnostic. chromedriver's `unknown error` is refined from its message where it says what
    /// happened: a crashed or vanished browser, or a URL the browser could not load.
    private func remoteError(_ kind: WebDriverErrorKind, message: String, what: String) -> BrowserError {
        var text = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? kind.rawValue
        if let range = text.range(of: "(Session info:") { text = String(text[..<range.lowerBound]) }
        text = text.trimmingCharacters(in: .whitespaces)
        var code = kind.diagnosticCode
        if kind == .unknownError || kind == .invalidSessionID {
            let lower = message.lowercased()
            if lower.contains("net::err_") {
                code = .browserNavigationFailed
            } else if lower.contains("not reachable") || lower.contains("disconnected") || lower.contains("crashed")
                        || lower.contains("session deleted") || lower.contains("target window already closed") {
                code = .browserSessionClosed
            }
        }
        return BrowserError(code, "Could not \(what): \(text)", webDriverError: kind)
    }

    private func transportError(_ error: any Error, what: String, timeout: Duration) -> BrowserError {
        if error is CancellationError { return .cancelled }
        if let http = error as? HTTPClientError {
            if http == .cancelled { return .cancelled }
            if http == .deadlineExceeded || http == .readTimeout {
                return BrowserError(.browserDriverUnresponsive,
                                    "Could not \(what): \(baseURL) did not answer within \(timeout.secondsText).")
            }
        }
        if error is NIOTooManyBytesError {
            return protocolError("Could not \(what): the reply is larger than \(Self.maximumReplyBytes / 1_048_576) MiB.")
        }
        return BrowserError(.browserUnreachable, "Could not \(what): cannot reach \(baseURL) (\(error)).")
    }

    /// Screenshots and PDFs arrive base64-encoded in JSON; a full-page print of a long guide stays far below this.
    private static let maximumReplyBytes = 512 * 1_048_576

    /// One client for every driver and session of the process: connections to each endpoint are pooled and kept
    /// alive; redirects are refused (a WebDriver endpoint never redirects), there is no proxy, a refused connection
    /// fails at once, and each request carries its own deadline. It lives as long as the process, so it is never
    /// shut down.
    private static let client: HTTPClient = {
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60))
        // A refused connection means the driver is gone: say so at once instead of retrying until the deadline.
        pool.retryConnectionEstablishment = false
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: nil),
            connectionPool: pool,
            proxy: nil,
            decompression: .disabled
        )
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}

/// The three boolean element states W3C WebDriver can be asked for.
package enum ElementFlag: String, Sendable {
    case displayed, enabled, selected
}

/// What a new session needs from the options: Chromium's arguments and binary, W3C timeouts.
package struct NewSessionRequest: Sendable {
    package var chromiumArguments: [String]
    package var chromiumBinary: String?
    package var acceptInsecureCertificates: Bool
    package var timeouts: BrowserTimeouts

    package init(chromiumArguments: [String], chromiumBinary: String?, acceptInsecureCertificates: Bool, timeouts: BrowserTimeouts) {
        self.chromiumArguments = chromiumArguments
        self.chromiumBinary = chromiumBinary
        self.acceptInsecureCertificates = acceptInsecureCertificates
        self.timeouts = timeouts
    }
}

/// What the endpoint says about a session it created.
package struct NewSessionReply: Sendable {
    package var sessionID: String
    package var browserName: String
    package var browserVersion: String
    /// chromedriver's `goog:processID`: the browser's main process, when the endpoint reports it.
    package var browserProcessID: Int32?
}
