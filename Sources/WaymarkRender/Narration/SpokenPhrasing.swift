import Foundation
import WaymarkModel

/// Turns a phrased guide into words written for the ear.
///
/// A listener cannot see Markdown, a URL or `Ctrl+S`. So: no markup is ever spoken, key combinations are named
/// ("Control plus S"), addresses are said as their host or page title, literals are said as they are unless they
/// are too long or too symbolic to say (then "the text shown on screen"). Sensitive values never reach an
/// `Instruction`, and this type reads nothing else of a step, so they are never spoken.
public struct SpokenPhrasing: Sendable {
    /// Literals longer than this (in characters) are summarised instead of read out.
    public static let longestSpokenLiteral = 40
    /// Literals with more words than this are summarised instead of read out.
    public static let mostWordsInSpokenLiteral = 7

    public init() {}

    // MARK: - Whole guide

    /// The full narration script: intro, one segment per step (instruction, then its notes), outro.
    public func script(for guide: PhrasedGuide) -> NarrationScript {
        let capture = guide.capture
        var segments: [NarrationSegment] = [NarrationSegment(kind: .intro, sentences: intro(for: capture))]
        for section in guide.sections {
            let heading = section.title.map { Self.plain($0) }.flatMap { $0.isEmpty ? nil : $0 }
            for step in section.steps {
                var sentences = self.sentences(for: step.instruction)
                for note in step.notes {
                    let spoken = Self.speakableProse(note)
                    if !spoken.isEmpty {
                        sentences += Self.splitSentences([.words("Note: " + spoken)])
                    }
                }
                if sentences.isEmpty { sentences = [SpokenSentence(words: "Continue with step \(step.number).")] }
                segments.append(NarrationSegment(
                    kind: .step(number: step.number), presenterHeading: heading, sentences: sentences,
                    screenshot: step.screenshot))
            }
        }
        segments.append(NarrationSegment(kind: .outro, sentences: outro(for: capture, stepCount: guide.steps.count)))
        return NarrationScript(title: Self.normalizeSpaces(capture.title), language: capture.languageTag, segments: segments)
    }

    /// "In this video you'll learn to …" from the objectives, else from a task-like title, then the purpose.
    public func intro(for capture: Capture) -> [SpokenSentence] {
        var out: [SpokenSentence] = []
        let objectives = capture.objectives.map { Self.trimmedClause(Self.speakableProse($0)) }.filter { !$0.isEmpty }
        let title = Self.trimmedClause(Self.speakableProse(capture.title))
        if !objectives.isEmpty {
            out.append(SpokenSentence(words: "In this video you'll learn to " + Self.list(objectives.map(Self.lowercasedFirst)) + "."))
        } else if Self.startsWithTaskVerb(title) {
            out.append(SpokenSentence(words: "In this video you'll learn to " + Self.lowercasedFirst(title) + "."))
        } else if !title.isEmpty {
            out.append(SpokenSentence(words: "This video walks you through " + title + "."))
        } else {
            out.append(SpokenSentence(words: "This video walks you through the process step by step."))
        }
        if let purpose = capture.purpose.map({ Self.speakableProse($0) }), !purpose.isEmpty {
            out += Self.splitSentences([.words(Self.endingSentence(purpose))])
        }
        return out
    }

    /// "That's it: you can now …", then who to ask when the capture names an owner.
    public func outro(for capture: Capture, stepCount: Int) -> [SpokenSentence] {
        var out: [SpokenSentence] = []
        let objectives = capture.objectives.map { Self.trimmedClause(Self.speakableProse($0)) }.filter { !$0.isEmpty }
        let title = Self.trimmedClause(Self.speakableProse(capture.title))
        if !objectives.isEmpty {
            out.append(SpokenSentence(words: "That's it: you can now " + Self.list(objectives.map(Self.lowercasedFirst)) + "."))
        } else if Self.startsWithTaskVerb(title) {
            out.append(SpokenSentence(words: "That's it: you can now " + Self.lowercasedFirst(title) + "."))
        } else {
            let steps = stepCount == 1 ? "the one step" : "all \(stepCount) steps"
            out.append(SpokenSentence(words: "That's it: you've completed \(steps)."))
        }
        if let owner = capture.owner.map({ Self.speakableProse($0) }), !owner.isEmpty {
            out.append(SpokenSentence(words: "If you have questions, contact \(Self.trimmedClause(owner))."))
        }
        return out
    }

    // MARK: - Instructions

