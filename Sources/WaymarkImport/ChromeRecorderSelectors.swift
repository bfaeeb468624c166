import Foundation
import WaymarkModel

/// Turns machine locators (Recorder selectors, Selenium locators) into words a learner can read.
///
/// Recorders store how a script finds an element, not what a person sees. Guides must never print a selector, so
/// every importer asks this type for a human label and a plain-words role instead. The order of preference is the
/// one a writer would use: accessible name (`aria/`), visible text (`text/`, link text, XPath text tests), then a
/// readable description derived from ids, names, test ids and classes (`#add-to-cart` → "Add to cart"). When
/// nothing readable is left the label stays nil — the phraser then says "the button" rather than printing a locator.
enum SelectorWording {
    /// A label and role read from one locator.
    struct Description: Sendable, Hashable {
        var label: String?
        var role: String?
        /// How much the label can be trusted: 3 accessible name, 2 visible text, 1 derived from an identifier.
        var strength: Int
    }

    // MARK: Chrome Recorder selectors

    /// Describes a Recorder selector: `aria/Name[role="button"]`, `text/…`, `xpath/…`, `pierce/…` or CSS. For a
    /// chain (shadow DOM), the last part names the element itself.
    static func describeRecorder(_ selector: String) -> Description {
        if selector.hasPrefix("aria/") {
            let body = String(selector.dropFirst(5))
            let (name, role) = splitAriaRole(body)
            let label = clean(name)
            return Description(label: label, role: role.map(roleWords), strength: label == nil ? 0 : 3)
        }
        if selector.hasPrefix("text/") {
            let label = clean(String(selector.dropFirst(5)))
            return Description(label: label, role: nil, strength: label == nil ? 0 : 2)
        }
        if selector.hasPrefix("xpath/") {
            return describeXPath(String(selector.dropFirst(6)))
        }
        if selector.hasPrefix("pierce/") {
            return describeCSS(String(selector.dropFirst(7)))
        }
        return describeCSS(selector)
    }

    /// Splits `Name[role="button"]` into the accessible name and the ARIA role.
    static func splitAriaRole(_ body: String) -> (String, String?) {
        guard body.hasSuffix("\"]"), let range = body.range(of: "[role=\"", options: .backwards) else { return (body, nil) }
        let name = String(body[..<range.lowerBound])
        let role = String(body[range.upperBound..<body.index(body.endIndex, offsetBy: -2)])
        return (name, role.isEmpty ? nil : role)
    }

    /// ARIA roles and HTML tag names in the plain words guides use.
    static func roleWords(_ role: String) -> String {
        switch role.lowercased() {
        case "button", "submit": "button"
        case "link", "a": "link"
        case "textbox", "input", "textarea", "text", "email", "password", "tel", "url", "number": "text field"
        case "searchbox", "search": "search field"
        case "combobox", "select": "combo box"
        case "listbox": "list"
        case "checkbox": "checkbox"
        case "radio": "radio button"
        case "menuitem": "menu item"
        case "menuitemcheckbox": "menu checkbox"
        case "menu", "menubar": "menu"
        case "tab": "tab"
        case "option": "option"
        case "img", "image": "image"
        case "heading", "h1", "h2", "h3", "h4", "h5", "h6": "heading"
        case "switch": "switch"
        case "slider", "range": "slider"
        case "dialog": "dialog"
        case "row": "row"
        case "cell", "gridcell", "td": "cell"
        case "treeitem": "tree item"
        case "li", "listitem": "list item"
        case "file": "file field"
        default: role.lowercased()
        }
    }

    /// Tag names worth naming as a role; others (div, span, custom elements) say nothing useful.
    static func roleForTag(_ tag: String, inputType: String? = nil) -> String? {
        switch tag.lowercased() {
        case "button": return "button"
        case "a": return "link"
        case "select": return "combo box"
        case "textarea": return "text field"
        case "img", "picture": return "image"
        case "h1", "h2", "h3", "h4", "h5", "h6": return "heading"
        case "li": return "list item"
        case "input":
            switch inputType?.lowercased() {
            case "checkbox": return "checkbox"
            case "radio": return "radio button"
            case "submit", "button", "reset": return "button"
            case "file": return "file field"
            case "search": return "search field"
            default: return "text field"
            }
        default: return nil
        }
    }

