import Foundation
import Testing
import WaymarkModel
@testable import WaymarkBrowser

/// Finding elements the way recordings describe them, in one real browser against the pages Selenium IDE and
/// puppeteer/replay test with: selectors, accessible names and roles, visible text, shadow roots, frames, windows,
/// dialogs, and the difference between "not found", "ambiguous" and "here is what is on the page instead".
@Suite(.serialized, .enabled(if: BrowserTestEnvironment.replaySitesAvailable, BrowserTestEnvironment.missingSitesReason),
       .sharedBrowser())
struct ElementQueryTests {
    @Test func navigatesAndReadsTitleAndURL() async throws {
        let f = try BrowserFixture.shared
        let url = f.url("/selenium/title.html")
        try await f.session.navigate(to: url)
        #expect(try await f.session.title() == "test title")
        #expect(try await f.session.currentURL() == url)
        #expect(try await f.session.readyState() == "complete")
        try await f.session.navigate(to: f.url("/puppeteer/main2.html"))
        try await f.session.back()
        #expect(try await f.session.currentURL() == url)
    }

    @Test func findsByCSSXPathLinkTextAndFromAnElement() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let test = try await f.session.find(.css("#test"))
        #expect(try await test.text() == "Test Button")
        #expect(try await test.tagName() == "button")
        #expect(try await test.attribute("id") == "test")
        #expect(try await test.attribute("data-missing") == nil)
        #expect(try await test.isDisplayed())
        #expect(try await test.isEnabled())
        let formButton = try await f.session.find(.xpath("//button[@id='form-button']"))
        #expect(try await formButton.text() == "Form Button")
        let link = try await f.session.find(.linkText("Page 2"))
        #expect(try await link.attribute("href") == "main2.html")
        #expect(try await f.session.findAll(.partialLinkText("Page")).count == 1)
        let form = try await f.session.find(.css("#form1"))
        let inForm = try await form.findElements(.css("button"))
        #expect(inForm.count == 1)
        #expect(try await inForm.first?.text() == "Form Button")
        #expect(try await f.session.findAll(.css("#no-such-element"), wait: .zero).isEmpty)
        let badSelector = await #expect(throws: BrowserError.self) { _ = try await f.session.findAll(.xpath("//*[")) }
        #expect(badSelector?.code == DiagnosticCode.browserInvalidQuery)
    }

    @Test func findsByAccessibleNameAndRoleThroughComputedLabelAndRole() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: try f.page("report.html", """
            <!doctype html><title>Report</title>
            <form>
              <label for="name">Report name</label> <input id="name">
              <label>Amount <input id="amount" type="number"></label>
              <span id="who">Approver</span> <input id="approver" aria-labelledby="who">
              <select id="currency" aria-label="Currency"><option>EUR</option><option>USD</option></select>
              <img id="logo" alt="Company logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
              <button id="submit" aria-label="Submit report">Submit</button>
              <button id="cancel" type="button">Cancel</button>
            </form>
            """))
        let submit = try await f.session.find(.accessibleName("Submit report", role: "button"))
        #expect(try await submit.attribute("id") == "submit")
        #expect(try await submit.computedLabel() == "Submit report")
        #expect(try await submit.computedRole() == "button")
        let expectations: [(ElementQuery, String)] = [
            (.accessibleName("Report name", role: "text field"), "name"),
            (.accessibleName("Amount"), "amount"),
            (.accessibleName("Approver", role: "text field"), "approver"),
            (.accessibleName("Currency", role: "drop-down list"), "currency"),
            (.accessibleName("Company logo", role: "image"), "logo"),
            (.accessibleName("  Cancel "), "cancel"),
        ]
        for (query, id) in expectations {
            let element = try await f.session.find(query)
            #expect(try await element.attribute("id") == id, "\(query)")
        }
        // The visible text is not the accessible name: "Submit" names nothing, and the real name is suggested.
        guard case .notFound(let nearby) = try await f.session.resolve(.accessibleName("Submit", role: "button"), wait: .zero) else {
            Issue.record("“Submit” should not match a button named “Submit report”")
            return
        }
        #expect(nearby.map(\.name) == ["Submit report", "Cancel"])
        #expect(nearby.first?.role == "button")
        // A role that does not fit rules the element out.
        #expect(try await f.session.findAll(.accessibleName("Submit report", role: "link"), wait: .zero).isEmpty)

        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let test = try await f.session.find(.accessibleName("Test Button", role: "button"))
        #expect(try await test.attribute("id") == "test")
    }

    @Test func tellsNotFoundFromAmbiguousAndListsWhatIsThereInstead() async throws {
        let f = try BrowserFixture.shared
        // The application before and after a release that renamed the button.
        try await f.session.navigate(to: f.url("/puppeteer/main2.html"))
        #expect(try await f.session.resolve(.accessibleName("Test button", role: "button")).element != nil)
        let renamed = try f.changedCopy(of: "puppeteer-replay/main2.html", as: "main2-renamed.html") {
            $0.replacingOccurrences(of: ">Test button<", with: ">Send<")
        }
        try await f.session.navigate(to: renamed)
        guard case .notFound(let nearby) = try await f.session.resolve(.accessibleName("Test button", role: "button"), wait: .milliseconds(300)) else {
            Issue.record("the renamed button must not be found under its old name")
            return
        }
        #expect(nearby.count == 1)
        #expect(nearby.first?.name == "Send")
        #expect(nearby.first?.role == "button")
        let notFound = await #expect(throws: BrowserError.self) {
            _ = try await f.session.find(.accessibleName("Test button", role: "button"), wait: .milliseconds(300))
        }
        #expect(notFound?.code == DiagnosticCode.browserElementNotFound)
        #expect(notFound?.diagnostic.message == "“Test button” (button) is not on the page (waited 0.3 s); a button “Send” is.")

        try await f.session.navigate(to: try f.page("two-saves.html", """
            <!doctype html><button>Save</button><p>Draft</p><button>Save</button><button>Save as…</button>
            """))
        guard case .ambiguous(let both) = try await f.session.resolve(.accessibleName("Save", role: "button")) else {
            Issue.record("two buttons named Save must be ambiguous")
            return
        }
        #expect(both.count == 2)
        let ambiguous = await #expect(throws: BrowserError.self) { _ = try await f.session.find(.accessibleName("Save", role: "button")) }
        #expect(ambiguous?.code == DiagnosticCode.browserElementAmbiguous)
        #expect(try await f.session.find(.accessibleName("Save as…", role: "button")).text() == "Save as…")
    }

    @Test func findsByVisibleText() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let form = try await f.session.find(.visibleText("Form Button"))
        #expect(try await form.attribute("id") == "form-button")
        // "Hello World" is the whole text of the span in a button and of a div holding <span>Hello</span> World.
        let hello = try await f.session.findAll(.visibleText("Hello   World"))
        var names: [String] = []
        for element in hello {
            if let id = try await element.attribute("id") {
                names.append(id)
            } else {
                names.append(try await element.tagName())
            }
        }
        #expect(names == ["span", "div"])
        // No element's text is exactly "iframe butt"; the text containing it is inside a frame, not in this document.
        #expect(try await f.session.findAll(.visibleText("iframe butt"), wait: .zero).isEmpty)
        let partial = try await f.session.findAll(.visibleText("Custom selector"), wait: .zero)
        #expect(partial.count == 1)
        #expect(try await partial.first?.attribute("id") == "selector-attribute")
    }

    @Test func waitsPollUntilADeadlineAndFailInBoundedTime() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/shadow-dynamic.html"))
        let clock = ContinuousClock()
        var started = clock.now
        let missing = await #expect(throws: BrowserError.self) {
            _ = try await f.session.find(.css("#never-there"), wait: .milliseconds(500))
        }
        #expect(missing?.code == DiagnosticCode.browserElementNotFound)
        #expect(missing?.diagnostic.message.contains("waited 0.5 s") == true)
        #expect(started.duration(to: clock.now) < .seconds(5))

        started = clock.now
        let timeout = await #expect(throws: BrowserError.self) {
            try await f.session.waitUntil("the title to become “Done”", timeout: .milliseconds(300)) { () throws(BrowserError) in
                try await f.session.title() == "Done"
            }
        }
        #expect(timeout?.code == DiagnosticCode.browserTimeout)
        #expect(timeout?.diagnostic.message == "Waited 0.3 s for the title to become “Done”; it did not happen.")
        #expect(started.duration(to: clock.now) < .seconds(5))

        // A real wait: clicking the host adds a second one 100 ms later.
        try await f.session.find(.css("custom-element")).click()
        try await f.session.waitUntil("a second custom element") { () throws(BrowserError) in
            try await f.session.findAll(.css("custom-element"), wait: .zero).count == 2
        }
    }

    @Test func piercesOpenShadowRoots() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/shadow-dynamic.html"))
        #expect(try await f.session.findAll(.css("#test"), wait: .zero).isEmpty, "plain CSS stops at the shadow root")
        let pierced = try await f.session.find(.pierceCSS("#test"))
        #expect(try await pierced.text() == "Click me")
        #expect(try await pierced.computedLabel() == "Click me")
        let byPath = try await f.session.find(.shadowPath(["custom-element", "#test"]))
        #expect(byPath == pierced)
        let host = try await f.session.find(.css("custom-element"))
        let root = try #require(try await host.shadowRoot())
        #expect(try await root.findElements(.css("button.unknown")).first == pierced)
        #expect(try await pierced.shadowRoot() == nil)
        let xpathInShadow = await #expect(throws: BrowserError.self) { _ = try await root.findElements(.xpath(".//button")) }
        #expect(xpathInShadow?.code == DiagnosticCode.browserInvalidQuery)

        try await host.click()
        try await f.session.waitUntil("the second shadow button") { () throws(BrowserError) in
            try await f.session.findAll(.pierceCSS("#test"), wait: .zero).count == 2
        }
        #expect(try await f.session.findAll(.shadowPath(["custom-element", "#test"])).count == 2)
    }

    @Test func searchesInsideFramesAndNestedFrames() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let inFrame = try await f.session.find(.css("#in-iframe").inFrames([.element(.css("#iframe"))]))
        #expect(try await inFrame.text() == "iframe button")
        let nested = try await f.session.find(.accessibleName("Inner iframe button", role: "button")
            .inFrames([.element(.css("#iframe")), .index(0)]))
        #expect(try await nested.attribute("id") == "inner-iframe")
        #expect(try await f.session.find(.css("#test").inTopDocument).text() == "Test Button")

        try await f.session.navigate(to: f.url("/selenium/nested_frame.html"))
        let submit = try await f.session.find(.accessibleName("sub", role: "button").inFrames([.index(1), .index(0)]))
        #expect(try await submit.tagName() == "button")
        try await f.session.switchToTopFrame()
        #expect(try await f.session.findElements(.css("iframe")).count == 3)
        try await f.session.switchToFrame(index: 1)
        #expect(try await f.session.findElements(.css("iframe")).count == 1)
        let inner = try #require(try await f.session.findElements(.css("iframe")).first)
        try await f.session.switchToFrame(inner)
        let field = try await f.session.find(.css("input[type=text]"))
        try await field.sendKeys("in a nested frame")
        #expect(try await field.property("value") == "in a nested frame")
        try await f.session.switchToParentFrame()
        #expect(try await f.session.findElements(.css("iframe")).count == 1)
        try await f.session.switchToTopFrame()
        let noFrame = await #expect(throws: BrowserError.self) { try await f.session.switchToFrame(index: 7) }
        #expect(noFrame?.code == DiagnosticCode.browserNoSuchFrame)

        try await f.session.navigate(to: f.url("/selenium/iframe.html"))
        try await f.session.switchToFrames([.element(.css("iframe"))])
        #expect(try await f.session.find(.css("button")).text() == "sub")
        try await f.session.switchToTopFrame()
    }

    @Test func followsNavigationInsideAnOutOfProcessFrame() async throws {
        let f = try BrowserFixture.shared
        // oopif.html loads iframe1.html from "oopifdomain" when it is itself loaded from localhost: a cross-site
        // frame, which Chromium runs in another process. Both names are mapped onto the loopback server.
        let network = NetworkPolicy.loopbackOnly(allowing: ["localhost"], mapping: ["oopifdomain": "127.0.0.1"])
        try await f.driver.withSession(SessionOptions(viewport: nil, network: network, elementWait: .seconds(5))) { session in
            try await session.navigate(to: "http://localhost:\(f.server.port)/puppeteer/oopif.html")
            let frame = FrameSelector.element(.css("iframe"))
            let link = try await session.find(.linkText("To iframe 2").inFrames([frame]))
            #expect(try await session.executeScript("return location.href;") == .string("http://oopifdomain:\(f.server.port)/puppeteer/iframe1.html"))
            try await link.click()
            let heading = try await session.find(.xpath("//h1[. = 'iframe 2']").inFrames([frame]))
            #expect(try await heading.text() == "iframe 2")
            try await session.switchToTopFrame()
            #expect(try await session.find(.css("h1")).text() == "Navigation in OOPIF iframes")
        }
    }

    @Test func followsPopupsAndNewWindows() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/main.html"))
        let main = try await f.session.windowHandle()
        let before = Set(try await f.session.windowHandles())
        try await f.session.find(.css("#popup")).click()
        let popup = try await f.session.waitForNewWindow(besides: before)
        try await f.session.switchToWindow(popup)
        let button = try await f.session.find(.accessibleName("Button in Popup", role: "button"))
        #expect(try await button.tagName() == "button")
        #expect(try await f.session.currentURL().hasSuffix("/puppeteer/popup.html"))
        let remaining = try await f.session.closeWindow()
        #expect(remaining == [main])
        try await f.session.switchToWindow(main)

        try await f.session.navigate(to: f.url("/selenium/windows.html"))
        let known = Set(try await f.session.windowHandles())
        try await f.session.find(.linkText("open new window")).click()
        let opened = try await f.session.waitForNewWindow(besides: known)
        try await f.session.switchToWindow(opened)
        #expect(try await f.session.find(.css("h1")).text() == "This is a window")
        try await f.session.closeWindow()
        try await f.session.switchToWindow(main)

        let tab = try await f.session.newWindow()
        #expect(try await f.session.windowHandles().contains(tab))
        try await f.session.switchToWindow(tab)
        try await f.session.closeWindow()
        try await f.session.switchToWindow(main)
        let gone = await #expect(throws: BrowserError.self) { try await f.session.switchToWindow(tab) }
        #expect(gone?.code == DiagnosticCode.browserNoSuchWindow)
        let noNewWindow = await #expect(throws: BrowserError.self) {
            _ = try await f.session.waitForNewWindow(besides: Set(try await f.session.windowHandles()), timeout: .milliseconds(300))
        }
        #expect(noNewWindow?.code == DiagnosticCode.browserTimeout)
    }

    @Test func handlesAlertConfirmAndPromptDialogs() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/selenium/popup/alert.html"))
        try await f.session.find(.css("#b")).click()
        #expect(try await f.session.waitForAlert() == "test")
        let blocked = await #expect(throws: BrowserError.self) { _ = try await f.session.findElements(.css("#b")) }
        #expect(blocked?.code == DiagnosticCode.browserUnexpectedAlert)
        try await f.session.acceptAlert()
        #expect(try await f.session.title() == "changed")
        let none = await #expect(throws: BrowserError.self) { _ = try await f.session.alertText() }
        #expect(none?.code == DiagnosticCode.browserNoAlert)

        try await f.session.navigate(to: f.url("/selenium/popup/confirm.html"))
        try await f.session.find(.css("#b")).click()
        _ = try await f.session.waitForAlert()
        try await f.session.dismissAlert()
        #expect(try await f.session.title() == "cancel")

        try await f.session.navigate(to: f.url("/selenium/popup/prompt.html"))
        try await f.session.find(.css("#b")).click()
        _ = try await f.session.waitForAlert()
        try await f.session.sendAlertText("Lyon")
        try await f.session.acceptAlert()
        #expect(try await f.session.title() == "Lyon")
    }
}