    /// The spoken sentences of one instruction (a writer's own wording may hold several).
    public func sentences(for instruction: Instruction) -> [SpokenSentence] {
        var parts: [SpokenSentence.Part] = []
        for segment in instruction.segments {
            switch segment {
            case .text(let text):
                parts.append(.words(Self.speakableProse(text, trimming: false)))
            case .label(let label):
                parts.append(.words(Self.normalizeSpaces(Self.stripMarkdown(label))))
            case .literal(let literal):
                parts.append(.words(Self.spokenLiteral(literal)))
            case .keys(let keys):
                parts.append(Self.spokenKeys(keys))
            case .link(let url, let spoken):
                let said = Self.normalizeSpaces(spoken)
                parts.append(.words(said.isEmpty || Self.looksLikeURL(said) ? Self.spokenAddress(url) : said))
            }
        }
        return Self.splitSentences(Self.mergeWords(parts))
    }

    // MARK: - Pieces (public so tests and other renderers can rely on them)

    /// A key combination as a spoken substitution: `["Ctrl", "S"]` → written `Ctrl+S`, spoken "Control plus S".
    public static func spokenKeys(_ keys: [String]) -> SpokenSentence.Part {
        let cleaned = keys.map { $0.trimming(.whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if cleaned.count == 1, let only = cleaned.first, only.count == 1,
           only.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII }) {
            return .characters(only.uppercased())
        }
        let spoken = cleaned.map(spokenKeyName).joined(separator: " plus ")
        return .substitution(written: cleaned.joined(separator: "+"), spoken: spoken.isEmpty ? "the key shown on screen" : spoken)
    }

    /// The name of one key as people say it (`Ctrl` → "Control", `PgDn` → "Page Down", `ArrowUp` → "Up Arrow").
    public static func spokenKeyName(_ key: String) -> String {
        let names: [String: String] = [
            "ctrl": "Control", "control": "Control", "alt": "Alt", "option": "Option", "opt": "Option",
            "shift": "Shift", "meta": "Command", "cmd": "Command", "command": "Command", "win": "Windows key",
            "windows": "Windows key", "super": "Windows key", "enter": "Enter", "return": "Return", "esc": "Escape",
            "escape": "Escape", "del": "Delete", "delete": "Delete", "backspace": "Backspace", "tab": "Tab",
            "space": "Space", " ": "Space", "spacebar": "Space", "pgup": "Page Up", "pageup": "Page Up",
            "pgdn": "Page Down", "pagedown": "Page Down", "home": "Home", "end": "End", "ins": "Insert",
            "insert": "Insert", "arrowup": "Up Arrow", "up": "Up Arrow", "arrowdown": "Down Arrow",
            "down": "Down Arrow", "arrowleft": "Left Arrow", "left": "Left Arrow", "arrowright": "Right Arrow",
            "right": "Right Arrow", "capslock": "Caps Lock", "prtsc": "Print Screen", "printscreen": "Print Screen",
            "+": "plus", "-": "minus", "=": "equals", ",": "comma", ".": "period", "/": "slash", "\\": "backslash",
            ";": "semicolon", "'": "apostrophe", "`": "backtick", "[": "left bracket", "]": "right bracket",
            "*": "asterisk", "#": "hash", "@": "at", "<": "less than", ">": "greater than", "!": "exclamation mark",
            "?": "question mark", "&": "ampersand", "%": "percent", "$": "dollar", "^": "caret", "~": "tilde",
            "|": "vertical bar", "(": "left parenthesis", ")": "right parenthesis", "{": "left brace",
            "}": "right brace", "_": "underscore", "\"": "quote", ":": "colon",
        ]
        let lowered = key.lowercased()
        if let name = names[lowered] { return name }
        if key.count == 1 { return key.uppercased() }
        return key
    }

    /// A literal as said aloud: as is when short and word-like; an address as its host; otherwise a summary.
    public static func spokenLiteral(_ literal: String) -> String {
        let value = normalizeSpaces(literal)
        if value.isEmpty { return "nothing" }
        if looksLikeURL(value), !value.contains(" ") { return spokenAddress(value) }
        let words = value.split(separator: " ").count
        if value.count > longestSpokenLiteral || words > mostWordsInSpokenLiteral { return "the text shown on screen" }
        let visible = value.filter { !$0.isWhitespaceQuick }
        let wordlike = visible.filter { $0.isLetter || $0.isNumber }.count
        if wordlike == 0 || Double(wordlike) < Double(visible.count) * 0.6 { return "the value shown on screen" }
        return value
    }

