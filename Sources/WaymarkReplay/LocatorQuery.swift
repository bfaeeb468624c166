import Foundation
import WaymarkBrowser
import WaymarkLocators
import WaymarkModel

/// The one place a recorded locator becomes a browser query.
///
/// `WaymarkLocators` reads every recorder's selector dialect into a `Locator`; importers take words from it and
/// replay takes this. Keeping the mapping here means a new dialect needs one case in `Locator` and one line below,
/// and replay finds exactly what the importers described.
public enum LocatorQuery {
    /// The query for a stored selector, or nil for one a browser must not run (Selenium `dom=`/`js=` scripts) or
    /// one WebDriver cannot express (a shadow-DOM chain through XPath).
    public static func query(for selector: String) -> ElementQuery? {
        query(for: Locator.parse(selector))
    }

    public static func query(for locator: Locator) -> ElementQuery? {
        switch locator {
        case .css(let s): return s.isEmpty ? nil : .css(s)
        case .xpath(let s): return .xpath(s)
        case .accessibleName(let name, let role): return .accessibleName(name, role: role.map { AccessibleRole($0) })
        case .visibleText(let s): return .visibleText(s)
        case .pierceCSS(let s): return .pierceCSS(s)
        case .id(let s): return .css("[id=\"\(cssString(s))\"]")
        case .name(let s): return .css("[name=\"\(cssString(s))\"]")
        case .identifier(let s): return .css("[id=\"\(cssString(s))\"], [name=\"\(cssString(s))\"]")
        case .linkText(let s): return .linkText(s)
        case .partialLinkText(let s): return .partialLinkText(s)
        case .script: return nil
        case .chain(let parts):
            var selectors: [String] = []
            for part in parts {
                switch part {
                case .css(let s), .pierceCSS(let s): selectors.append(s)
                case .id(let s): selectors.append("[id=\"\(cssString(s))\"]")
                case .name(let s): selectors.append("[name=\"\(cssString(s))\"]")
                default: return nil
                }
            }
            return .shadowPath(selectors)
        }
    }

    /// Every query for a target, in the order a replay tries them: the recorded selectors (best first, as the
    /// recorder stored its alternatives), then the label and role a person reads, when the label is real words
    /// (written, or read from a selector or the application) rather than made from an identifier.
    public static func queries(for target: Target) -> [ElementQuery] {
        var out: [ElementQuery] = []
        for selector in target.selectors {
            if let q = query(for: selector), !out.contains(q) { out.append(q) }
        }
        if let label = target.label?.collapsingWhitespace, !label.isEmpty, target.labelSource != .identifier,
           !LocatorText.looksLikeSelector(label) {
            let q = ElementQuery.accessibleName(label, role: target.role.map { AccessibleRole($0) })
            if !out.contains(q) { out.append(q) }
        }
        return out
    }

    /// Whether a query names an element by machine locator (CSS, XPath, id …), where a recorder itself takes the
    /// first match, rather than by words a person reads (which must name exactly one element).
    static func isMachineLocator(_ query: ElementQuery) -> Bool {
        switch query.kind {
        case .css, .xpath, .pierceCSS, .shadowPath: true
        case .accessibleName, .visibleText, .linkText, .partialLinkText: false
        }
    }

    /// A CSS string's content: backslash and double quote escaped.
    static func cssString(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
