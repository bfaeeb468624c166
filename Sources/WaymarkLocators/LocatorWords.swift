import WaymarkModel

/// What a locator tells a person: the words on screen it names, the kind of control, and how far to trust them.
public struct LocatorWords: Sendable, Hashable {
    /// Words a learner reads, or nil when the locator holds nothing readable.
    public var label: String?
    /// The control kind in `RoleWords` vocabulary (`button`, `text field`), when the locator says.
    public var role: String?
    /// `.selector` for human text inside the locator, `.identifier` for words made from ids; nil without a label.
    public var source: LabelSource?

    public init(label: String? = nil, role: String? = nil, source: LabelSource? = nil) {
        self.label = label
        self.role = role
        self.source = source
    }
}

extension Locator {
    /// The words this locator gives a learner. Guides must never print a locator, so importers ask this instead.
    public var words: LocatorWords {
        switch self {
        case .accessibleName(let name, let role):
            let label = LocatorWords.clean(name)
            return LocatorWords(label: label, role: role.map(RoleWords.plain), source: label.map { _ in .selector })
        case .visibleText(let text):
            return LocatorWords.human(text)
        case .linkText(let text), .partialLinkText(let text):
            var words = LocatorWords.human(text)
            words.role = "link"
            return words
        case .id(let value), .name(let value), .identifier(let value):
            return LocatorWords.identifier(value)
        case .css(let css), .pierceCSS(let css):
            return LocatorWords.css(css)
        case .xpath(let xpath):
            return LocatorWords.xpath(xpath)
        case .chain(let parts):
            return parts.last?.words ?? LocatorWords()
        case .script:
            return LocatorWords()
        }
    }

    /// The strongest words among `locators` (earlier on ties): an accessible name or visible text beats words made
    /// from an id, whatever the order the recorder listed them in. The role comes from the best locator, else from
    /// the first that names one.
    public static func bestWords(_ locators: [Locator]) -> LocatorWords {
        var best = LocatorWords()
        var bestRank = 0
        var firstRole: String?
        for locator in locators {
            let words = locator.words
            if firstRole == nil { firstRole = words.role }
            let rank = trust(locator, words)
            if rank > bestRank {
                best = words
                bestRank = rank
            }
            // Nothing later can beat an accessible name (ties go to the earlier), and the role is settled.
            if bestRank == Self.highestTrust, best.role != nil { return best }
        }
        if best.role == nil { best.role = firstRole }
        return best
    }

    /// What `trust` gives an accessible name: the most a locator's words can be trusted.
    static let highestTrust = 3

    /// How far a locator's words can be trusted: an accessible name (what assistive technology reads) 3, visible
    /// text and readable attributes 2, words made from identifiers 1, nothing readable 0.
    static func trust(_ locator: Locator, _ words: LocatorWords) -> Int {
        guard words.label != nil else { return 0 }
        if case .accessibleName = locator.element { return 3 }
        return words.source == .identifier ? 1 : 2
    }

    /// `bestWords` for stored selector strings.
    public static func bestWords(_ selectors: [String]) -> LocatorWords { bestWords(selectors.map(Locator.parse)) }
}

extension LocatorWords {
    /// Attributes whose values people read on screen (or hear from a screen reader).
    static let humanAttributes = ["aria-label", "alt", "title", "placeholder", "label"]
    /// Attributes whose values are identifiers: words made from them are a guess.
    static let identifierAttributes = ["data-test", "data-testid", "data-test-id", "data-qa", "data-cy", "name", "for", "id"]

    /// Trims and collapses whitespace; nil when nothing is left or when the text is itself a locator.
    public static func clean(_ text: String) -> String? {
        let collapsed = text.collapsingWhitespace
        guard !collapsed.isEmpty, !LocatorText.looksLikeSelector(collapsed) else { return nil }
        return collapsed
    }

    static func human(_ text: String, role: String? = nil) -> LocatorWords {
        let label = clean(text)
        return LocatorWords(label: label, role: role, source: label.map { _ in .selector })
    }

    static func identifier(_ value: String, role: String? = nil) -> LocatorWords {
        let label = IdentifierWords.words(from: value)
        return LocatorWords(label: label, role: role, source: label.map { _ in .identifier })
    }

