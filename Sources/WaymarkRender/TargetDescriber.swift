import Foundation
import WaymarkLocators
import WaymarkModel

/// How a step's target is named in prose, and how trustworthy that name is.
public struct TargetName: Sendable, Hashable {
    /// How the name was found, from best to worst.
    public enum Origin: Sendable, Hashable {
        /// The recorder's human label, or human text inside a selector (`aria/Save`, `text/Save`, `linkText=Save`).
        case label
        /// Words made from a machine locator (`#expense-amount` → "Expense amount"): readable, but a guess.
        case selectorWords
        /// Nothing readable at all: only the control's kind is known ("the button").
        case roleOnly
    }

    /// Words the learner reads on screen (bold in Markdown); nil when only the role is known.
    public var name: String?
    /// The control kind in plain words (`button`, `field`, `link`, `list`, `check box`, `menu item`).
    public var role: String?
    public var origin: Origin
}

/// Turns a `Target` into words a person recognises, never into a selector.
///
/// Importers read locators into a label and a role once (`WaymarkLocators`), and every command prepares a capture the
/// same way before rendering, so this describer reads only `label`, `role` and `labelSource`: the label if it is fit
/// for prose, the role in the plain words sentences use, and whether the name is a guess made from an identifier.
public enum TargetDescriber {
    /// Longest label printed in a sentence; longer text is cut at a word boundary with an ellipsis.
    static let maximumLabelLength = 80

    public static func describe(_ target: Target?) -> TargetName {
        guard let target else { return TargetName(name: nil, role: nil, origin: .roleOnly) }
        let role = target.role.flatMap(plainRole)
        guard let label = target.label.flatMap(cleanLabel) else {
            return TargetName(name: nil, role: role, origin: .roleOnly)
        }
        return TargetName(name: label, role: role, origin: target.labelSource == .identifier ? .selectorWords : .label)
    }

    /// A label fit for prose: trimmed, whitespace collapsed, length capped, and not itself a selector.
    public static func cleanLabel(_ raw: String) -> String? {
        let text = raw.collapsingWhitespace
        guard !text.isEmpty, !LocatorText.looksLikeSelector(text) else { return nil }
        let lowered = text.lowercased()
        if lowered == "undefined" || lowered == "null" || lowered == "nil" || lowered == "none" { return nil }
        return truncate(text, to: maximumLabelLength)
    }

    /// Plain words for a role as recorders spell it (`textbox`, `combobox`, `menuitem`, `checkbox`).
    public static func plainRole(_ raw: String) -> String? {
        let r = raw.lowercased().trimming(.whitespaces)
        switch r {
        case "": return nil
        case "textbox", "text field", "textfield", "input", "edit", "field", "searchbox", "search box", "search field",
             "number field", "textarea",
             "text", "spinbutton", "password", "email":
            return "field"
        case "combobox", "combo box", "listbox", "list box", "select", "dropdown", "drop-down", "list":
            return "list"
        case "checkbox", "check box": return "check box"
        case "radio", "radiobutton", "radio button": return "option"
        case "menuitem", "menu item", "menuitemcheckbox", "menuitemradio", "menu checkbox", "menu option": return "menu item"
        case "button", "submit", "push button", "pushbutton", "split button": return "button"
        case "link", "hyperlink", "a": return "link"
        case "tab", "tab item", "tabitem": return "tab"
        case "file", "file field": return "file picker"
        case "option": return "option"
        case "heading": return "heading"
        case "generic", "none", "presentation", "group", "div", "span", "statictext", "static text", "pane":
            return nil
        default:
            let words = r.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            return words.allSatisfy({ $0.isLetter || $0 == " " }) && words.count <= 24 ? words : nil
        }
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}
