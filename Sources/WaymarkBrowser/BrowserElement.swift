import WaymarkModel

/// An element of a page in a session: a W3C web element reference with its commands.
///
/// A reference is valid in the window and frame it was found in, until the page replaces the node; after that its
/// commands fail with `browser.element-stale` and the element should be found again.
public struct BrowserElement: Hashable, Sendable, CustomStringConvertible {
    public let id: ElementID
    public let session: BrowserSession

    package init(id: ElementID, session: BrowserSession) {
        self.id = id
        self.session = session
    }

    public static func == (a: BrowserElement, b: BrowserElement) -> Bool { a.id == b.id && a.session === b.session }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public var description: String { "element \(id)" }

    private var wire: WebDriverWire { session.wire }
    private var sid: String { session.id }

    // MARK: Reading

    /// The rendered text (what a person sees: hidden parts left out, CSS text transforms applied).
    public func text() async throws(BrowserError) -> String { try await wire.elementText(sid, id) }
    /// The lower-case tag name, e.g. `button`.
    public func tagName() async throws(BrowserError) -> String { try await wire.elementTagName(sid, id) }
    /// The attribute as written in the markup; nil when absent.
    public func attribute(_ name: String) async throws(BrowserError) -> String? { try await wire.elementAttribute(sid, id, name) }
    /// A DOM property (`value`, `checked`, `selectedIndex` …) as it is now.
    public func property(_ name: String) async throws(BrowserError) -> ScriptValue { try await wire.elementProperty(sid, id, name) }
    /// A computed CSS value, e.g. `background-color`.
    public func cssValue(_ name: String) async throws(BrowserError) -> String { try await wire.elementCSSValue(sid, id, name) }
    /// The box in document CSS pixels (map it onto a screenshot with `Screenshot.pixelRect(for:)`).
    public func rect() async throws(BrowserError) -> ElementRect { try await wire.elementRect(sid, id) }
    public func isDisplayed() async throws(BrowserError) -> Bool { try await wire.elementFlag(sid, id, .displayed) }
    public func isEnabled() async throws(BrowserError) -> Bool { try await wire.elementFlag(sid, id, .enabled) }
    /// Checked (checkbox, radio) or selected (option).
    public func isSelected() async throws(BrowserError) -> Bool { try await wire.elementFlag(sid, id, .selected) }
    /// W3C Get Computed Label: the accessible name a screen reader announces.
    public func computedLabel() async throws(BrowserError) -> String { try await wire.computedLabel(sid, id) }
    /// W3C Get Computed Role, e.g. `button`, `textbox`, `combobox`.
    public func computedRole() async throws(BrowserError) -> String { try await wire.computedRole(sid, id) }
    /// A PNG of just this element.
    public func screenshot() async throws(BrowserError) -> [UInt8] { try await wire.elementScreenshot(sid, id) }

    // MARK: Acting

    /// W3C Element Click: scrolls the element into view and clicks its centre; `browser.element-not-interactable`
    /// when something covers it or it cannot be clicked. Waits for a navigation the click starts.
    public func click() async throws(BrowserError) { try await wire.click(sid, id, timeout: session.navigationDeadline) }
    /// Empties an input, text area or editable element.
    public func clear() async throws(BrowserError) { try await wire.clear(sid, id) }
    /// Focuses the element and types `text`; `Key` values in it (`Key.enter.value`) press those keys.
    public func sendKeys(_ text: String) async throws(BrowserError) { try await wire.sendKeys(sid, id, text) }

    /// Selects the `<option>` of this `<select>` whose text is `label` (white space collapsed).
    public func selectOption(label: String) async throws(BrowserError) {
        let literal = ElementFinder.xpathLiteral(label.collapsingWhitespace)
        try await selectOption(.xpath(".//option[normalize-space(translate(., '\u{00A0}', ' ')) = \(literal)]"), describedAs: "labelled “\(label)”")
    }

    /// Selects the `<option>` of this `<select>` whose value is `value`.
    public func selectOption(value: String) async throws(BrowserError) {
        try await selectOption(.xpath(".//option[@value = \(ElementFinder.xpathLiteral(value))]"), describedAs: "with value “\(value)”")
    }

    private func selectOption(_ locator: WebDriverLocator, describedAs what: String) async throws(BrowserError) {
        guard let option = try await findElements(locator).first else {
            throw BrowserError(.browserElementNotFound, "The list has no option \(what).")
        }
        if try await option.isSelected() { return }
        try await option.click()
    }

    // MARK: Searching below

    /// W3C Find Elements From Element.
    public func findElements(_ locator: WebDriverLocator) async throws(BrowserError) -> [BrowserElement] {
        try await session.findElements(locator, in: .element(id))
    }

    /// The element's open shadow root (W3C Get Element Shadow Root); nil when it hosts none.
    public func shadowRoot() async throws(BrowserError) -> BrowserShadowRoot? {
        try await wire.shadowRoot(sid, of: id).map { BrowserShadowRoot(id: $0, session: session) }
    }
}

/// An open shadow root of an element; finds inside it accept CSS and link-text locators.
public struct BrowserShadowRoot: Hashable, Sendable {
    public let id: ShadowRootID
    public let session: BrowserSession

    package init(id: ShadowRootID, session: BrowserSession) {
        self.id = id
        self.session = session
    }

    public static func == (a: BrowserShadowRoot, b: BrowserShadowRoot) -> Bool { a.id == b.id && a.session === b.session }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// W3C Find Elements From Shadow Root.
    public func findElements(_ locator: WebDriverLocator) async throws(BrowserError) -> [BrowserElement] {
        try await session.findElements(locator, in: .shadowRoot(id))
    }
}
