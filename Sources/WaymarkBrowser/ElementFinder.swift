import WaymarkModel

/// Turns an `ElementQuery` into the elements it matches, in one attempt (the session's waits call it until a
/// deadline).
///
/// Classic WebDriver cannot find by accessible name, so accessible-name queries work in two steps, as WebdriverIO's
/// do: find candidates with XPath (elements whose `aria-label`, `title`, `alt`, `placeholder`, button value, text, or
/// `<label>` carries the name) and with CSS for the role's elements, then keep those whose W3C Get Computed Label is
/// the name and whose Get Computed Role is the role. The browser computes both, so the result is what a screen
/// reader announces, not a guess from markup.
struct ElementFinder: Sendable {
    let session: BrowserSession

    /// How many elements of a role are checked by name, at most. Pages with more buttons than this still match
    /// through the XPath step, which finds named elements directly.
    static let roleCandidateLimit = 80

    private var wire: WebDriverWire { session.wire }
    private var id: String { session.id }

    /// The elements `query` matches now; empty when none do, or when a frame of its path is not there yet.
    func matches(_ query: ElementQuery) async throws(BrowserError) -> [BrowserElement] {
        do throws(BrowserError) {
            if let frames = query.frames {
                guard try await enterFrames(frames) else { return [] }
            }
            return try await search(query.kind).map { BrowserElement(id: $0, session: session) }
        } catch where Self.isTransient(error) {
            // The page changed under the search (a node replaced, a frame reloading): look again on the next poll.
            return []
        }
    }

    /// Errors that mean "the page is changing", worth another poll rather than a failure.
    static func isTransient(_ error: BrowserError) -> Bool {
        guard let kind = error.webDriverError else { return false }
        return [.staleElementReference, .detachedShadowRoot, .noSuchFrame, .noSuchShadowRoot].contains(kind)
    }

    /// Switches to the top-level document and then through `frames`; false when a frame is not there (yet).
    private func enterFrames(_ frames: [FrameSelector]) async throws(BrowserError) -> Bool {
        try await wire.switchToFrame(id, .top)
        for step in frames {
            switch step {
            case .index(let n):
                try await wire.switchToFrame(id, .index(n))
            case .element(let query):
                guard let frame = try await search(query.kind).first else { return false }
                try await wire.switchToFrame(id, .element(frame))
            }
        }
        return true
    }

    private func search(_ kind: ElementQuery.Kind) async throws(BrowserError) -> [ElementID] {
        switch kind {
        case .css(let s): return try await wire.findElements(id, .css(s), from: .document)
        case .xpath(let s): return try await wire.findElements(id, .xpath(s), from: .document)
        case .linkText(let s): return try await wire.findElements(id, .linkText(s), from: .document)
        case .partialLinkText(let s): return try await wire.findElements(id, .partialLinkText(s), from: .document)
        case .pierceCSS(let selector): return try await pierce(selector)
        case .shadowPath(let selectors): return try await shadowPath(selectors)
        case .visibleText(let text): return try await visibleText(text)
        case .accessibleName(let name, let role): return try await accessibleName(name, role: role)
        }
    }

    // MARK: Shadow DOM

    /// WebDriver's finds stop at shadow boundaries; this one script walks every open shadow root (nothing else in
    /// WebDriver can), and returns real element references.
    private func pierce(_ selector: String) async throws(BrowserError) -> [ElementID] {
        let script = """
            const selector = arguments[0];
            const found = [];
            const roots = [document];
            while (roots.length > 0) {
              const root = roots.shift();
              found.push(...root.querySelectorAll(selector));
              for (const node of root.querySelectorAll('*')) {
                if (node.shadowRoot) roots.push(node.shadowRoot);
              }
            }
            return found;
            """
        let value = try await wire.executeScript(id, script, [.string(selector)], timeout: session.options.timeouts.script + .seconds(15))
        return (value.arrayValue ?? []).compactMap(\.elementValue)
    }

    /// W3C Get Element Shadow Root and Find Elements From Shadow Root, one selector per level.
    private func shadowPath(_ selectors: [String]) async throws(BrowserError) -> [ElementID] {
        guard let first = selectors.first else {
            throw BrowserError(.browserInvalidQuery, "A shadow path needs at least one CSS selector.")
        }
        var current = try await wire.findElements(id, .css(first), from: .document)
        for selector in selectors.dropFirst() {
            var next: [ElementID] = []
            for host in current {
                guard let root = try await wire.shadowRoot(id, of: host) else { continue }
                next += try await wire.findElements(id, .css(selector), from: .shadowRoot(root))
            }
            current = next
        }
        return current
    }

    // MARK: Text

