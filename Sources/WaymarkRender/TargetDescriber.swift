import Foundation
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
/// Recorders often know only machine locators. Printing `#expense-amount > input:nth-child(2)` or an XPath in a
/// guide is useless to a learner, so this describer uses the human label when there is one, then human text inside
/// selectors, then identifiers turned into words, and finally only the role. Callers warn when the name is a guess.
public enum TargetDescriber {
    /// Longest label printed in a sentence; longer text is cut at a word boundary with an ellipsis.
    static let maximumLabelLength = 80

    public static func describe(_ target: Target?) -> TargetName {
        guard let target else { return TargetName(name: nil, role: nil, origin: .roleOnly) }
        var role = target.role.flatMap(plainRole)
        if let label = target.label.flatMap(cleanLabel) {
            return TargetName(name: label, role: role, origin: .label)
        }
        // Human text carried by selectors wins over identifiers, whatever the selector order.
        var words: String?
        for selector in target.selectors {
            let reading = readSelector(selector)
            if role == nil, let r = reading.role { role = r }
            if let human = reading.humanText.flatMap(cleanLabel) {
                return TargetName(name: human, role: role, origin: .label)
            }
            if words == nil, let w = reading.identifierWords, !w.isEmpty { words = w }
        }
        if let words {
            return TargetName(name: words, role: role, origin: .selectorWords)
        }
        return TargetName(name: nil, role: role, origin: .roleOnly)
    }

