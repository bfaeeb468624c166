/// A role the way a capture names it ("drop-down list", "text field", "button", "password field"), with the ARIA
/// roles Chromium's Get Computed Role reports for such elements and a CSS selector that finds candidates.
///
/// Recorders and people describe roles in words; WebDriver answers with ARIA role names (`combobox`, `textbox`,
/// and Chromium's own `Date` for a date input). This table joins the two so that `accessibleName("Amount",
/// role: "text field")` finds an `<input>` whose computed role is `textbox`. A role word the table does not know
/// ("drop zone", "folder") is kept for messages but does not filter matches: only the name does.
public struct AccessibleRole: Hashable, Sendable, CustomStringConvertible {
    /// The role as given.
    public let name: String
    /// Lower-cased ARIA (or Chromium) role names that count as this role; empty when the word is unknown.
    public let ariaRoles: Set<String>
    /// A CSS selector list that finds elements that may have this role (implicit and explicit roles).
    let candidateSelector: String?

    public init(_ name: String) {
        self.name = name
        if let entry = Self.entries[Self.fold(name)] {
            ariaRoles = entry.roles
            candidateSelector = entry.selector
        } else if let word = Self.ariaWord(name), Self.allAriaRoles.contains(word) {
            ariaRoles = [word]
            candidateSelector = "[role=\"\(word)\"]"
        } else {
            ariaRoles = []
            candidateSelector = nil
        }
    }

    /// Whether the role word is one this adapter can check against computed roles.
    public var isKnown: Bool { !ariaRoles.isEmpty }

    /// Whether an element whose Get Computed Role is `computedRole` has this role (always true for unknown words).
    public func matches(computedRole: String) -> Bool {
        !isKnown || ariaRoles.contains(computedRole.lowercased())
    }

    /// The role, in the words of the capture.
    public var description: String { name }

    /// The roles people act on, for listing what is on a page when a query names no role.
    static let interactive: [AccessibleRole] = ["button", "link", "textbox", "combobox", "checkbox", "radio", "menuitem", "tab"]
        .map { AccessibleRole($0) }

    private struct Entry {
        let roles: Set<String>
        let selector: String
    }