    /// The innermost displayed elements whose text is `text` (white space collapsed, no-break spaces as spaces);
    /// when there are none, those whose text contains it.
    private func visibleText(_ text: String) async throws(BrowserError) -> [ElementID] {
        let literal = Self.xpathLiteral(text.collapsingWhitespace)
        let content = "normalize-space(translate(., '\u{00A0}', ' '))"
        let skip = "not(self::script or self::style or self::head or self::title or self::noscript)"
        for test in ["\(content) = \(literal)", "contains(\(content), \(literal))"] {
            let xpath = "//*[\(skip)][\(test)][not(*[\(test)])]"
            var shown: [ElementID] = []
            for element in try await wire.findElements(id, .xpath(xpath), from: .document) {
                if try await wire.elementFlag(id, element, .displayed) { shown.append(element) }
            }
            if !shown.isEmpty { return shown }
        }
        return []
    }

    // MARK: Accessible name

    private func accessibleName(_ name: String, role: AccessibleRole?) async throws(BrowserError) -> [ElementID] {
        let wanted = name.collapsingWhitespace
        var candidates = try await wire.findElements(id, .xpath(Self.namedElementsXPath(wanted)), from: .document)
        if let role, let selector = role.candidateSelector {
            let ofRole = try await wire.findElements(id, .css(selector), from: .document)
            let seen = Set(candidates)
            candidates += ofRole.prefix(Self.roleCandidateLimit).filter { !seen.contains($0) }
        }
        var matches: [ElementID] = []
        var seen = Set<ElementID>()
        for element in candidates where seen.insert(element).inserted {
            guard try await wire.computedLabel(id, element).collapsingWhitespace == wanted else { continue }
            let computedRole = try await wire.computedRole(id, element)
            if let role, role.isKnown {
                guard role.matches(computedRole: computedRole) else { continue }
            } else if Self.unnamedRoles.contains(computedRole.lowercased()) {
                continue
            }
            matches.append(element)
        }
        return matches
    }

    /// Roles that do not make an element something a step acts on by name (a `<label>`'s own text, a plain
    /// `<span>`); left out when a query gives no role.
    private static let unnamedRoles: Set<String> = ["", "generic", "none", "presentation", "labeltext", "statictext"]

    /// Elements that may carry `name`: by ARIA label, title, alt text, placeholder, button value, own text, a
    /// `<label for>` or wrapping `<label>` that contains it, or any `aria-labelledby` (resolved by the browser).
    static func namedElementsXPath(_ name: String) -> String {
        let l = xpathLiteral(name)
        let text = "normalize-space(translate(., '\u{00A0}', ' '))"
        let controls = "self::input or self::select or self::textarea or self::button or self::meter or self::output or self::progress"
        let attributes = ["@aria-label", "@title", "@alt", "@placeholder"].map { "normalize-space(\($0)) = \(l)" }
            .joined(separator: " or ")
        return [
            "//*[not(self::html or self::body or self::head or self::script or self::style or self::title)]"
                + "[\(attributes) or ((self::input or self::button) and normalize-space(@value) = \(l)) or \(text) = \(l)]",
            "//*[@id = //label[contains(\(text), \(l))]/@for]",
            "//label[contains(\(text), \(l))]//*[\(controls)]",
            "//*[@aria-labelledby]",
        ].joined(separator: " | ")
    }

    /// `text` as an XPath 1.0 string literal (which has no escapes: quotes are joined with `concat`).
    static func xpathLiteral(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }

    // MARK: Candidates

    /// Named elements of `role` (or of the interactive roles), most similar to `name` first.
    func candidates(role: AccessibleRole?, similarTo name: String?, limit: Int) async throws(BrowserError) -> [ElementCandidate] {
        let roles = role.flatMap { $0.isKnown ? [$0] : nil } ?? AccessibleRole.interactive
        let selector = roles.compactMap(\.candidateSelector).joined(separator: ", ")
        let elements = try await wire.findElements(id, .css(selector), from: .document)
        var found: [ElementCandidate] = []
        for element in elements.prefix(Self.roleCandidateLimit) {
            do throws(BrowserError) {
                let label = try await wire.computedLabel(id, element).collapsingWhitespace
                guard !label.isEmpty else { continue }
                let computedRole = try await wire.computedRole(id, element)
                guard roles.contains(where: { $0.matches(computedRole: computedRole) }),
                      try await wire.elementFlag(id, element, .displayed) else { continue }
                found.append(ElementCandidate(element: BrowserElement(id: element, session: session), name: label, role: computedRole))
            } catch where Self.isTransient(error) {
                continue
            }
        }
        if let name {
            let target = name.collapsingWhitespace.lowercased()
            let scored = found.enumerated().map { (offset: $0.offset, score: Self.similarity(target, $0.element.name.lowercased()), candidate: $0.element) }
            found = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.offset < $1.offset }.map(\.candidate)
        }
        return Array(found.prefix(max(0, limit)))
    }

    /// 1 for equal strings, 0 for nothing in common: one minus the edit distance over the longer length.
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return x.isEmpty && y.isEmpty ? 1 : 0 }
        // Levenshtein distance, one row at a time.
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var row = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
    }
}