    /// A label fit for prose: trimmed, whitespace collapsed, length capped, and not itself a selector.
    public static func cleanLabel(_ raw: String) -> String? {
        var text = raw
        for prefix in ["aria/", "text/"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        text = collapseWhitespace(text)
        guard !text.isEmpty, !looksLikeSelector(text) else { return nil }
        let lowered = text.lowercased()
        if lowered == "undefined" || lowered == "null" || lowered == "nil" || lowered == "none" { return nil }
        return truncate(text, to: maximumLabelLength)
    }

    /// Whether text is a machine locator rather than words: CSS, XPath, prefixed locators.
    public static func looksLikeSelector(_ text: String) -> Bool {
        let t = text.trimming(.whitespaces)
        // Every rule below needs one of these characters; ordinary labels have none, so they skip the regexes.
        guard t.utf8.contains(where: { Self.selectorPunctuation.contains($0) }) else { return false }
        let lowered = t.lowercased()
        for prefix in ["//", "/html", "./", "xpath/", "xpath=", "css=", "id=", "name=", "pierce/", "aria/", "text/",
                       "linktext=", "partiallinktext=", "dom=", "identifier="] where lowered.hasPrefix(prefix) {
            return true
        }
        if t.utf8Contains(">>>") || t.utf8Contains(":nth-") || t.utf8Contains("::") { return true }
        if t.utf8Contains("[") && t.utf8Contains("]") && t.utf8Contains("=") { return true }
        if t.utf8Contains("@") && t.utf8Contains("[") { return true }
        // `#id`, `.class`, `tag#id`, `tag.class`, `div > span`. Words such as "Node.js", "report.pdf" or "e.g." are
        // not selectors: a qualified selector must start with an HTML tag name.
        if Patterns.selectorShapes.contains(where: { $0.matches(t) }) { return true }
        return false
    }

    /// `/` (XPath, `aria/`), `=` (`id=`), `#`, `.`, `:`, `[`, `>`, `@`: a text without any of them matches no rule.
    static let selectorPunctuation: Set<UInt8> = Set("/=#.:[>@".utf8)

    /// Whether free text (a writer's instruction, a recorder's comment) quotes a machine locator somewhere:
    /// `id=blue`, `css=…`, `//input[@id='x']`, `aria/Save`, `#email`, `[data-test=x]`. Ordinary words such as file
    /// names, addresses with `://`, "e.g." or "Invoice #1042" do not count.
    public static func containsLocator(in text: String) -> Bool {
        Patterns.locatorsInText.contains { $0.matches(text) }
    }

    // MARK: - Reading selectors

    struct SelectorReading {
        var humanText: String?
        var identifierWords: String?
        var role: String?
    }

    static func readSelector(_ raw: String) -> SelectorReading {
        var selector = raw.trimming(.whitespaces)
        // Shadow-DOM chains: only the last part names the control.
        if let range = selector.range(of: ">>>", options: .backwards) {
            selector = String(selector[range.upperBound...]).trimming(.whitespaces)
        }
        let lowered = selector.lowercased()
        if lowered.hasPrefix("aria/") {
            var text = String(selector.dropFirst(5))
            var role: String?
            if let open = text.range(of: "[role=", options: .backwards), text.hasSuffix("]") {
                role = String(text[open.upperBound..<text.index(before: text.endIndex)])
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                text = String(text[..<open.lowerBound])
            }
            return SelectorReading(humanText: text, role: role.flatMap(plainRole))
        }
        if lowered.hasPrefix("text/") { return SelectorReading(humanText: String(selector.dropFirst(5))) }
        for (prefix, role) in [("linktext=", "link"), ("partiallinktext=", "link"), ("label=", nil)]
            where lowered.hasPrefix(prefix) {
            return SelectorReading(humanText: String(selector.dropFirst(prefix.count)), role: role)
        }
        for prefix in ["id=", "name=", "identifier="] where lowered.hasPrefix(prefix) {
            return SelectorReading(identifierWords: words(fromIdentifier: String(selector.dropFirst(prefix.count))))
        }
        if lowered.hasPrefix("pierce/") { return readCSS(String(selector.dropFirst(7))) }
        if lowered.hasPrefix("css=") { return readCSS(String(selector.dropFirst(4))) }
        if lowered.hasPrefix("xpath=") { return readXPath(String(selector.dropFirst(6))) }
        if lowered.hasPrefix("xpath/") { return readXPath(String(selector.dropFirst(6))) }
        if selector.hasPrefix("/") || selector.hasPrefix("(") || selector.hasPrefix("./") { return readXPath(selector) }
        if lowered.hasPrefix("dom=") || lowered.hasPrefix("js=") { return SelectorReading() }
        return readCSS(selector)
    }

    /// Attributes whose values are human text (kept verbatim) or identifiers (turned into words).
    static let humanAttributes = ["aria-label", "title", "placeholder", "alt", "label"]
    static let identifierAttributes = ["id", "name", "data-test", "data-testid", "data-test-id", "data-qa", "data-cy",
                                       "for", "value", "href"]

    static func readCSS(_ css: String) -> SelectorReading {
        // Only the last compound selector names the control itself; combinators inside [...] or quotes don't count.
        let last = lastCompound(of: css)
        var reading = SelectorReading()
        // Tag name → role.
        let tag = String(last.prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
        reading.role = roleForTag(tag)
        let attributes = attributeSelectors(in: last)
        for (name, value) in attributes {
            if name == "role", reading.role == nil { reading.role = plainRole(value) }
            if name == "type", ["checkbox", "radio", "submit", "button", "file"].contains(value.lowercased()) {
                reading.role = plainRole(value)
            }
        }
        for attribute in humanAttributes {
            if let value = attributes.first(where: { $0.0 == attribute })?.1, !value.isEmpty {
                reading.humanText = value
                return reading
            }
        }
        // `#id` in the last compound.
        if let hash = last.firstIndex(of: "#") {
            let id = last[last.index(after: hash)...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if let w = words(fromIdentifier: String(id)) {
                reading.identifierWords = w
                return reading
            }
        }
        for attribute in identifierAttributes {
            if let value = attributes.first(where: { $0.0 == attribute })?.1,
               let w = words(fromIdentifier: attribute == "href" ? lastPathWord(value) : value) {
                reading.identifierWords = w
                return reading
            }
        }
        return reading
    }

    /// The part after the last top-level combinator (space, `>`, `+`, `~`).
    static func lastCompound(of css: String) -> String {
        var depth = 0
        var quote: Character?
        var start = css.startIndex
        var index = css.startIndex
        while index < css.endIndex {
            let ch = css[index]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
            } else if ch == "[" || ch == "(" {
                depth += 1
            } else if ch == "]" || ch == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0, " >+~".contains(ch) {
                start = css.index(after: index)
            }
            index = css.index(after: index)
        }
        let compound = String(css[start...]).trimming(.whitespaces)
        return compound.isEmpty ? css : compound
    }

    /// `[name="value"]` pairs of one compound selector, names lowercased, values unquoted.
    static func attributeSelectors(in compound: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var rest = Substring(compound)
        while let open = rest.firstIndex(of: "[") {
            var index = rest.index(after: open)
            var name = ""
            while index < rest.endIndex, !"=]".contains(rest[index]) { name.append(rest[index]); index = rest.index(after: index) }
            guard index < rest.endIndex else { break }
            if rest[index] == "]" { rest = rest[rest.index(after: index)...]; continue }
            index = rest.index(after: index)  // past "="
            if let last = name.last, "^$*~|".contains(last) { name.removeLast() }
            var value = ""
            if index < rest.endIndex, rest[index] == "\"" || rest[index] == "'" {
                let q = rest[index]
                index = rest.index(after: index)
                while index < rest.endIndex, rest[index] != q { value.append(rest[index]); index = rest.index(after: index) }
                if index < rest.endIndex { index = rest.index(after: index) }
            } else {
                while index < rest.endIndex, rest[index] != "]", rest[index] != " " {
                    value.append(rest[index]); index = rest.index(after: index)
                }
            }
            out.append((name.trimming(.whitespaces).lowercased(), value))
            guard let close = rest[index...].firstIndex(of: "]") else { break }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func readXPath(_ xpath: String) -> SelectorReading {
        var reading = SelectorReading()
        // The last step names the control: //form/div/button[...] → button.
        let steps = xpath.split(separator: "/")
        if let lastStep = steps.last {
            let tag = String(lastStep.prefix { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
            reading.role = roleForTag(tag)
        }
        // Quoted string after text(), normalize-space(), @aria-label, @placeholder, @title → human text.
        let humanPatterns = [
            #"(?:text\(\)|normalize-space\((?:\.|text\(\))?\)|\.)\s*,?\s*=?\s*['"]([^'"]+)['"]"#,
            #"contains\(\s*(?:text\(\)|\.|normalize-space\(\))\s*,\s*['"]([^'"]+)['"]\s*\)"#,
            #"@(?:aria-label|placeholder|title|alt)\s*=\s*['"]([^'"]+)['"]"#,
        ]
        for pattern in humanPatterns {
            if let value = firstCapture(pattern, in: xpath) {
                reading.humanText = value
                return reading
            }
        }
        let idPattern = #"@(?:id|name|data-test|data-testid|for|value)\s*=\s*['"]([^'"]+)['"]"#
        if let value = firstCapture(idPattern, in: xpath) {
            reading.identifierWords = words(fromIdentifier: value)
        }
        return reading
    }

    static func firstCapture(_ pattern: String, in text: String) -> String? {
        guard let regex = Patterns.compiled(pattern),
              let match = regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).last,
              match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    static func lastPathWord(_ href: String) -> String {
        let trimmed = href.split(separator: "?").first.map(String.init) ?? href
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    // MARK: - Words

    /// Prefixes and tokens that carry no meaning for a learner (`ctl00`, `txt`, `btn`, generated numbers).
    static let noiseTokens: Set<String> = [
        "ctl", "txt", "btn", "lbl", "ddl", "chk", "cb", "rb", "el", "elem", "element", "input", "wrapper",
        "container", "js", "ng", "id", "the", "main", "content", "maincontent", "cph", "placeholder",
    ]

    /// `expense-amount` → "Expense amount", `ctl00_MainContent_txtFirstName` → "First name". Nil if only noise.
    public static func words(fromIdentifier identifier: String) -> String? {
        // Chunks between punctuation; generated hashes and numbers are dropped whole before camel-case splitting.
        let chunks = identifier.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { chunk in
            let digits = chunk.filter(\.isNumber).count
            if digits == chunk.count { return false }
            if chunk.count >= 6, digits >= 2, chunk.contains(where: \.isLetter) { return false }
            return true
        }
        var tokens: [String] = []
        for chunk in chunks {
            var current = ""
            var previous: Character?
            for ch in chunk {
                if let p = previous, (p.isLowercase && ch.isUppercase) || p.isLetter != ch.isLetter {
                    if !current.isEmpty { tokens.append(current) }
                    current = ""
                }
                current.append(ch)
                previous = ch
            }
            if !current.isEmpty { tokens.append(current) }
        }
        var meaningful = tokens.map { $0.lowercased() }.filter { token in
            guard !noiseTokens.contains(token) else { return false }
            if token.allSatisfy(\.isNumber) { return false }
            if token.hasPrefix("ctl"), token.dropFirst(3).allSatisfy(\.isNumber) { return false }
            return true
        }
        if meaningful.count > 1 { meaningful = meaningful.filter { $0.count > 1 } }
        guard !meaningful.isEmpty, meaningful.count <= 8, meaningful.joined().count >= 2 else { return nil }
        var sentence = meaningful.joined(separator: " ")
        sentence = sentence.prefix(1).uppercased() + sentence.dropFirst()
        return sentence
    }

    /// Plain words for a role as recorders spell it (`textbox`, `combobox`, `menuitem`, `checkbox`).
    public static func plainRole(_ raw: String) -> String? {
        let r = raw.lowercased().trimming(.whitespaces)
        switch r {
        case "": return nil
        case "textbox", "text field", "textfield", "input", "edit", "field", "searchbox", "search box", "textarea",
             "text", "spinbutton", "password", "email":
            return "field"
        case "combobox", "combo box", "listbox", "list box", "select", "dropdown", "drop-down", "list":
            return "list"
        case "checkbox", "check box": return "check box"
        case "radio", "radiobutton", "radio button": return "option"
        case "menuitem", "menu item", "menuitemcheckbox", "menuitemradio": return "menu item"
        case "button", "submit", "push button", "pushbutton", "split button": return "button"
        case "link", "hyperlink", "a": return "link"
        case "tab", "tab item", "tabitem": return "tab"
        case "file": return "file picker"
        case "option": return "option"
        case "heading": return "heading"
        case "generic", "none", "presentation", "group", "div", "span", "statictext", "static text", "pane":
            return nil
        default:
            let words = r.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            return words.allSatisfy({ $0.isLetter || $0 == " " }) && words.count <= 24 ? words : nil
        }
    }

    static func roleForTag(_ tag: String) -> String? {
        switch tag {
        case "input", "textarea": return "field"
        case "button": return "button"
        case "a": return "link"
        case "select": return "list"
        case "option": return "option"
        case "li": return nil
        default: return nil
        }
    }

    static func collapseWhitespace(_ text: String) -> String { text.collapsingWhitespace }

    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }
}

/// Regular expressions compiled once per process: phrasing runs them for every target of every step, and compiling
/// them per call was a fifth of a build's time.
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

    private static let cache = PatternCache()

    /// A compiled expression for `pattern`, compiled on first use.
    static func compiled(_ pattern: String) -> NSRegularExpression? { cache.regex(pattern) }
}

/// An `NSRegularExpression` that is only ever read after it is made.
struct CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression

    init?(_ pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

final class PatternCache: @unchecked Sendable {
    private var compiled: [String: NSRegularExpression] = [:]
    private let lock = NSLock()

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[pattern] { return regex }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled[pattern] = regex
        return regex
    }
}
