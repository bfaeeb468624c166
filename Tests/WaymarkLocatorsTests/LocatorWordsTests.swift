import Testing
import WaymarkModel
@testable import WaymarkLocators

/// The one selector reader: every recorder's locators give the same words wherever Waymark reads them.
@Suite struct LocatorWordsTests {
    func words(_ selectors: String...) -> LocatorWords { Locator.bestWords(selectors) }
    func label(_ selector: String) -> String? { Locator.parse(selector).words.label }

    @Test func everyKindOfLocatorIsParsed() {
        #expect(Locator.parse("aria/Submit[role=\"button\"]") == .accessibleName("Submit", role: "button"))
        #expect(Locator.parse("aria/Search") == .accessibleName("Search", role: nil))
        #expect(Locator.parse("text/Proceed") == .visibleText("Proceed"))
        #expect(Locator.parse("xpath///*[@id=\"b\"]") == .xpath("//*[@id=\"b\"]"))
        #expect(Locator.parse("pierce/#first") == .pierceCSS("#first"))
        #expect(Locator.parse("#a > .b") == .css("#a > .b"))
        #expect(Locator.parse("css=.a") == .css(".a"))
        #expect(Locator.parse("xpath=//a") == .xpath("//a"))
        #expect(Locator.parse("//a[1]") == .xpath("//a[1]"))
        #expect(Locator.parse("(//img)[1]") == .xpath("(//img)[1]"))
        #expect(Locator.parse("id=user") == .id("user"))
        #expect(Locator.parse("name=q") == .name("q"))
        #expect(Locator.parse("identifier=q") == .identifier("q"))
        #expect(Locator.parse("link=Home") == .linkText("Home"))
        #expect(Locator.parse("linkText=Home") == .linkText("Home"))
        #expect(Locator.parse("partialLinkText=Ho") == .partialLinkText("Ho"))
        #expect(Locator.parse("dom=document.forms[0]") == .script("document.forms[0]"))
        #expect(Locator.parse("host-element >>> #inner") == .chain([.css("host-element"), .css("#inner")]))
        #expect(Locator.parse(chain: ["pierce/x-app", "aria/Save"]) == .chain([.pierceCSS("x-app"), .accessibleName("Save", role: nil)]))
        // A separator inside brackets or quotes is not a chain.
        #expect(Locator.parse("[title='a >>> b']") == .css("[title='a >>> b']"))
    }

    @Test func humanTextInsideLocatorsIsALabelFromTheSelector() {
        #expect(words("aria/Submit[role=\"button\"]") == LocatorWords(label: "Submit", role: "button", source: .selector))
        #expect(Locator.parse("aria/Search[role=\"combobox\"]").words.role == "combo box")
        #expect(Locator.parse("aria/File[role=\"menuitem\"]").words.role == "menu item")
        #expect(label("text/Proceed to checkout") == "Proceed to checkout")
        #expect(words("linkText=Expense reports") == LocatorWords(label: "Expense reports", role: "link", source: .selector))
        #expect(label("input[placeholder=\"Search the wiki\"]") == "Search the wiki")
        #expect(label("button[aria-label='Close dialog']") == "Close dialog")
        #expect(label("xpath=//a[contains(text(),'Sign in')]") == "Sign in")
        #expect(label("//button[normalize-space()='Save draft']") == "Save draft")
        #expect(label("xpath=(//img[@alt='Google'])[1]") == "Google")
        #expect(label("xpath=//i[contains(.,' Login')]") == "Login")
        #expect(label("input[type=submit][value=\"Send order\"]") == "Send order")
        #expect(label("//label[text()='Email']/following-sibling::input") == "Email")
        // Spaces inside a marker and before the quote, as people write XPath by hand.
        #expect(label("//a[contains( text() , 'Spaced out')]") == "Spaced out")
        #expect(label("//img[@title = \"Logo of the company\"]") == "Logo of the company")
        #expect(label("//button[normalize-space( . )= 'Pay now']") == "Pay now")
        // A combining accent on a marker's letter is not that letter: the marker is not there.
        #expect(label("//div[@title\u{301}='x'][@id='Order total']") == "Order total")
    }

    @Test func humanTextWinsOverAnEarlierIdentifierAndAnAccessibleNameOverText() {
        #expect(words("#btn-17", "aria/Save") == LocatorWords(label: "Save", role: nil, source: .selector))
        #expect(words("text/Buy now", "aria/Buy[role=\"button\"]").label == "Buy")
        #expect(words("#save-draft", "div > button").role == "button")
    }

    @Test func identifiersBecomeWordsAndNoiseIsDropped() {
        #expect(words("#expense-amount") == LocatorWords(label: "Expense amount", role: nil, source: .identifier))
        #expect(label("[data-test=checkout]") == "Checkout")
        #expect(label("[data-test=submit-button]") == "Submit button")
        #expect(label("id=ctl00_MainContent_txtFirstName") == "First name")
        // A form toolkit's prefix names the form, not the field (Mahara's Pieforms).
        #expect(label("identifier=profileform_lastname") == "Lastname")
        #expect(label("id=loginForm-password") == "Password")
        #expect(label("id=form") == "Form")
        // Selenium 1: `document.…` is a DOM expression, never words and never CSS.
        #expect(Locator.parse("document.profileform.elements[10]") == .script("document.profileform.elements[10]"))
        #expect(label("document.main.variables[3]") == nil)
        #expect(label("name=emailAddress") == "Email address")
        #expect(label("#field-7f3a9c2e11") == "Field")
        #expect(Locator.parse("//*[@id=\"cost-centre\"]").words.source == .identifier)
        #expect(words("div.css-1x2y3z > span:nth-child(2)") == LocatorWords())
        #expect(words("input#q") == LocatorWords(label: nil, role: "text field", source: nil))
        #expect(label("input[name=email]") == "Email")
        #expect(Locator.parse("input[name=email]").words.role == "text field")
        #expect(label("#app > div:nth-child(3) > div.pay-container > ul > li > div.unit-controller > button:nth-child(1)") == nil)
        #expect(Locator.parse("#app > div > button:nth-child(1)").words.role == "button")
        #expect(label("xpath///*[@id=\"button\"]") == "Button")
        #expect(label("xpath//html/body/div/p[2]/a") == nil)
        #expect(label("pierce/#firstName") == "First name")
        #expect(label("#lst-ib") == nil)
        #expect(label(".lnXdpd") == nil)
        #expect(label("id=username") == "Username")
        #expect(label("name=q") == nil)
        #expect(label("#ssn-input") == "SSN")
        #expect(label("dom=document.getElementById('x')") == nil)
    }

    @Test func readableClassesAreTheLastGuess() {
        #expect(words(".order-row") == LocatorWords(label: "Order row", role: nil, source: .identifier))
        #expect(label(".header-secondary-container") == "Header secondary")
        #expect(label("div.css-1x2y3z") == nil)
        #expect(label("#save-button.btn.primary") == "Save button")
    }

    @Test func rolesShareOneVocabulary() {
        #expect(RoleWords.plain("textbox") == "text field")
        #expect(RoleWords.plain("text field") == "text field")
        #expect(RoleWords.plain("combobox") == RoleWords.forTag("select"))
        #expect(RoleWords.plain("checkbox") == RoleWords.forTag("input", inputType: "checkbox"))
        #expect(RoleWords.plain("radio") == "radio button")
        #expect(RoleWords.plain("Custom Widget") == "custom widget")
    }
}
