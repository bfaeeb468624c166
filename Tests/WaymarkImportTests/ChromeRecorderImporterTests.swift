import Foundation
import Testing
import WaymarkJSON
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

@Suite("Chrome Recorder importer")
struct ChromeRecorderImporterTests {
    /// One flow with every step type of the Recorder schema and the variants the issue names.
    static let everyStepType = #"""
    {
      "title": "Every step type",
      "timeout": 7000,
      "steps": [
        { "type": "setViewport", "width": 390, "height": 844, "deviceScaleFactor": 3, "isMobile": true, "hasTouch": true, "isLandscape": false },
        { "type": "emulateNetworkConditions", "download": 51200, "upload": 51200, "latency": 2000 },
        { "type": "navigate", "url": "https://shop.example.com/cart", "assertedEvents": [{ "type": "navigation", "url": "https://shop.example.com/cart", "title": "Your cart" }] },
        { "type": "click", "target": "main", "selectors": [["#add-to-cart"]], "offsetX": 1, "offsetY": 1, "timeout": 8000 },
        { "type": "click", "selectors": [["[data-test=submit-button]"]], "button": "secondary", "offsetX": 1, "offsetY": 1 },
        { "type": "click", "selectors": [["aria/Open in new tab[role=\"link\"]"]], "button": "auxiliary", "offsetX": 1, "offsetY": 1 },
        { "type": "click", "selectors": [["text/Back"]], "button": "back", "duration": 1500, "offsetX": 1, "offsetY": 1 },
        { "type": "doubleClick", "selectors": [["aria/Word[role=\"button\"]"], ["xpath///*[@id=\"word\"]"]], "offsetX": 1, "offsetY": 1 },
        { "type": "change", "selectors": [["input[name=email]"]], "value": "ada@example.com" },
        { "type": "change", "selectors": [["#password"]], "value": "hunter2" },
        { "type": "change", "selectors": [["aria/Country[role=\"combobox\"]"], ["#country"]], "value": "FR" },
        { "type": "keyDown", "key": "Shift" },
        { "type": "keyDown", "key": "A" },
        { "type": "keyUp", "key": "A" },
        { "type": "keyUp", "key": "Shift" },
        { "type": "keyDown", "key": "b" },
        { "type": "keyUp", "key": "b" },
        { "type": "keyDown", "key": "Control" },
        { "type": "keyDown", "key": "s" },
        { "type": "keyUp", "key": "s" },
        { "type": "keyUp", "key": "Control" },
        { "type": "keyDown", "key": "Enter" },
        { "type": "keyUp", "key": "Enter" },
        { "type": "hover", "selectors": [["my-app", "#menu-button"]], "frame": [0, 1] },
        { "type": "scroll", "x": 0, "y": 600 },
        { "type": "scroll", "selectors": ["#results"], "x": -40, "y": -200 },
        { "type": "waitForElement", "selectors": [".order-row"], "operator": ">=", "count": 3, "visible": true, "attributes": { "data-state": "ready" }, "properties": { "checked": true } },
        { "type": "waitForElement", "selectors": ["#spinner"], "operator": "==", "count": 0 },
        { "type": "waitForExpression", "expression": "window.ready === true" },
        { "type": "click", "target": "https://pay.example.com/checkout", "selectors": [["pierce/#pay"]], "offsetX": 1, "offsetY": 1 },
        { "type": "close", "target": "https://pay.example.com/checkout" },
        { "type": "customStep", "name": "acceptCookies", "parameters": { "banner": "eu", "retries": 2 } },
        { "type": "startTimespan", "stepOptions": { "name": "Checkout" } }
      ]
    }
    //# recorderSourceMap=BCBDBEBFBGBHBIBJBKBLBMBNBOBPBQ
    """#

    func importText(_ text: String, path: String = "flows/every-step.json") -> ImportResult {
        ChromeRecorderImporter().importCaptures(from: ForeignImportSupport.input(text, path: path))
    }

    @Test("Every step type becomes the expected steps (golden dump)")
    func everyStepTypeGolden() throws {
        let result = importText(Self.everyStepType)
        Snapshot.assert(ForeignImportSupport.dump(result), named: "every-step-type.txt", group: "chrome")
        #expect(!result.hasErrors)
        #expect(ForeignImportSupport.selectorLabels(result).isEmpty)
    }

    @Test("Steps, labels, roles and contexts of the every-step flow")
    func everyStepTypeDetails() throws {
        let result = importText(Self.everyStepType)
        let capture = try #require(result.captures.first)
        #expect(capture.id == "every-step-type")
        #expect(capture.application == "shop.example.com")
        #expect(capture.prerequisites == [
            "Use a browser window of 390 × 844 pixels, as a mobile device, with a touch screen.",
            "Throttle the network to Slow 3G.",
        ])
        // Where the browser is (frame path, pop-up) becomes switch steps where it changes, as in Selenium
        // recordings; the steps of the flow itself are checked without them.
        let switches = capture.steps.filter { $0.action == .switchContext }
        #expect(switches.map { "\($0.target?.role ?? "") \($0.target?.selectors ?? []) \($0.value ?? "-")" } == [
            "frame [\"index=0\"] first frame", "frame [\"index=1\"] second frame",  // into the hover's frame
            "frame [\"relative=top\"] main",                                           // back for the scroll
            "window [\"https://pay.example.com/checkout\"] -",                         // the pop-up's click
            "window [] main",                                                           // back for the custom steps
        ])
        let s = capture.steps.filter { $0.action != .switchContext }
        #expect(s.map(\.action) == [
            .navigate, .click, .rightClick, .click, .click, .doubleClick, .type, .type, .select,
            .type, .press, .press, .hover, .scroll, .scroll, .wait, .wait, .wait, .click, .custom, .custom, .custom,
        ])
        #expect(s[0].target?.label == "Your cart")
        #expect(s[1].target?.label == "Add to cart")
        #expect(s[1].target?.selectors == ["#add-to-cart"])
        #expect(s[2].target?.label == "Submit button")
        #expect(s[3].target?.label == "Open in new tab" && s[3].target?.role == "link")
        #expect(s[3].note == "Use the middle mouse button.")
        #expect(s[4].note == "Use the mouse's Back button. Hold the button down for 1.5 seconds.")
        #expect(s[5].target?.label == "Word" && s[5].target?.role == "button")
        #expect(s[5].target?.selectors == ["aria/Word[role=\"button\"]", "xpath///*[@id=\"word\"]"])
        #expect(s[6].target?.label == "Email" && s[6].target?.role == "text field" && s[6].value == "ada@example.com")
        #expect(s[7].sensitive)
        #expect(s[8].target?.label == "Country" && s[8].value == "FR")
        #expect(s[9].value == "Ab")
        #expect(s[10].key == "s" && s[10].modifiers == [.ctrl])
        #expect(s[11].key == "Enter" && s[11].modifiers.isEmpty)
        #expect(s[12].target?.label == "Menu button")
        #expect(s[12].target?.selectors == ["my-app >>> #menu-button"])
        #expect(s[12].target?.context == "second frame inside the first frame")
        #expect(s[13].value == "down" && s[13].target == nil)
        #expect(s[14].value == "up and left" && s[14].target?.label == "Results")
        #expect(s[15].value == "until at least 3 matching elements are present, visible, with attribute data-state “ready”, with property checked “true”")
        #expect(s[16].value == "until no matching element is left")
        #expect(s[16].instruction == "Wait until “Spinner” disappears.")
        #expect(s[17].value?.contains("window.ready") == false)
        #expect(s[18].target?.context == "pay.example.com pop-up window")
        #expect(s[18].target?.label == "Pay")
        #expect(s[19].customType == "close" && s[19].instruction == "Close the browser tab.")
        #expect(s[20].customType == "acceptCookies" && s[20].note == "Parameters: banner = eu, retries = 2.")
        #expect(s[21].customType == "startTimespan" && s[21].note == "Checkout")
        #expect(result.diagnostics.map(\.code) == ["chrome.custom-step", "chrome.unknown-step"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("Frame paths and pop-ups become the fewest switch steps between where the browser is and where it goes")
    func browsingLocationMoves() throws {
        func at(_ frames: [Int], _ target: String = "main") throws -> BrowsingLocation {
            BrowsingLocation(try JSONParser.parse(#"{"target": "\#(target)", "frame": \#(frames)}"#))
        }
        func words(_ steps: [Step]) -> [String] { steps.map { "\($0.target?.selectors.first ?? "") → \($0.value ?? "-")" } }
        var here = BrowsingLocation()
        #expect(words(here.moves(to: try at([]))).isEmpty)
        #expect(words(here.moves(to: try at([0]))) == ["index=0 → first frame"])
        #expect(words(here.moves(to: try at([0, 0]))) == ["index=0 → first frame"])
        #expect(words(here.moves(to: try at([0, 1]))) == ["relative=parent → first frame", "index=1 → second frame"])
        #expect(words(here.moves(to: try at([2]))) == ["relative=top → main", "index=2 → third frame"])
        #expect(words(here.moves(to: try at([], "https://pay.example.com/"))) == ["https://pay.example.com/ → -"])
        #expect(words(here.moves(to: try at([]))) == [" → main"])
    }

    @Test("A recording without a title warns and takes the title from the file name")
    func missingTitle() throws {
        let result = importText(#"{"steps":[{"type":"navigate","url":"https://example.com/"}]}"#, path: "rec/checkout_flow.json")
        #expect(result.captures.first?.title == "checkout flow")
        #expect(result.diagnostics.map(\.code) == ["chrome.missing-title"])
        #expect(!result.hasErrors)
    }

    @Test("A recording with no steps warns that the guide will be empty")
    func noSteps() {
        let result = importText(#"{"title":"Empty","steps":[{"type":"setViewport","width":800,"height":600}]}"#)
        #expect(result.captures.first?.steps.isEmpty == true)
        #expect(result.captures.first?.prerequisites == ["Use a browser window of 800 × 600 pixels."])
        #expect(result.diagnostics.map(\.code) == ["chrome.no-steps"])
    }

    @Test("A lone step object is an error, with its position")
    func loneStep() {
        let result = importText(##"{"type":"click","selectors":[["#a"]]}"##)
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.first?.code == "chrome.lone-step")
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.diagnostics.first?.location?.line == 1)
    }

    @Test("Recognition by content: flows and lone steps yes; native captures, Selenium projects and other JSON no")
    func recognition() {
        let importer = ChromeRecorderImporter()
        func yes(_ s: String) -> Bool { importer.recognizes(ForeignImportSupport.input(s)) }
        #expect(yes(#"{"title":"t","steps":[{"type":"navigate"}]}"#))
        #expect(yes(#"{"type":"navigate","url":"x"}"#))
        #expect(!yes(#"{"waymark":1,"title":"t","steps":[]}"#))
        #expect(!yes(#"{"version":"2.0","tests":[{"commands":[]}],"steps":[]}"#))
        #expect(!yes(#"{"title":"t","steps":"none"}"#))
        #expect(!yes(#"[{"type":"navigate"}]"#))
        #expect(!yes(#"{"type":"Feature"}"#))
        #expect(!yes("<Report/>"))
    }

    @Test("The source-map line is stripped only at the end")
    func sourceMap() {
        let body = Array(#"{"title":"t","steps":[]}"#.utf8)
        #expect(ChromeRecorderImporter.strippingSourceMap(body + Array("\n//# recorderSourceMap=ABC\n".utf8)) == body + [0x0A])
        #expect(ChromeRecorderImporter.strippingSourceMap(body) == body)
    }

    @Test("Network presets and custom throttling read as sentences")
    func network() {
        #expect(ChromeRecorderFlowReader.networkSentence(download: 188_743.68, upload: 86_400, latency: 562.5) == "Throttle the network to Fast 3G.")
        #expect(ChromeRecorderFlowReader.networkSentence(download: 0, upload: 0, latency: 0) == "Switch the browser to offline mode.")
        #expect(ChromeRecorderFlowReader.networkSentence(download: 1_250_000, upload: 125_000, latency: 40)
                == "Throttle the network to 10.0 Mbit/s download, 1.0 Mbit/s upload, 40 ms latency.")
    }
}
