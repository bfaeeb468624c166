import Foundation
import WaymarkModel

/// Whether text is a machine locator, or quotes one: guides never print locators, so labels that are selectors are
/// dropped and writers' sentences that quote them are not used.
public enum LocatorText {
    /// Whether `text` as a whole is a locator rather than words: CSS, XPath, prefixed locators.
    public static func looksLikeSelector(_ text: String) -> Bool {
        let t = text.trimming(.whitespaces)
        // Every rule below needs one of these characters; ordinary labels have none, so they skip the patterns.
        guard t.utf8.contains(where: isSelectorPunctuation) else { return false }
        let lowered = t.lowercased()
        for prefix in ["//", "/html", "./", "xpath/", "xpath=", "css=", "id=", "name=", "pierce/", "aria/", "text/",
                       "linktext=", "partiallinktext=", "dom=", "identifier="] where lowered.hasPrefix(prefix) {
            return true
        }
        if t.foundationContains(">>>") || t.foundationContains(":nth-") || t.foundationContains("::") { return true }
        if t.foundationContains("[") && t.foundationContains("]") && t.foundationContains("=") { return true }
        if t.foundationContains("@") && t.foundationContains("[") { return true }
        // `#id`, `.class`, `tag#id`, `tag.class`, `div > span`. Words such as "Node.js", "report.pdf" or "e.g." are
        // not selectors: a qualified selector must start with an HTML tag name.
        return Patterns.selectorShapes.contains { $0.matches(t) }
    }

    /// `/` (XPath, `aria/`), `=` (`id=`), `#`, `.`, `:`, `[`, `>`, `@`: a text without any of them matches no rule.
    /// (A switch, not a set: every byte of every label is asked.)
    static func isSelectorPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: ":"),
             UInt8(ascii: "["), UInt8(ascii: ">"), UInt8(ascii: "@"): true
        default: false
        }
    }

    /// Whether free text (a writer's instruction, a recorder's comment) quotes a locator somewhere: `id=blue`,
    /// `css=…`, `//input[@id='x']`, `aria/Save`, `#email`, `[data-test=x]`. File names, addresses with `://`,
    /// "e.g." or "Invoice #1042" do not count.
    public static func containsLocator(in text: String) -> Bool {
        Patterns.locatorsInText.contains { $0.matches(text) }
    }
}

/// Regular expressions compiled once per process: phrasing asks about every label of every step.
enum Patterns {
    static let selectorShapes: [CompiledPattern] = {
        let identifier = #"[A-Za-z_][A-Za-z0-9_-]*"#
        let tags = "(a|abbr|article|aside|b|body|button|canvas|dd|details|dialog|div|dl|dt|em|fieldset|figure|footer|form|"
            + "h[1-6]|header|html|i|iframe|img|input|label|legend|li|main|nav|ol|option|p|section|select|span|strong|"
            + "summary|svg|table|tbody|td|textarea|th|thead|tr|ul)"
        return [
            "^[#.]\(identifier)([#.:\\[ >+~].*)?$",
            "^\(tags)[#.:\\[][A-Za-z_][A-Za-z0-9_-]+.*$",
            "^\(tags)( *> *[a-z][A-Za-z0-9_.#:=\\[\\]-]*)+$",
        ].compactMap(CompiledPattern.init)
    }()

    static let locatorsInText: [CompiledPattern] = [
        #"(?i)(^|\s)(id|name|css|xpath|linktext|partiallinktext|link|dom|identifier)=\S"#,
        #"(^|[\s(])//?[A-Za-z*]"#, #"(?i)(^|\s)(aria|text|pierce|xpath)/\S"#, #"\[@"#, #":nth-"#,
        #"(^|\s)#[A-Za-z][\w-]*"#, #"\[[\w-]+[~|^$*]?=[^\]]*\]"#, #">>>"#,
    ].compactMap(CompiledPattern.init)
}
