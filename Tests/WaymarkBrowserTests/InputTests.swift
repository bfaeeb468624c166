import Foundation
import Testing
import WaymarkModel
@testable import WaymarkBrowser

/// What replay does to a page: select, check, type, press keys with modifiers, hover, click with either button,
/// drag and drop, scroll — through W3C element commands and Actions, checked by what the page saw.
@Suite(.serialized, .enabled(if: BrowserTestEnvironment.replaySitesAvailable, BrowserTestEnvironment.missingSitesReason),
       .sharedBrowser())
struct InputTests {
    @Test func selectsOptionsByLabelAndValue() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/select.html"))
        let select = try await f.session.find(.accessibleName("Select", role: "drop-down list"))
        try await select.selectOption(label: "select option 2")
        #expect(try await select.property("value") == "O2")

        try await f.session.navigate(to: f.url("/selenium/select.html"))
        let single = try await f.session.find(.css("#select"))
        try await single.selectOption(value: "3")
        #expect(try await single.property("value") == "3")
        let multiple = try await f.session.find(.css("#mult"))
        try await multiple.selectOption(label: "Saab")
        try await multiple.selectOption(label: "Audi")
        let chosen = try await f.session.executeScript(
            "return Array.from(arguments[0].selectedOptions).map(o => o.value);", [.element(multiple.id)])
        #expect(chosen == ["saab", "audi"])
        let missing = await #expect(throws: BrowserError.self) { try await single.selectOption(label: "Four") }
        #expect(missing?.code == DiagnosticCode.browserElementNotFound)
    }

    @Test func checksCheckboxes() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/selenium/check.html"))
        let checked = try await f.session.find(.css("#t"))
        let unchecked = try await f.session.find(.css("#f"))
        #expect(try await checked.isSelected())
        #expect(try await !unchecked.isSelected())
        try await unchecked.click()
        #expect(try await unchecked.isSelected())

        try await f.session.navigate(to: f.url("/puppeteer/checkbox.html"))
        let box = try await f.session.find(.accessibleName("checkbox", role: "checkbox"))
        try await box.click()
        #expect(try await box.isSelected())
    }

    @Test func typesAndClearsText() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/input.html"))
        let one = try await f.session.find(.css("#one"))
        try await one.sendKeys("Client visit Lyon")
        #expect(try await one.property("value") == "Client visit Lyon")
        try await one.clear()
        #expect(try await one.property("value") == "")
        let prefilled = try await f.session.find(.css("#prefilled"))
        try await prefilled.clear()
        try await prefilled.sendKeys("xyz" + Key.backspace.value + "!")
        #expect(try await prefilled.property("value") == "xy!")
        let log = try await f.session.find(.css("#log")).text()
        #expect(log.contains("one:Client visit Lyon"), "the page saw input events: \(log)")

        // A field nobody can see cannot be typed into, and a node the page replaced is stale.
        try await f.session.navigate(to: try f.page("hidden.html", """
            <!doctype html><input id="hidden" style="display: none"><input id="replaced">
            """))
        let hidden = try await f.session.find(.css("#hidden"))
        #expect(try await !hidden.isDisplayed())
        let notInteractable = await #expect(throws: BrowserError.self) { try await hidden.sendKeys("secret") }
        #expect(notInteractable?.code == DiagnosticCode.browserElementNotInteractable)
        #expect(notInteractable?.webDriverError == .elementNotInteractable)
        let replaced = try await f.session.find(.css("#replaced"))
        _ = try await f.session.executeScript("document.getElementById('replaced').replaceWith(document.createElement('input'));")
        let stale = await #expect(throws: BrowserError.self) { try await replaced.sendKeys("late") }
        #expect(stale?.code == DiagnosticCode.browserElementStale)
        let scriptError = await #expect(throws: BrowserError.self) { _ = try await f.session.executeScript("throw new Error('boom');") }
        #expect(scriptError?.code == DiagnosticCode.browserScriptError)
        #expect(scriptError?.diagnostic.message.contains("boom") == true)
    }

    @Test func pressesKeysWithModifiers() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: try f.page("keys.html", """
            <!doctype html><input id="first"><input id="second"><pre id="log"></pre>
            <script>
              document.addEventListener('keydown', (e) => {
                if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
                const mods = [e.ctrlKey && 'ctrl', e.altKey && 'alt', e.shiftKey && 'shift', e.metaKey && 'meta'].filter(Boolean);
                document.getElementById('log').textContent += [...mods, e.key].join('+') + ' ';
                if (e.ctrlKey && e.key === 's') e.preventDefault();
              });
            </script>
            """))
        let second = try await f.session.find(.css("#second"))
        try await second.click()
        try await f.session.press(KeyChord(Key("s"), modifiers: [.control]))
        try await f.session.press(KeyChord(.arrowDown, modifiers: [.alt]))
        try await f.session.press(KeyChord(try #require(Key(named: "L")), modifiers: [.meta]))
        try await f.session.press(KeyChord(.enter))
        try await f.session.press(KeyChord(.tab, modifiers: [.shift]))
        let log = try await f.session.find(.css("#log")).text().trimmingCharacters(in: .whitespaces)
        #expect(log == "ctrl+s alt+ArrowDown meta+l Enter shift+Tab", "the page saw: \(log)")
        let focused = try #require(try await f.session.activeElement())
        #expect(try await focused.attribute("id") == "first", "Shift+Tab moved the focus back")
    }

    @Test func hoversDoubleClicksAndRightClicks() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/selenium/mouse/over.html"))
        let area = try await f.session.find(.css("#a"))
        try await f.session.hover(area, offsetX: -200, offsetY: -200)
        #expect(try await area.text() == "over 50,50")

        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let hoverButton = try await f.session.find(.css("#hover-button"))
        try await f.session.hover(hoverButton)
        #expect(try await hoverButton.text() == "Hovered")
        let test = try await f.session.find(.css("#test"))
        try await f.session.rightClick(test)
        try await f.session.doubleClick(test)
        #expect(try await f.session.executeScript("return window.buttonClicks;") == [2, 0, 0])
        try await f.session.releaseInputs()
    }

    @Test func dragsAndDrops() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/selenium/dnd.html"))
        let source = try await f.session.find(.css("#p1"))
        let target = try await f.session.find(.css("#target"))
        try await f.session.dragAndDrop(source, onto: target)
        try await f.session.waitUntil("the drop") { () throws(BrowserError) in try await target.text() == "dropped" }
    }

    @Test func scrollsTheDocumentAndScrollContainers() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/scroll.html"))
        try await f.session.scroll(toX: 0, y: 120)
        #expect(try await f.session.scrollPosition().y == 120)
        try await f.session.scroll(toX: 0, y: 0)
        let overflow = try await f.session.find(.css("#overflow"))
        try await f.session.scrollWheel(deltaY: 60, over: overflow)
        try await f.session.waitUntil("the box to scroll") { () throws(BrowserError) in
            (try await overflow.property("scrollTop").doubleValue ?? 0) > 0
        }
        try await f.session.scroll(toX: 0, y: 30, in: overflow)
        #expect(try await overflow.property("scrollTop") == 30)
        try await f.session.scrollWheel(deltaY: 200)
        try await f.session.waitUntil("the page to scroll") { () throws(BrowserError) in
            try await f.session.scrollPosition().y > 0
        }
    }
}
