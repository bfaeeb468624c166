import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

@Suite("Selenium IDE importer")
struct SeleniumSideImporterTests {
    static func project(_ commands: String, version: String = "3.0", extraTests: String = "", suites: String? = nil) -> String {
        """
        {
          "id": "p1", "version": "\(version)", "name": "Shop", "url": "https://shop.example.com/app/",
          "tests": [
            { "id": "t1", "name": "Checkout", "commands": [\(commands)] }\(extraTests)
          ],
          "suites": \(suites ?? #"[{ "id": "s1", "name": "Main", "tests": ["t1"] }]"#),
          "urls": [], "plugins": []
        }
        """
    }

    static func command(_ name: String, _ target: String = "", _ value: String = "", targets: String = "[]") -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        return #"{ "id": "c-\#(esc(name))", "command": "\#(esc(name))", "target": "\#(esc(target))", "targets": \#(targets), "value": "\#(esc(value))" }"#
    }

    /// Every command of Selenium IDE's command list (packages/side-model/src/Commands.ts), plus the legacy dialog
    /// commands, a plugin command, commented-out and empty commands.
    static let everyCommand: [String] = [
        command("open", "/login"),
        command("setWindowSize", "1280x800"),
        command("setSpeed", "500"),
        command("type", "id=username", "ada"),
        command("type", "id=password", "s3cret"),
        command("sendKeys", "name=search", "shoes${KEY_ENTER}"),
        command("click", "linkText=Sign in"),
        command("clickAt", "css=#add-to-cart", "10,10"),
        command("doubleClick", "xpath=//span[contains(text(),'Word')]"),
        command("doubleClickAt", "id=word", "1,1"),
        command("mouseOver", "css=.menu-item"),
        command("mouseOut", "css=.menu-item"),
        command("mouseDownAt", "id=card", "0,0"),
        command("mouseMoveAt", "id=lane-done", "0,0"),
        command("mouseUpAt", "id=lane-done", "0,0"),
        command("mouseDown", "id=slider"),
        command("mouseUp", "id=slider"),
        command("dragAndDropToObject", "id=card", "id=trash"),
        command("editContent", "css=#notes", "Hello"),
        command("type", "id=cv-file", "C:\\Users\\ada\\cv.pdf"),
        command("select", "id=country", "label=France"),
        command("addSelection", "id=tags", "value=red"),
        command("removeSelection", "id=tags", "index=0"),
        command("check", "id=terms"),
        command("uncheck", "id=newsletter"),
        command("submit", "id=checkout-form"),
        command("selectFrame", "index=0"),
        command("click", "id=pay-now"),
        command("selectFrame", "relative=top"),
        command("storeWindowHandle", "root"),
        command("selectWindow", "handle=${root}"),
        command("answerOnNextPrompt", "42"),
        command("webdriverAnswerOnVisiblePrompt", "42"),
        command("chooseOkOnNextConfirmation"),
        command("webdriverChooseOkOnVisibleConfirmation"),
        command("chooseCancelOnNextConfirmation"),
        command("webdriverChooseCancelOnVisibleConfirmation"),
        command("chooseCancelOnNextPrompt"),
        command("webdriverChooseCancelOnVisiblePrompt"),
        command("acceptAlert"),
        command("acceptConfirmation"),
        command("dismissConfirmation"),
        command("answerPrompt", "yes"),
        command("dismissPrompt"),
        command("assert", "total", "42"),
        command("assertAlert", "Saved"),
        command("assertChecked", "id=terms"),
        command("assertConfirmation", "Sure?"),
        command("assertEditable", "id=username"),
        command("assertElementPresent", "id=cart"),
        command("assertElementNotPresent", "id=error"),
        command("assertNotChecked", "id=newsletter"),
        command("assertNotEditable", "id=total"),
        command("assertNotSelectedValue", "id=country", "de"),
        command("assertNotText", "id=status", "Failed"),
        command("assertPrompt", "Name?"),
        command("assertSelectedValue", "id=country", "fr"),
        command("assertSelectedLabel", "id=country", "France"),
        command("assertText", "id=status", "Paid"),
        command("assertTitle", "Receipt"),
        command("assertValue", "id=username", "ada"),
        command("verify", "total", "42"),
        command("verifyChecked", "id=terms"),
        command("verifyEditable", "id=username"),
        command("verifyElementPresent", "id=cart"),
        command("verifyElementNotPresent", "id=error"),
        command("verifyNotChecked", "id=newsletter"),
        command("verifyNotEditable", "id=total"),
        command("verifyNotSelectedValue", "id=country", "de"),
        command("verifyNotText", "id=status", "Failed"),
        command("verifySelectedLabel", "id=country", "France"),
        command("verifySelectedValue", "id=country", "fr"),
        command("verifyText", "id=status", "Paid"),
        command("verifyTitle", "Receipt"),
        command("verifyValue", "id=username", "ada"),
        command("waitForElementEditable", "id=username", "5000"),
        command("waitForElementNotEditable", "id=total", "5000"),
        command("waitForElementNotPresent", "id=spinner", "5000"),
        command("waitForElementNotVisible", "id=spinner", "5000"),
        command("waitForElementPresent", "id=receipt", "5000"),
        command("waitForElementVisible", "id=receipt", "5000"),
        command("waitForText", "id=status", "Paid"),
        command("pause", "1500"),
        command("store", "ada", "user"),
        command("storeAttribute", "id=logo@alt", "logoText"),
        command("storeElementCount", "css=.order-row", "rows"),
        command("storeXpathCount", "//tr", "rows2"),
        command("storeJson", "[1,2]", "list"),
        command("storeText", "id=total", "totalText"),
        command("storeTitle", "pageTitle"),
        command("storeValue", "id=username", "name"),
        command("echo", "Hello ${user}"),
        command("executeScript", "return document.title", "title"),
        command("executeAsyncScript", "return Promise.resolve(1)"),
        command("runScript", "alert(1)"),
        command("run", "Login"),
        command("if", "${rows} > 0"),
        command("click", "id=first-row"),
        command("elseIf", "${rows} == 0"),
        command("echo", "empty"),
        command("else"),
        command("echo", "never"),
        command("end"),
        command("while", "${n} < 3"),
        command("end"),
        command("do"),
        command("repeatIf", "${n} < 3"),
        command("times", "3"),
        command("end"),
        command("forEach", "list", "item"),
        command("end"),
        command("close"),
        command("debugger"),
        command("customClick", "id=plugin-thing"),
        command("//click", "id=disabled"),
        command(""),
    ]

    func importProject(_ text: String) -> ImportResult {
        SeleniumSideImporter().importCaptures(from: ForeignImportSupport.input(text, path: "projects/shop.side"))
    }

    @Test("Every command of the command list maps to a step, a note or a deliberate skip (golden dump)")
    func everyCommandGolden() throws {
        let result = importProject(Self.project(Self.everyCommand.joined(separator: ",\n")))
        Snapshot.assert(ForeignImportSupport.dump(result), named: "every-command.txt", group: "selenium")
        #expect(!result.hasErrors)
        #expect(ForeignImportSupport.selectorLabels(result).isEmpty)
        let steps = try #require(result.captures.first).steps
        // No command's script appears in any step's words.
        for step in steps {
            for text in [step.note, step.instruction, step.value].compactMap({ $0 }) {
                #expect(!text.contains("document.title") && !text.contains("Promise.resolve") && !text.contains("alert(1)"))
            }
        }
        // `run Login` names a test that is not in this project: a warning, the note step is still there.
        #expect(result.diagnostics.filter { $0.severity == .warning }.map(\.code) == ["selenium.unknown-test", "selenium.unknown-command"])
        #expect(Set(result.diagnostics.filter { $0.severity == .note }.map(\.code))
                == ["selenium.playback-only", "selenium.commented-out", "selenium.empty-command"])
    }

    @Test("Key details: URL joining, keys, mouse folding, frames, windows, dialogs, variables")
    func details() throws {
        let result = importProject(Self.project(Self.everyCommand.joined(separator: ",\n")))
        let capture = try #require(result.captures.first)
        #expect(capture.id == "shop-checkout")
        #expect(capture.prerequisites == ["Use a browser window of 1280 × 800 pixels."])
        let s = capture.steps
        #expect(s[0].url == "https://shop.example.com/app/login")
        #expect(s[2].sensitive && s[2].target?.label == "Password")
        #expect(s[3].action == .type && s[3].value == "shoes" && s[3].target?.label == "Search")
        #expect(s[4].action == .press && s[4].key == "Enter")
        #expect(s[5].target?.label == "Sign in" && s[5].target?.role == "link")
        let drag = try #require(s.first { $0.action == .drag })
        #expect(drag.target?.label == "Card" && drag.destination?.label == "Lane done")
        let slider = try #require(s.first { $0.target?.label == "Slider" })
        #expect(slider.action == .click)
        let payNow = try #require(s.first { $0.target?.label == "Pay now" })
        #expect(payNow.target?.context == "first frame")
        #expect(s.contains { $0.action == .switchContext && $0.value == "main" && $0.target?.role == "window" })
        #expect(s.contains { $0.action == .click && $0.target?.label == "OK" && $0.target?.context == "confirmation dialog" })
        #expect(s.contains { $0.action == .click && $0.target?.label == "Cancel" && $0.target?.context == "prompt dialog" })
        #expect(s.contains { $0.action == .note && $0.note == "Hello ada" })
        #expect(s.contains { $0.action == .note && $0.note == "Run the steps of the test “Login”." })
        #expect(s.contains { $0.action == .note && $0.note == "Repeat the following steps 3 times." })
        #expect(s.contains { $0.action == .select && $0.value == "France" && $0.target?.label == "Country" })
        #expect(s.contains { $0.action == .wait && $0.value == "1.5" && $0.target == nil })
        #expect(s.contains { $0.action == .assert && $0.instruction == "Check that “Error” is not on the page." })
        #expect(s.contains { $0.action == .wait && $0.instruction == "Wait until “Spinner” is gone." })
        #expect(s.filter { $0.action == .note && $0.note?.hasPrefix("End of") == true }.count == 4)
        #expect(s.last?.customType == "customClick")
        #expect(s.contains { $0.action == .upload && $0.value == "cv.pdf" && $0.target?.role == "file field" })
    }

    @Test("Tests come out in suite order, then tests in no suite; duplicate names get unique ids")
    func ordering() throws {
        let extra = #"""
        , { "id": "t2", "name": "Login", "commands": [{ "id": "x", "command": "open", "target": "https://other.example.org/", "value": "" }] },
          { "id": "t3", "name": "Checkout", "commands": [] }
        """#
        let result = importProject(Self.project(Self.command("open", "cart"), extraTests: extra,
                                                suites: #"[{ "id": "s1", "name": "A", "tests": ["t2", "t1", "t2"] }]"#))
        #expect(result.captures.map(\.id) == ["shop-login", "shop-checkout", "shop-checkout-2"])
        #expect(result.diagnostics.map(\.code) == ["selenium.empty-test"])
        #expect(result.captures[0].steps.first?.url == "https://other.example.org/")
        #expect(result.captures[1].steps.first?.url == "https://shop.example.com/app/cart")
    }

    @Test("run brings the other test's steps in with this test's stored values; cycles are named, not repeated")
    func runInlines() throws {
        let extra = #"""
        , { "id": "t2", "name": "Login", "commands": [
            { "id": "l1", "command": "type", "target": "id=user", "targets": [], "value": "${user}" },
            { "id": "l2", "command": "run", "target": "Login", "targets": [], "value": "" } ] }
        """#
        let commands = [Self.command("store", "ada", "user"), Self.command("store", "hunter2", "password"),
                        Self.command("run", "Login"), Self.command("run", "Nowhere"),
                        Self.command("type", "id=pwd", "${password}")].joined(separator: ",")
        let result = importProject(Self.project(commands, extraTests: extra))
        let checkout = try #require(result.captures.first { $0.title == "Checkout" })
        #expect(checkout.steps.map(\.action) == [.note, .note, .type, .note, .note, .type])
        #expect(checkout.steps[5].sensitive && !checkout.steps[2].sensitive)
        #expect(checkout.steps[1].sensitive && checkout.steps[1].note == "Have the password ready.")
        #expect(!(checkout.steps[1].note ?? "").contains("hunter2") && checkout.steps[1].value == nil)
        #expect(checkout.steps[2].value == "ada" && checkout.steps[2].id == "l1")
        #expect(checkout.steps[3].note == "Run the steps of the test “Login”.")
        #expect(checkout.steps[4].note == "Run the steps of the test “Nowhere”.")
        #expect(result.diagnostics.map(\.code).contains("selenium.run-cycle"))
        #expect(result.diagnostics.map(\.code).contains("selenium.unknown-test"))
    }

    @Test("Versions 1.0 to 3.0 are read; an unknown version warns")
    func versions() {
        for version in ["1.0", "1.1", "2.0", "3.0"] {
            let result = importProject(Self.project(Self.command("open", "/"), version: version))
            #expect(result.diagnostics.isEmpty, "version \(version)")
            #expect(result.captures.count == 1)
        }
        let future = importProject(Self.project(Self.command("open", "/"), version: "9.0"))
        #expect(future.diagnostics.map(\.code) == ["selenium.version"])
    }

    @Test("Recognition by content")
    func recognition() {
        let importer = SeleniumSideImporter()
        #expect(importer.recognizes(ForeignImportSupport.input(Self.project(""))))
        #expect(!importer.recognizes(ForeignImportSupport.input(#"{"waymark":1,"tests":[]}"#)))
        #expect(!importer.recognizes(ForeignImportSupport.input(#"{"title":"t","steps":[]}"#)))
        #expect(!importer.recognizes(ForeignImportSupport.input(#"{"tests":"x","version":"2.0"}"#)))
    }

    @Test("sendKeys sequences split into typed text and key presses")
    func keySequences() {
        let parts = SeleneseCommandTable.keySequence("Mr${KEY_TAB}Smith${KEY_ENTER}")
        #expect(parts.map { $0.text ?? "<\($0.key!)>" } == ["Mr", "<Tab>", "Smith", "<Enter>"])
    }
}