    /// From the last compound selector (the element itself): readable attributes, then identifiers (test ids,
    /// `name`, `for`, `#id`, the last word of an `href`, then readable class names); the tag and `type` or `role`
    /// give the role.
    static func css(_ css: String) -> LocatorWords {
        let parts = SelectorScanner.compoundParts(SelectorScanner.lastCompound(css))
        func attribute(_ name: String) -> String? { parts.attributes.first { $0.0 == name }?.1 }
        let inputType = attribute("type")
        var role = parts.tag.flatMap { RoleWords.forTag($0, inputType: inputType) }
        if let ariaRole = attribute("role"), !ariaRole.isEmpty { role = RoleWords.plain(ariaRole) }
        if parts.tag == nil, let inputType, ["checkbox", "radio", "submit", "button", "file"].contains(inputType.lowercased()) {
            role = RoleWords.forTag("input", inputType: inputType)
        }
        for name in humanAttributes {
            if let value = attribute(name), let label = clean(value) { return LocatorWords(label: label, role: role, source: .selector) }
        }
        // The value of a button-like input is the text on it.
        if let value = attribute("value"), let type = inputType?.lowercased(), ["submit", "button", "reset"].contains(type),
           let label = clean(value) {
            return LocatorWords(label: label, role: role, source: .selector)
        }
        for name in identifierAttributes {
            if let value = attribute(name), let label = IdentifierWords.words(from: value) {
                return LocatorWords(label: label, role: role, source: .identifier)
            }
        }
        if let id = parts.id, let label = IdentifierWords.words(from: id) {
            return LocatorWords(label: label, role: role, source: .identifier)
        }
        if let href = attribute("href"), let label = IdentifierWords.words(from: lastPathWord(href)) {
            return LocatorWords(label: label, role: role, source: .identifier)
        }
        let readableClasses = parts.classes.filter { $0.count >= 3 && !IdentifierWords.looksGenerated($0) }
        if !readableClasses.isEmpty, let label = IdentifierWords.words(from: readableClasses.joined(separator: " ")) {
            return LocatorWords(label: label, role: role, source: .identifier)
        }
        return LocatorWords(label: nil, role: role, source: nil)
    }

    /// From the last location step: text tests (`text()='…'`, `normalize-space()=`, `contains(., '…')`), readable
    /// attributes, then identifiers; the step's tag (and `@type`) gives the role. Text tests of earlier steps name
    /// the element too (`//label[text()='Email']/following::input`, `//button[contains(., 'Save')]/span`).
    static func xpath(_ xpath: String) -> LocatorWords {
        let steps = SelectorScanner.xpathSteps(xpath)
        guard let last = steps.last else { return LocatorWords() }
        let tag = String(last.prefix { $0.isLetterQuick || $0.isNumberQuick || $0 == "-" })
        let role = RoleWords.forTag(tag, inputType: value(of: "@type", in: last))
        if let label = readableText(in: last) { return LocatorWords(label: label, role: role, source: .selector) }
        for attribute in ["@data-test", "@data-testid", "@name", "@id", "@for"] {
            if let value = value(of: attribute, in: last), let label = IdentifierWords.words(from: value) {
                return LocatorWords(label: label, role: role, source: .identifier)
            }
        }
        for step in steps.dropLast().reversed() {
            if let label = readableText(in: step) { return LocatorWords(label: label, role: role, source: .selector) }
        }
        return LocatorWords(label: nil, role: role, source: nil)
    }

    /// A text test or a readable attribute in one XPath step.
    static func readableText(in step: Substring) -> String? {
        for test in ["text()", ".", "normalize-space()", "normalize-space(.)", "normalize-space(text())"] {
            for marker in ["contains(\(test),", "starts-with(\(test),", "\(test)="] {
                if let value = SelectorScanner.quoted(after: marker, in: step), let label = clean(value) { return label }
            }
        }
        for attribute in ["@aria-label", "@alt", "@title", "@placeholder"] {
            if let value = value(of: attribute, in: step), let label = clean(value) { return label }
        }
        return nil
    }

    /// The quoted string after `@attribute=` (or in `contains(@attribute, …)`) in one step.
    static func value(of attribute: String, in step: Substring) -> String? {
        SelectorScanner.quoted(after: "\(attribute)=", in: step) ?? SelectorScanner.quoted(after: "contains(\(attribute),", in: step)
    }

    static func lastPathWord(_ href: String) -> String {
        let path = href.split(separator: "?").first.map(String.init) ?? href
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
