import WaymarkModel

/// The one scanner for selector text: it walks CSS and XPath respecting quotes, brackets and parentheses, so a `>`,
/// `/` or `,` inside `[title='a > b']` or `contains(., 'x/y')` is never taken for structure.
enum SelectorScanner {
    /// Calls `body` with every character of `text` that stands outside quotes, brackets and parentheses (its index
    /// and offset in characters); `body` returns how many characters to skip after it (0 to go on normally).
    private static func forEachTopLevel(_ text: String, _ body: (String.Index, Int) -> Int) {
        var depth = 0
        var quote: Character?
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let c = text[index]
            var skip = 0
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "(" {
                depth += 1
            } else if c == "]" || c == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                skip = body(index, offset)
            }
            let step = max(1, skip)
            index = text.index(index, offsetBy: step, limitedBy: text.endIndex) ?? text.endIndex
            offset += step
        }
    }

    /// `text` split at every top-level occurrence of `separator` (outside quotes, brackets and parentheses).
    static func split(_ text: String, on separator: String) -> [Substring] {
        guard !separator.isEmpty else { return [Substring(text)] }
        var parts: [Substring] = []
        var start = text.startIndex
        forEachTopLevel(text) { index, _ in
            guard text[index...].hasPrefix(separator) else { return 0 }
            parts.append(text[start..<index])
            start = text.index(index, offsetBy: separator.count)
            return separator.count
        }
        parts.append(text[start...])
        return parts
    }

    /// The compound selector after the last top-level combinator (space, `>`, `+`, `~`): the element itself.
    static func lastCompound(_ css: String) -> Substring {
        var start = css.startIndex
        forEachTopLevel(css) { index, _ in
            if " >+~".contains(css[index]) { start = css.index(after: index) }
            return 0
        }
        let compound = css[start...].drop { $0 == " " }
        return compound.isEmpty ? Substring(css) : compound
    }

    /// The parts of one compound selector: tag, `#id`, `.classes`, `[name=value]` attributes (names lower-cased,
    /// values unquoted, case flags dropped). Pseudo-classes and their arguments are skipped: they say nothing a
    /// learner sees.
    static func compoundParts(_ compound: Substring) -> (tag: String?, id: String?, classes: [String], attributes: [(String, String)]) {
        var tag: String?
        var id: String?
        var classes: [String] = []
        var attributes: [(String, String)] = []
        var index = compound.startIndex
        func readName(_ from: Substring.Index) -> (String, Substring.Index) {
            var end = from
            var name = ""
            while end < compound.endIndex {
                let c = compound[end]
                if c == "\\" {
                    end = compound.index(after: end)
                    if end < compound.endIndex { name.append(compound[end]); end = compound.index(after: end) }
                } else if c.isLetter || c.isNumber || c == "-" || c == "_" {
                    name.append(c)
                    end = compound.index(after: end)
                } else {
                    break
                }
            }
            return (name, end)
        }
        while index < compound.endIndex {
            let c = compound[index]
            if c == "#" {
                let (name, end) = readName(compound.index(after: index)); id = name; index = end
            } else if c == "." {
                let (name, end) = readName(compound.index(after: index)); classes.append(name); index = end
            } else if c == "[" {
                let (attribute, end) = readAttribute(compound, from: index)
                if let attribute { attributes.append(attribute) }
                index = end
            } else if c == ":" {
                var depth = 0
                index = compound.index(after: index)
                while index < compound.endIndex {
                    let d = compound[index]
                    if d == "(" { depth += 1 } else if d == ")" { depth -= 1 } else if depth == 0, ".#[:".contains(d) { break }
                    index = compound.index(after: index)
                }
            } else if c.isLetter || c == "*" {
                let (name, end) = readName(index)
                if !name.isEmpty { tag = name.lowercased() }
                index = end == index ? compound.index(after: index) : end
            } else {
                index = compound.index(after: index)
            }
        }
        return (tag, id, classes, attributes)
    }

    /// One `[name op value flags]` starting at `open`, and the index after its `]`.
    private static func readAttribute(_ text: Substring, from open: Substring.Index) -> ((String, String)?, Substring.Index) {
        var index = text.index(after: open)
        var name = ""
        while index < text.endIndex, !"=]".contains(text[index]) { name.append(text[index]); index = text.index(after: index) }
        guard index < text.endIndex else { return (nil, index) }
        if text[index] == "]" { return (nil, text.index(after: index)) }
        index = text.index(after: index)
        if let last = name.last, "^$*~|".contains(last) { name.removeLast() }
        while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        var value = ""
        if index < text.endIndex, text[index] == "\"" || text[index] == "'" {
            let q = text[index]
            index = text.index(after: index)
            while index < text.endIndex, text[index] != q { value.append(text[index]); index = text.index(after: index) }
            if index < text.endIndex { index = text.index(after: index) }
        } else {
            while index < text.endIndex, text[index] != "]", text[index] != " " {
                value.append(text[index]); index = text.index(after: index)
            }
        }
        while index < text.endIndex, text[index] != "]" { index = text.index(after: index) }
        if index < text.endIndex { index = text.index(after: index) }
        return ((name.trimming(.whitespaces).lowercased(), value), index)
    }

    /// XPath location steps split on `/` outside quotes, brackets and parentheses, without empty steps; a leading
    /// grouping parenthesis (`(//img[@alt='x'])[1]`) is dropped.
    static func xpathSteps(_ xpath: String) -> [Substring] {
        split(xpath, on: "/").filter { !$0.isEmpty }.map { step in
            var s = step
            while s.first == "(" { s = s.dropFirst() }
            return s
        }
    }

    /// The quoted string right after `marker` in `text`, allowing whitespace between the marker's characters and
    /// before the quote (`contains( . , 'x')`, `@title = "y"`). Byte for byte, no regular expression.
    static func quoted(after marker: String, in text: Substring) -> String? {
        // Readers try many markers on every step, and most are absent: the same match on the bytes first (an ASCII
        // character that matches is its own byte), so a text without the marker is never split into Characters.
        if marker.utf8.allSatisfy({ $0 < 0x80 }), !bytesMayMatch(marker.utf8, in: text.utf8) { return nil }
        let wanted = Array(marker).filter { $0 != " " }
        guard !wanted.isEmpty else { return nil }
        let characters = Array(text)
        var start = 0
        while start < characters.count {
            var i = start
            var matched = 0
            while i < characters.count, matched < wanted.count {
                if characters[i] == wanted[matched] {
                    matched += 1
                    i += 1
                } else if matched > 0, characters[i] == " " {
                    i += 1
                } else {
                    break
                }
            }
            if matched == wanted.count {
                while i < characters.count, characters[i] == " " { i += 1 }
                if i < characters.count, characters[i] == "\"" || characters[i] == "'" {
                    let q = characters[i]
                    var j = i + 1
                    while j < characters.count, characters[j] != q { j += 1 }
                    if j < characters.count { return String(characters[(i + 1)..<j]) }
                }
            }
            start += 1
        }
        return nil
    }

    /// Whether the bytes of `marker` other than spaces occur in `text` with only spaces between them: true whenever
    /// `quoted(after:in:)` could find the marker (it may also be true when the Characters differ, e.g. a letter with
    /// a combining accent). Nothing is allocated.
    private static func bytesMayMatch(_ marker: String.UTF8View, in text: Substring.UTF8View) -> Bool {
        let wanted = marker.lazy.filter { $0 != 0x20 }
        guard let first = wanted.first else { return false }
        var start = text.startIndex
        while start < text.endIndex {
            if text[start] == first {
                var w = wanted.index(after: wanted.startIndex)
                var i = text.index(after: start)
                while w != wanted.endIndex, i < text.endIndex {
                    if text[i] == wanted[w] {
                        w = wanted.index(after: w)
                    } else if text[i] != 0x20 {
                        break
                    }
                    i = text.index(after: i)
                }
                if w == wanted.endIndex { return true }
            }
            start = text.index(after: start)
        }
        return false
    }
}
