import WaymarkModel

/// The kind of a control in plain words (`button`, `text field`, `combo box`, `checkbox`, `menu item`), from an
/// ARIA role, an HTML tag or a recorder's own word for it.
///
/// One vocabulary for every recorder, so the same control has the same role whichever tool recorded it — and the
/// role the browser computes during replay (`textbox`) compares with the one a recording stored (`text field`).
public enum RoleWords {
    /// `textbox` → "text field", `combobox` → "combo box", `menuitem` → "menu item"; words already plain stay.
    public static func plain(_ role: String) -> String {
        let lower = role.trimming(.whitespaces).lowercased()
        switch lower {
        case "button", "submit", "push button", "pushbutton": return "button"
        case "link", "a", "hyperlink": return "link"
        case "textbox", "input", "textarea", "text", "email", "password", "tel", "url", "number", "edit", "text field":
            return "text field"
        case "searchbox", "search", "search field": return "search field"
        case "combobox", "select", "combo box": return "combo box"
        case "listbox", "list": return "list"
        case "checkbox", "check box": return "checkbox"
        case "radio", "radiobutton", "radio button": return "radio button"
        case "menuitem", "menu item": return "menu item"
        case "menuitemcheckbox": return "menu checkbox"
        case "menuitemradio": return "menu option"
        case "menu", "menubar": return "menu"
        case "tab", "tab item", "tabitem": return "tab"
        case "option": return "option"
        case "img", "image": return "image"
        case "heading", "h1", "h2", "h3", "h4", "h5", "h6": return "heading"
        case "switch": return "switch"
        case "slider", "range": return "slider"
        case "dialog": return "dialog"
        case "row": return "row"
        case "cell", "gridcell", "td": return "cell"
        case "treeitem": return "tree item"
        case "li", "listitem", "list item": return "list item"
        case "file", "file field": return "file field"
        case "spinbutton": return "number field"
        default: return lower
        }
    }

    /// The role an HTML tag gives an element, for tags worth naming (others — div, span, custom elements — say
    /// nothing a learner sees). `inputType` is the `type` attribute of an `<input>`.
    public static func forTag(_ tag: String, inputType: String? = nil) -> String? {
        switch tag.lowercased() {
        case "button": return "button"
        case "a": return "link"
        case "select": return "combo box"
        case "textarea": return "text field"
        case "img", "picture": return "image"
        case "h1", "h2", "h3", "h4", "h5", "h6": return "heading"
        case "li": return "list item"
        case "option": return "option"
        case "input":
            switch inputType?.lowercased() {
            case "checkbox": return "checkbox"
            case "radio": return "radio button"
            case "submit", "button", "reset", "image": return "button"
            case "file": return "file field"
            case "search": return "search field"
            case "range": return "slider"
            default: return "text field"
            }
        default: return nil
        }
    }
}