    // MARK: CSS

    /// Describes a CSS selector from its last compound selector (the element itself): id, test id, name,
    /// aria-label, placeholder, title, then classes; the tag gives the role.
    static func describeCSS(_ css: String) -> Description {
        let compound = lastCompound(css)
        var tag: String?
        var id: String?
        var classes: [String] = []
        var attributes: [(String, String)] = []
        var index = compound.startIndex
        func readName(_ from: String.Index) -> (String, String.Index) {
            var end = from
            while end < compound.endIndex {
                let c = compound[end]
                if c.isLetter || c.isNumber || c == "-" || c == "_" || c == "\\" { end = compound.index(after: end) } else { break }
            }
            return (String(compound[from..<end]).replacingOccurrences(of: "\\", with: ""), end)
        }
        while index < compound.endIndex {
            let c = compound[index]
            if c == "#" {
                let (name, end) = readName(compound.index(after: index)); id = name; index = end
            } else if c == "." {
                let (name, end) = readName(compound.index(after: index)); classes.append(name); index = end
            } else if c == "[" {
                guard let close = compound[index...].firstIndex(of: "]") else { break }
                let inner = compound[compound.index(after: index)..<close]
                if let eq = inner.firstIndex(of: "=") {
                    var key = String(inner[..<eq])
                    if let last = key.last, "~|^$*".contains(last) { key.removeLast() }
                    var value = String(inner[inner.index(after: eq)...]).trimming(.whitespaces)
                    if value.hasSuffix(" i") || value.hasSuffix(" s") { value = String(value.dropLast(2)) }
                    value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                    attributes.append((key.lowercased().trimming(.whitespaces), value))
                }
                index = compound.index(after: close)
            } else if c == ":" {
                // Pseudo-classes (:nth-child(2), :not(...)) say nothing a learner sees; skip with their arguments.
                var depth = 0
                index = compound.index(after: index)
                while index < compound.endIndex {
                    let d = compound[index]
                    if d == "(" { depth += 1 } else if d == ")" { depth -= 1 } else if depth == 0, d == "." || d == "#" || d == "[" || d == ":" { break }
                    index = compound.index(after: index)
                }
            } else if c.isLetter || c == "*" {
                let (name, end) = readName(index); tag = name.isEmpty ? nil : name; index = end == index ? compound.index(after: index) : end
            } else {
                index = compound.index(after: index)
            }
        }
        let inputType = attributes.first { $0.0 == "type" }?.1
        let role = tag.flatMap { roleForTag($0, inputType: inputType) }
        for key in ["aria-label", "alt", "title", "placeholder"] {
            if let value = attributes.first(where: { $0.0 == key })?.1, let label = clean(value) {
                return Description(label: label, role: role, strength: 2)
            }
        }
        for key in ["data-test", "data-testid", "data-test-id", "data-qa", "data-cy", "name", "for", "id"] {
            if let value = attributes.first(where: { $0.0 == key })?.1, let label = humanize(value) {
                return Description(label: label, role: role, strength: 1)
            }
        }
        if let id, let label = humanize(id) { return Description(label: label, role: role, strength: 1) }
        let readableClasses = classes.filter { $0.count >= 3 && !looksGenerated($0) }
        if !readableClasses.isEmpty, let label = humanize(readableClasses.joined(separator: " ")) {
            return Description(label: label, role: role, strength: 1)
        }
        return Description(label: nil, role: role, strength: 0)
    }

