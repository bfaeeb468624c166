import Foundation
import WaymarkModel

/// One recorded way of finding an element, parsed from the text a recorder stored.
///
/// Recorders write locators in several dialects: Chrome DevTools Recorder (`aria/Name[role="button"]`, `text/…`,
/// `xpath/…`, `pierce/…`, plain CSS, and chains through shadow roots), Selenium IDE and its relatives (`id=`,
/// `name=`, `css=`, `xpath=`, `link=`/`linkText=`, `partialLinkText=`, `identifier=`, `dom=`, `document.…`, bare `//…`). They
/// never collide (no CSS selector starts with `aria/` or `id=`), so one reader takes them all. Every part of
/// Waymark that needs a locator's meaning asks this type: importers for the words a learner reads (`words`), the
/// replay engine for how to find the element in a browser.
public indirect enum Locator: Sendable, Hashable {
    /// A CSS selector (Recorder default, Selenium `css=`).
    case css(String)
    /// An XPath expression (Recorder `xpath/`, Selenium `xpath=` or a bare `//…`).
    case xpath(String)
    /// An element by its accessible name, optionally with an ARIA role (Recorder `aria/Name[role="button"]`).
    case accessibleName(String, role: String?)
    /// An element by its visible text (Recorder `text/`, Selenium `label=` in option lists).
    case visibleText(String)
    /// A CSS selector that also searches open shadow roots (Recorder `pierce/`).
    case pierceCSS(String)
    /// Each part found inside the shadow root of the element the previous part found (Recorder selector arrays,
    /// stored joined with ` >>> `).
    case chain([Locator])
    /// Selenium `id=`.
    case id(String)
    /// Selenium `name=`.
    case name(String)
    /// Selenium `identifier=` (and a bare word in old Selenium IDE files): the id, else the name.
    case identifier(String)
    /// Selenium `link=`/`linkText=`: a link with exactly this text.
    case linkText(String)
    /// Selenium `partialLinkText=`: a link whose text contains this.
    case partialLinkText(String)
    /// Selenium `dom=`/`js=`: a script expression. Never run and never read into words.
    case script(String)

    /// The separator between the parts of a shadow-DOM chain in stored selectors.
    public static let chainSeparator = " >>> "

    /// Parses a stored locator. Empty text is an empty CSS selector (which finds nothing and says nothing).
    public static func parse(_ raw: String) -> Locator {
        let text = raw.trimming(.whitespaces)
        let parts = SelectorScanner.split(text, on: chainSeparator)
        if parts.count > 1 { return .chain(parts.map { parseOne(String($0)) }) }
        return parseOne(text)
    }

    /// Parses a Recorder selector given as its parts (a shadow-DOM chain is an array of strings in the JSON).
    public static func parse(chain parts: [String]) -> Locator {
        parts.count == 1 ? parseOne(parts[0]) : .chain(parts.map(parseOne))
    }

    private static func parseOne(_ raw: String) -> Locator {
        let text = raw.trimming(.whitespaces)
        let lower = text.lowercased()
        func rest(_ prefix: String) -> String { String(text.dropFirst(prefix.count)) }
        if lower.hasPrefix("aria/") {
            let (name, role) = splitAriaRole(rest("aria/"))
            return .accessibleName(name, role: role)
        }
        if lower.hasPrefix("text/") { return .visibleText(rest("text/")) }
        if lower.hasPrefix("xpath/") { return .xpath(rest("xpath/")) }
        if lower.hasPrefix("pierce/") { return .pierceCSS(rest("pierce/")) }
        if lower.hasPrefix("css=") { return .css(rest("css=")) }
        if lower.hasPrefix("xpath=") { return .xpath(rest("xpath=")) }
        if lower.hasPrefix("id=") { return .id(rest("id=")) }
        if lower.hasPrefix("name=") { return .name(rest("name=")) }
        if lower.hasPrefix("identifier=") { return .identifier(rest("identifier=")) }
        if lower.hasPrefix("linktext=") { return .linkText(rest("linktext=")) }
        if lower.hasPrefix("link=") { return .linkText(rest("link=")) }
        if lower.hasPrefix("partiallinktext=") { return .partialLinkText(rest("partiallinktext=")) }
        if lower.hasPrefix("label=") { return .visibleText(rest("label=")) }
        if lower.hasPrefix("dom=") { return .script(rest("dom=")) }
        if lower.hasPrefix("js=") { return .script(rest("js=")) }
        // Selenium 1 reads a locator starting with `document.` as a DOM expression (`document.forms[0].email`).
        if text.hasPrefix("document.") { return .script(text) }
        if text.hasPrefix("/") || text.hasPrefix("(") || text.hasPrefix("./") { return .xpath(text) }
        return .css(text)
    }

    /// Splits `Name[role="button"]` into the accessible name and the ARIA role (quotes optional).
    static func splitAriaRole(_ body: String) -> (String, String?) {
        guard body.hasSuffix("]"), let open = body.range(of: "[role=", options: .backwards) else { return (body, nil) }
        let role = body[open.upperBound..<body.index(before: body.endIndex)]
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return (String(body[..<open.lowerBound]), role.isEmpty ? nil : role)
    }

    /// The element itself: the last part of a chain, or the locator.
    public var element: Locator {
        if case .chain(let parts) = self, let last = parts.last { return last.element }
        return self
    }
}