    /// An address said as its host without `www.` (`https://www.example.com/a?b` → "example.com").
    public static func spokenAddress(_ url: String) -> String {
        var rest = Substring(url.trimming(.whitespacesAndNewlines))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        else if rest.lowercased().hasPrefix("mailto:") { return String(rest.dropFirst(7)) }
        let hostEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        var host = String(rest[..<hostEnd])
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) {
            host = String(host[..<colon])
        }
        if host.lowercased().hasPrefix("www.") { host = String(host.dropFirst(4)) }
        return host.isEmpty ? "the address shown on screen" : host
    }

    static func looksLikeURL(_ text: String) -> Bool {
        // Every prefix starts with f, h or w (either case), and no other character lowercases to one of those
        // letters; most words are answered here without lowercasing a copy.
        guard let first = text.utf8.first, first >= 0x80 || "fhwFHW".utf8.contains(first) else { return false }
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
            || lower.hasPrefix("ftp://") || lower.hasPrefix("file://")
    }

    /// Free prose (writer's wording, notes, purpose) made speakable: Markdown removed, addresses said as hosts,
    /// symbols a listener would hear read out replaced by words, whitespace collapsed.
    public static func speakableProse(_ text: String, trimming: Bool = true) -> String {
        var tokens: [String] = []
        let leading = text.first?.isWhitespaceQuick == true
        let trailing = text.last?.isWhitespaceQuick == true
        for raw in stripMarkdown(text).splitAtWhitespaceQuick() {
            var token = String(raw)
            // Keep sentence punctuation that follows an address: "Open https://x.com/a." → "Open x.com."
            var tail = ""
            while let last = token.last, ".,;:!?)".contains(last), !token.dropFirst().isEmpty {
                tail = String(last) + tail
                token.removeLast()
            }
            if looksLikeURL(token) {
                tokens.append(spokenAddress(token) + tail)
                continue
            }
            switch token {
            case "&": tokens.append("and" + tail)
            case "->", "→", "=>", ">":
                // "File → Save" is said "File, then Save".
                if let last = tokens.last, let mark = last.last, !",;:.".contains(mark) { tokens[tokens.count - 1] += "," }
                tokens.append("then" + tail)
            case "-", "–", "—", "|", "•": if !tail.isEmpty, !tokens.isEmpty { tokens[tokens.count - 1] += tail }
            default:
                if let keys = spokenKeyCombination(token) {
                    tokens.append(keys + tail)
                } else {
                    tokens.append(token + tail)
                }
            }
        }
        var out = tokens.joined(separator: " ")
        if !trimming {
            if leading, !out.isEmpty { out = " " + out }
            if trailing, !out.isEmpty { out += " " }
            if out.isEmpty, leading || trailing { out = " " }
        }
        return out
    }

    /// A key combination written in prose (`Ctrl+Shift+S`, `Windows+L`) said as words, or nil when `token` is not one.
    static func spokenKeyCombination(_ token: String) -> String? {
        // Most words have no `+` byte, so no `+` character either.
        guard token.utf8.contains(UInt8(ascii: "+")) else { return nil }
        let parts = token.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let last = parts.last, !last.isEmpty, last.count <= 12 else { return nil }
        let modifiers: Set<String> = ["ctrl", "control", "alt", "shift", "cmd", "command", "meta", "win", "windows", "option", "opt", "fn", "super"]
        guard parts.dropLast().allSatisfy({ modifiers.contains($0.lowercased()) }) else { return nil }
        return parts.map(spokenKeyName).joined(separator: " plus ")
    }

    /// Removes Markdown emphasis and code markers and turns `[text](url)` into `text`.
    static func stripMarkdown(_ text: String) -> String {
        // Without a `[`, `` ` ``, `*` or `_` byte there is no such character, and every character is kept.
        guard text.utf8.contains(where: { $0 == 0x5B || $0 == 0x60 || $0 == 0x2A || $0 == 0x5F }) else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let paren = text[close...].firstIndex(of: ")") {
                out += text[text.index(after: index)..<close]
                index = text.index(after: paren)
                continue
            }
            if c == "`" { index = text.index(after: index); continue }
            if c == "*" || c == "_" {
                // Emphasis markers: a run of * or _ that touches a word on one side only.
                var end = index
                while end < text.endIndex, text[end] == c { end = text.index(after: end) }
                let before = index > text.startIndex ? text[text.index(before: index)] : " "
                let after = end < text.endIndex ? text[end] : " "
                if c == "*" || !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) {
                    if !(before.isWhitespaceQuick && after.isWhitespaceQuick) {
                        index = end
                        continue
                    }
                }
            }
            out.append(c)
            index = text.index(after: index)
        }
        return out
    }

    /// Collapses runs of whitespace (including line breaks) to one space and trims the ends.
    public static func normalizeSpaces(_ text: String) -> String {
        withoutControls(text).collapsingWhitespace
    }

    /// The words of an instruction without markup, for headings a presenter reads.
    static func plain(_ instruction: Instruction) -> String {
        normalizeSpaces(instruction.segments.map { segment -> String in
            switch segment {
            case .text(let t), .label(let t), .literal(let t): stripMarkdown(t)
            case .keys(let k): k.joined(separator: "+")
            case .link(_, let spoken): spoken
            }
        }.joined())
    }

    /// Joins adjacent word parts so sentence splitting sees whole runs of text.
    static func mergeWords(_ parts: [SpokenSentence.Part]) -> [SpokenSentence.Part] {
        var out: [SpokenSentence.Part] = []
        for part in parts {
            if case .words(let w) = part, case .words(let previous)? = out.last {
                out[out.count - 1] = .words(previous + w)
            } else {
                out.append(part)
            }
        }
        return out
    }

    /// Splits parts into sentences after `.`, `!` or `?` followed by a space, collapses spaces, and makes sure each
    /// sentence ends with punctuation (speech engines pause there; captions read better).
    static func splitSentences(_ parts: [SpokenSentence.Part]) -> [SpokenSentence] {
        var sentences: [[SpokenSentence.Part]] = [[]]
        for part in parts {
            guard case .words(let text) = part else { sentences[sentences.count - 1].append(part); continue }
            // A sentence ends at `.`, `!` or `?` before a space and a capital, a number or something not a letter;
            // the space is dropped. Pieces are slices of the text, with every kind of space made a plain one.
            let end = text.endIndex
            var sentenceStart = text.startIndex
            var index = text.startIndex
            while index < end {
                let next = text.index(after: index)
                let c = text[index]
                if c == "." || c == "!" || c == "?", next < end, text[next].isWhitespaceQuick {
                    let afterSpace = text.index(after: next)
                    if afterSpace < end, case let d = text[afterSpace], d.isUppercaseQuick || d.isNumberQuick || !d.isLetterQuick {
                        sentences[sentences.count - 1].append(.words(plainSpaces(text[sentenceStart..<next])))
                        sentences.append([])
                        sentenceStart = afterSpace
                        index = afterSpace
                        continue
                    }
                }
                index = next
            }
            if sentenceStart < end { sentences[sentences.count - 1].append(.words(plainSpaces(text[sentenceStart..<end]))) }
        }
        return sentences.compactMap(tidy)
    }

    /// `text` with every whitespace character (tab, line break, no-break space …) written as a plain space.
    private static func plainSpaces(_ text: Substring) -> String {
        // Only a byte in tab … carriage return or outside ASCII can be a space other than U+0020.
        guard text.utf8.contains(where: { ($0 >= 0x09 && $0 <= 0x0D) || $0 >= 0x80 }) else { return String(text) }
        return String(text.map { $0.isWhitespaceQuick ? " " : $0 })
    }

    /// Collapses spaces across parts, trims the ends and adds a full stop when the sentence has no end mark.
    private static func tidy(_ rawParts: [SpokenSentence.Part]) -> SpokenSentence? {
        // Control characters (escape sequences, bell, NUL) are never said, printed or captioned.
        let parts = rawParts.map { part -> SpokenSentence.Part in
            switch part {
            case .words(let w): .words(withoutControls(w))
            case .substitution(let written, let spoken): .substitution(written: withoutControls(written), spoken: withoutControls(spoken))
            case .characters(let c): .characters(withoutControls(c))
            }
        }
        var out: [SpokenSentence.Part] = []
        var lastWasSpace = true
        for part in parts {
            switch part {
            case .words(let w):
                if let collapsed = collapsedASCIISpaces(w, lastWasSpace: &lastWasSpace) {
                    if !collapsed.isEmpty { out.append(.words(collapsed)) }
                    continue
                }
                var collapsed = ""
                for c in w {
                    if c.isWhitespaceQuick {
                        if !lastWasSpace { collapsed.append(" ") }
                        lastWasSpace = true
                    } else {
                        collapsed.append(c)
                        lastWasSpace = false
                    }
                }
                if !collapsed.isEmpty { out.append(.words(collapsed)) }
            default:
                out.append(part)
                lastWasSpace = false
            }
        }
        // Trim a trailing space.
        if case .words(let w)? = out.last, w.hasSuffix(" ") {
            let trimmed = String(w.dropLast())
            if trimmed.isEmpty { out.removeLast() } else { out[out.count - 1] = .words(trimmed) }
        }
        let sentence = SpokenSentence(out)
        let text = sentence.spokenText
        guard text.contains(where: { $0.isLetter || $0.isNumber || $0.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0x7F } }) else {
            return nil
        }
        if let last = text.last, !".!?:…".contains(last) {
            if case .words(let w)? = out.last {
                out[out.count - 1] = .words(w + ".")
            } else {
                out.append(.words("."))
            }
        }
        return SpokenSentence(out)
    }

    /// `tidy`'s collapsing of spaces on the bytes of ASCII text (where the ASCII spaces are the only ones and a CR LF
    /// pair, one character, is two spaces that collapse to one anyway); nil when `text` has other characters.
    private static func collapsedASCIISpaces(_ text: String, lastWasSpace: inout Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var last = lastWasSpace
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte.isASCIIWhitespace {
                if !last { out.append(0x20) }
                last = true
            } else {
                out.append(byte)
                last = false
            }
        }
        lastWasSpace = last
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with C0/C1 control characters removed (line breaks and tabs become spaces) and ANSI escape
    /// sequences (`ESC [ … letter`) dropped whole.
    static func withoutControls(_ text: String) -> String {
        // Controls are U+0000–U+001F and U+007F–U+009F (C2 80 … C2 9F in UTF-8): most text has none of those bytes.
        var previous: UInt8 = 0
        guard text.utf8.contains(where: { byte in
            defer { previous = byte }
            return byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }) else { return text }
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar.value == 0x1B {
                // Skip a CSI sequence: ESC [ parameters final-byte.
                if let next = iterator.next(), next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                }
                continue
            }
            if scalar == "\n" || scalar == "\t" || scalar == "\r" { out.append(" "); continue }
            if scalar.properties.generalCategory == .control { continue }
            out.append(scalar)
        }
        return String(out)
    }

    // MARK: - Small wording helpers

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: items[0] + " and " + items[1]
        default: items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }

    /// Lowercases the first letter unless the first word is an acronym or a name written in capitals (`SAP`).
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let firstWord = text.prefix { !$0.isWhitespaceQuick }
        if firstWord.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Drops trailing punctuation and spaces so a clause can be placed inside a sentence.
    static func trimmedClause(_ text: String) -> String {
        var out = normalizeSpaces(text)
        while let last = out.last, ".,;:!".contains(last) || last.isWhitespaceQuick { out.removeLast() }
        return out
    }

    static func endingSentence(_ text: String) -> String {
        let trimmed = normalizeSpaces(text)
        guard let last = trimmed.last else { return trimmed }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }

    /// Whether a title reads as a task ("Submit an expense report"), so it can follow "you'll learn to".
    static func startsWithTaskVerb(_ title: String) -> Bool {
        guard let first = title.split(separator: " ").first?.lowercased() else { return false }
        return taskVerbs.contains(first)
    }

    private static let taskVerbs: Set<String> = [
        "add", "apply", "approve", "archive", "assign", "attach", "book", "build", "buy", "cancel", "change", "check",
        "choose", "close", "complete", "configure", "connect", "convert", "copy", "create", "deactivate", "delete",
        "deploy", "disable", "download", "duplicate", "edit", "enable", "enroll", "enter", "export", "file", "fill",
        "find", "fix", "generate", "grant", "import", "install", "invite", "join", "launch", "link", "log", "make",
        "manage", "merge", "migrate", "move", "onboard", "open", "order", "pay", "place", "plan", "post", "prepare",
        "print", "process", "publish", "record", "recover", "register", "reject", "remove", "rename", "renew",
        "reorder", "replace", "report", "request", "reserve", "reset", "restore", "review", "revoke", "run", "save",
        "schedule", "search", "select", "send", "set", "share", "sign", "start", "stop", "submit", "subscribe",
        "switch", "sync", "track", "transfer", "turn", "unlock", "update", "upgrade", "upload", "use", "verify", "view",
        "write",
    ]
}