    /// "Drop-down list" → "dropdownlist": case, spaces, hyphens and underscores do not matter.
    private static func fold(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// The name as a single ARIA role token, when it is letters only.
    private static func ariaWord(_ name: String) -> String? {
        let word = fold(name)
        return !word.isEmpty && word.allSatisfy({ $0.isASCII && $0.isLetter }) ? word : nil
    }

    private static let textInputs = "input:not([type]), input[type=text], input[type=email], input[type=password], "
        + "input[type=search], input[type=tel], input[type=url], textarea, [contenteditable=''], [contenteditable=true], "
        + "[role=textbox], [role=searchbox]"

    private static let table: [(aliases: [String], roles: Set<String>, selector: String)] = [
        (["button", "push button", "submit button", "command button"], ["button"],
         "button, input[type=button], input[type=submit], input[type=reset], input[type=image], summary, [role=button]"),
        (["link", "hyperlink", "hypertext link"], ["link"], "a[href], area[href], [role=link]"),
        (["textbox", "text box", "text field", "edit", "edit field", "input", "input field", "text area", "textarea",
          "password field", "password", "email field", "field"], ["textbox", "searchbox"], textInputs),
        (["searchbox", "search box", "search field"], ["searchbox", "textbox"], textInputs),
        (["spinbutton", "spin button", "number field", "numeric field"], ["spinbutton"], "input[type=number], [role=spinbutton]"),
        (["date field", "date picker", "date", "date input"], ["date", "datetime", "textbox"],
         "input[type=date], input[type=datetime-local], input[type=month], input[type=week], [role=textbox]"),
        (["time field", "time"], ["inputtime", "time", "textbox"], "input[type=time], [role=textbox]"),
        (["combobox", "combo box", "drop-down list", "dropdown list", "drop-down", "dropdown", "select", "list box",
          "listbox", "pick list", "picklist"], ["combobox", "listbox"],
         "select, input[list], [role=combobox], [role=listbox]"),
        (["checkbox", "check box"], ["checkbox"], "input[type=checkbox], [role=checkbox]"),
        (["switch", "toggle", "toggle switch", "toggle button"], ["switch", "checkbox", "button"],
         "input[type=checkbox], button, [role=switch]"),
        (["radio", "radio button", "option button"], ["radio"], "input[type=radio], [role=radio]"),
        (["option", "list option"], ["option"], "option, [role=option]"),
        (["menuitem", "menu item", "menu command"], ["menuitem", "menuitemcheckbox", "menuitemradio"],
         "[role=menuitem], [role=menuitemcheckbox], [role=menuitemradio]"),
        (["menu", "menu bar", "menubar"], ["menu", "menubar"], "[role=menu], [role=menubar]"),
        (["tab", "tab item", "page tab"], ["tab"], "[role=tab]"),
        (["heading", "header", "headline"], ["heading"], "h1, h2, h3, h4, h5, h6, [role=heading]"),
        (["image", "img", "picture", "graphic", "icon"], ["image", "img"], "img, svg, [role=img], [role=image]"),
        (["column header", "columnheader"], ["columnheader"], "th, [role=columnheader]"),
        (["row header", "rowheader"], ["rowheader"], "th, [role=rowheader]"),
        (["cell", "table cell", "grid cell", "gridcell"], ["cell", "gridcell"], "td, [role=cell], [role=gridcell]"),
        (["row", "table row"], ["row"], "tr, [role=row]"),
        (["table", "grid", "data grid"], ["table", "grid", "treegrid"], "table, [role=table], [role=grid], [role=treegrid]"),
        (["list item", "listitem"], ["listitem"], "li, [role=listitem]"),
        (["list"], ["list"], "ul, ol, [role=list]"),
        (["dialog", "dialog box", "modal", "alert dialog"], ["dialog", "alertdialog"],
         "dialog, [role=dialog], [role=alertdialog]"),
        (["status", "status bar", "status message"], ["status"], "output, [role=status]"),
        (["alert"], ["alert"], "[role=alert]"),
        (["slider", "range"], ["slider"], "input[type=range], [role=slider]"),
        (["tree item", "treeitem"], ["treeitem"], "[role=treeitem]"),
        (["progress bar", "progressbar"], ["progressbar"], "progress, [role=progressbar]"),
        (["navigation", "nav"], ["navigation"], "nav, [role=navigation]"),
    ]

    private static let entries: [String: Entry] = {
        var map: [String: Entry] = [:]
        for row in table {
            for alias in row.aliases { map[fold(alias)] = Entry(roles: row.roles, selector: row.selector) }
        }
        return map
    }()

    /// WAI-ARIA 1.2 role tokens, so a capture that already uses one ("tabpanel", "treegrid") is understood.
    private static let allAriaRoles: Set<String> = [
        "alert", "alertdialog", "application", "article", "banner", "blockquote", "button", "caption", "cell",
        "checkbox", "code", "columnheader", "combobox", "complementary", "contentinfo", "definition", "deletion",
        "dialog", "directory", "document", "emphasis", "feed", "figure", "form", "generic", "grid", "gridcell",
        "group", "heading", "img", "image", "insertion", "link", "list", "listbox", "listitem", "log", "main", "marquee",
        "math", "meter", "menu", "menubar", "menuitem", "menuitemcheckbox", "menuitemradio", "navigation", "none",
        "note", "option", "paragraph", "presentation", "progressbar", "radio", "radiogroup", "region", "row",
        "rowgroup", "rowheader", "scrollbar", "search", "searchbox", "separator", "slider", "spinbutton", "status",
        "strong", "subscript", "superscript", "switch", "tab", "table", "tablist", "tabpanel", "term", "textbox",
        "time", "timer", "toolbar", "tooltip", "tree", "treegrid", "treeitem",
    ]
}

extension AccessibleRole: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