    /// The compound selector after the last combinator (space, `>`, `+`, `~`) outside brackets and parentheses.
    static func lastCompound(_ css: String) -> Substring {
        var depth = 0
        var quote: Character?
        var start = css.startIndex
        var index = css.startIndex
        while index < css.endIndex {
            let c = css[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "(" {
                depth += 1
            } else if c == "]" || c == ")" {
                depth -= 1
            } else if depth == 0, c == " " || c == ">" || c == "+" || c == "~" {
                start = css.index(after: index)
            }
            index = css.index(after: index)
        }
        return css[start...].drop { $0 == " " }
    }

    // MARK: XPath

    /// Describes an XPath from its last step: text tests (`text()='…'`, `contains(.,'…')`), `@aria-label`, `@alt`,
    /// `@title`, `@placeholder`, then `@id`/`@name`; the step's tag gives the role.
    static func describeXPath(_ xpath: String) -> Description {
        let steps = splitXPathSteps(xpath)
        guard let last = steps.last else { return Description(label: nil, role: nil, strength: 0) }
        let tag = String(last.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
        var role = roleForTag(tag)
        if tag.lowercased() == "input", let type = xpathValue(in: last, attribute: "@type") {
            role = roleForTag("input", inputType: type)
        }
        for test in ["text()", "."] {
            for function in ["contains(\(test),", "normalize-space(\(test))=", "\(test)="] {
                if let value = quotedAfter(function, in: last), let label = clean(value) {
                    return Description(label: label, role: role, strength: 2)
                }
            }
        }
        for attribute in ["@aria-label", "@alt", "@title", "@placeholder"] {
            if let value = xpathValue(in: last, attribute: attribute), let label = clean(value) {
                return Description(label: label, role: role, strength: 2)
            }
        }
        for attribute in ["@data-test", "@data-testid", "@name", "@id"] {
            if let value = xpathValue(in: last, attribute: attribute), let label = humanize(value) {
                return Description(label: label, role: role, strength: 1)
            }
        }
        return Description(label: nil, role: role, strength: 0)
    }

    /// XPath location steps split on `/` outside brackets and quotes, without empty steps.
    static func splitXPathSteps(_ xpath: String) -> [Substring] {
        var steps: [Substring] = []
        var depth = 0
        var quote: Character?
        var start = xpath.startIndex
        var index = xpath.startIndex
        while index < xpath.endIndex {
            let c = xpath[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "(" {
                depth += 1
            } else if c == "]" || c == ")" {
                depth -= 1
            } else if depth == 0, c == "/" {
                if start < index { steps.append(xpath[start..<index]) }
                start = xpath.index(after: index)
            }
            index = xpath.index(after: index)
        }
        if start < xpath.endIndex { steps.append(xpath[start...]) }
        return steps.map { step in
            // `(//img[@alt='Google'])[1]` leaves `img[@alt='Google'])[1]`: drop the grouping tail.
            var s = step
            while s.first == "(" { s = s.dropFirst() }
            return s
        }
    }

    /// The quoted string after `@attribute=` (or `contains(@attribute, …)`) in one step.
    static func xpathValue(in step: Substring, attribute: String) -> String? {
        quotedAfter("\(attribute)=", in: step) ?? quotedAfter("contains(\(attribute),", in: step)
    }

    /// The quoted string after `marker`, allowing spaces between the marker's characters (`contains( . , 'x')`).
    static func quotedAfter(_ marker: String, in text: Substring) -> String? {
        var pattern = ""
        for ch in marker { pattern += NSRegularExpression.escapedPattern(for: String(ch)) + "\\s*" }
        guard let regex = try? NSRegularExpression(pattern: pattern + "([\"'])(.*?)\\1") else { return nil }
        let string = String(text)
        guard let match = regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
              let range = Range(match.range(at: 2), in: string) else { return nil }
        return String(string[range])
    }

    // MARK: Selenium locators

    /// Describes a Selenium IDE locator: `id=`, `name=`, `css=`, `linkText=`, `partialLinkText=`, `xpath=`, or a
    /// bare XPath (`//…`) / identifier as older versions wrote them.
    static func describeSelenium(_ locator: String) -> Description {
        func after(_ prefix: String) -> String? {
            locator.hasPrefix(prefix) ? String(locator.dropFirst(prefix.count)) : nil
        }
        if let text = after("linkText=") ?? after("link=") ?? after("partialLinkText=") {
            let label = clean(text)
            return Description(label: label, role: "link", strength: label == nil ? 0 : 2)
        }
        if let css = after("css=") { return describeCSS(css) }
        if let xpath = after("xpath=") { return describeXPath(xpath) }
        if locator.hasPrefix("//") || locator.hasPrefix("(//") { return describeXPath(locator) }
        if let id = after("id=") ?? after("name=") ?? after("identifier=") {
            let label = humanize(id)
            return Description(label: label, role: nil, strength: label == nil ? 0 : 1)
        }
        if let text = after("label=") {
            let label = clean(text)
            return Description(label: label, role: nil, strength: label == nil ? 0 : 2)
        }
        return Description(label: nil, role: nil, strength: 0)
    }

    /// The best description among several locators: the strongest label wins (earlier on ties); the role comes
    /// from the first locator that names one.
    static func best(_ descriptions: [Description]) -> Description {
        var best = Description(label: nil, role: nil, strength: 0)
        for d in descriptions where d.label != nil && d.strength > best.strength { best = d }
        if best.role == nil { best.role = descriptions.lazy.compactMap(\.role).first }
        return best
    }

    // MARK: Words

    /// "first frame", "second frame" … "tenth frame", then "frame 11": how people count frames on a page, and a
    /// name the phraser turns into "in the second frame".
    static func frameName(index: Int) -> String {
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return index >= 0 && index < ordinals.count ? "\(ordinals[index]) frame" : "frame \(index + 1)"
    }

    /// `add-to-cart` → "Add to cart", `submitButton` → "Submit button", `first_name` → "First name".
    /// Returns nil when the identifier holds nothing readable (one letter, digits, generated hashes).
    static func humanize(_ identifier: String) -> String? {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for ch in identifier {
            if ch == "-" || ch == "_" || ch == " " || ch == "." || ch == ":" {
                if !current.isEmpty { words.append(current); current = "" }
            } else if ch.isUppercase, let p = previous, p.isLowercase {
                words.append(current); current = String(ch)
            } else if ch.isLetter || ch.isNumber {
                current.append(ch)
            }
            previous = ch
        }
        if !current.isEmpty { words.append(current) }
        words = words.map { $0.lowercased() }
        // Abbreviations without vowels (`btn`, `lst`) are not words a learner reads on screen.
        words = words.filter { word in word.allSatisfy(\.isNumber) || word.contains { "aeiouy".contains($0) } }
        guard !words.isEmpty else { return nil }
        let letters = words.joined().filter(\.isLetter).count
        guard letters >= 3, !looksGenerated(words.joined()) else { return nil }
        var text = words.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }

    /// Generated class names and ids (`lnXdpd`, `css-1x2y3z`, `a8f3e2c1`) read as noise, not words.
    static func looksGenerated(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        let digits = word.filter(\.isNumber).count
        if digits >= 3 && digits * 2 >= word.count { return true }
        // Mixed case inside a short token without separators: lnXdpd, gLFyf.
        let lower = letters.filter(\.isLowercase).count
        let upper = letters.filter(\.isUppercase).count
        if word.count <= 8, lower > 0, upper > 0, !word.first!.isUppercase || upper > 1,
           !word.contains("-"), !word.contains("_") {
            // camelCase words like submitButton have an upper case letter followed by a readable run.
            let runs = word.split { $0.isUppercase }
            if runs.contains(where: { $0.count < 3 }) { return true }
        }
        return false
    }

    /// Trims and collapses whitespace; nil when nothing is left.
    static func clean(_ text: String) -> String? {
        let collapsed = text.collapsingWhitespace
        return collapsed.isEmpty ? nil : collapsed
    }
}
