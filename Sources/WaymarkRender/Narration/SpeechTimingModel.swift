/// How long a sentence takes to say: the documented timing model behind captions and the shot list.
///
/// All times are whole milliseconds so the same script always gives the same cues.
///
/// - A *word* is a run of characters between spaces. Words longer than seven characters count as
///   `characters / 7` words (a long word takes longer to say; "configuration" counts as 1.86 words). Parts joined
///   by `-` or `_` count separately; a `.`, `@` or `/` inside a word is said ("dot", "at", "slash") and counts as a
///   word; a run of digits counts one word per digit (at least one); an emoji or other symbol counts as one word.
/// - Every sentence adds `sentenceEndWords` (1.5) words for the rest a speaker takes at its full stop, and
///   `clausePauseWords` (0.5) for each comma, colon or semicolon followed by a space.
/// - A sentence lasts `words × 60 000 / wpm` milliseconds (150 wpm → 400 ms per word).
/// - Between the intro, each step and the outro there is a pause (`--pause`, default 0.8 s) with no caption;
///   the SSML carries the same pause as `<break>`.
/// - A sentence's time is shared among its cues in proportion to their characters. Each cue then lasts at least
///   `minimumCueMilliseconds` (1 s) and at least `characters / 17` seconds, so no cue is faster than 17 characters
///   per second; a cue that needs more time pushes everything after it later (cues never overlap).
///
/// Calibration (espeak-ng 1.51 on Debian, `espeak-ng -m -s WPM`, measured with `soxi -D`): espeak-ng speaks
/// plain words at the requested rate within 3 %, rests about 1.75 words at each SSML `<s>` end and renders
/// `<break time>` exactly. On the samples and the shared real captures the model lands within about 10 % of
/// espeak-ng's WAV from 100 to 200 wpm; the consumer tests hold it to 15 % on every sample at 100, 150 and 200 wpm.
public struct SpeechTimingModel: Sendable, Hashable {
    public var wordsPerMinute: Int
    public var pauseMilliseconds: Int

    /// Words of rest at the end of each sentence.
    public static let sentenceEndWords = 1.5
    /// Words of rest at a comma, colon or semicolon inside a sentence.
    public static let clausePauseWords = 0.5
    /// Characters per spoken word before a word counts as more than one.
    public static let charactersPerLongWord = 7.0
    /// Shortest time a caption stays on screen.
    public static let minimumCueMilliseconds = 1000
    /// Fastest reading speed allowed for a caption.
    public static let maximumCharactersPerSecond = 17

    public init(wordsPerMinute: Int, pauseMilliseconds: Int) {
        self.wordsPerMinute = max(1, wordsPerMinute)
        self.pauseMilliseconds = max(0, pauseMilliseconds)
    }

    public init(_ options: NarrationOptions) {
        self.init(wordsPerMinute: options.wordsPerMinute, pauseMilliseconds: options.pauseMilliseconds)
    }

    /// Spoken words in `text`: long words count for more, an address's dots and `@` are said ("dot", "at"),
    /// numbers take about one word per digit.
    public static func wordUnits(_ text: String) -> Double {
        text.splitAtWhitespaceQuick().reduce(0.0) { sum, word in sum + units(ofWord: word) }
    }

    static func units(ofWord word: Substring) -> Double {
        asciiUnits(ofWord: word.utf8) ?? characterUnits(ofWord: word)
    }

    /// What counting a word's units needs to know of one of its characters.
    enum WordCharacter: Equatable {
        case digit, letter
        /// `'` or `’`: part of the word, never a split.
        case apostrophe
        /// `.`, `@`, `/`: said ("dot", "at", "slash") between letters or numbers.
        case spokenSeparator
        /// `-`, `_`: split a word between letters or numbers.
        case joiner
        /// Any other punctuation, and spaces: not said.
        case silent
        /// Emoji and other symbols: said by name, one word each.
        case symbol

        var isAlphanumeric: Bool { self == .digit || self == .letter }

        init(_ c: Character) {
            if c.isNumberQuick { self = .digit }
            else if c.isLetterQuick { self = .letter }
            else if c == "'" || c == "’" { self = .apostrophe }
            else if c == "." || c == "@" || c == "/" { self = .spokenSeparator }
            else if c == "-" || c == "_" { self = .joiner }
            else if c.isWhitespaceQuick || c.isPunctuation { self = .silent }
            else { self = .symbol }
        }

        /// The same for an ASCII byte (the caller has checked it is below 0x80).
        init(ascii byte: UInt8) {
            switch byte {
            case 0x30...0x39: self = .digit
            case 0x41...0x5A, 0x61...0x7A: self = .letter
            case UInt8(ascii: "'"): self = .apostrophe
            case UInt8(ascii: "."), UInt8(ascii: "@"), UInt8(ascii: "/"): self = .spokenSeparator
            case UInt8(ascii: "-"), UInt8(ascii: "_"): self = .joiner
            default: self = byte.isASCIIWhitespace || Self.asciiPunctuation[Int(byte)] ? .silent : .symbol
            }
        }

        /// `Character.isPunctuation` of each ASCII character, asked once.
        private static let asciiPunctuation: [Bool] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isPunctuation }
    }

    /// The units of an ASCII word from its bytes, each one character (a word holds no line break, so no CR LF
    /// pair); nil when the word has other characters.
    static func asciiUnits(ofWord word: Substring.UTF8View) -> Double? {
        guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
        return units(of: word.lazy.map(WordCharacter.init(ascii:)))
    }

    static func characterUnits(ofWord word: Substring) -> Double {
        units(of: word.lazy.map(WordCharacter.init))
    }

    /// The counting rule (see the type's documentation), over a word's characters as `WordCharacter`s.
    static func units(of characters: some Sequence<WordCharacter>) -> Double {
        var total = 0.0
        // The part being read: its length in characters, whether all of them are numbers, and the last one's kind.
        var partCount = 0
        var partIsNumeric = true
        var lastIsNumber = false
        var spokenSymbols = 0
        var isEmpty = true
        func flush() {
            guard partCount > 0 else { return }
            total += partIsNumeric ? Double(partCount) : max(1.0, Double(partCount) / charactersPerLongWord)
            partCount = 0
            partIsNumeric = true
        }
        // Each character with the ones before and after it: separators and joiners split a word only between
        // letters or numbers.
        var iterator = characters.makeIterator()
        var previousIsAlphanumeric = false
        var current = iterator.next()
        while let c = current {
            isEmpty = false
            let next = iterator.next()
            let inside = previousIsAlphanumeric && next?.isAlphanumeric == true
            if inside, c == .spokenSeparator {
                flush()
                spokenSymbols += 1
            } else if inside, c == .joiner {
                flush()
            } else if c.isAlphanumeric || c == .apostrophe {
                let isNumber = c == .digit
                if partCount > 0, lastIsNumber != isNumber, c != .apostrophe { flush() }
                partCount += 1
                partIsNumeric = partIsNumeric && isNumber
                lastIsNumber = isNumber
            } else if c == .symbol {
                flush()
                total += 1
            }
            previousIsAlphanumeric = c.isAlphanumeric
            current = next
        }
        flush()
        return max(total + Double(spokenSymbols), isEmpty ? 0 : 1)
    }

    /// Commas, colons and semicolons followed by a space: where a speaker takes a short breath.
    public static func clauseBreaks(_ text: String) -> Int {
        // ASCII text on the bytes (a CR LF pair is one character, but neither byte is a space or a mark).
        var previousByte: UInt8 = 0
        var asciiCount = 0
        var isASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte == 0x20, previousByte == UInt8(ascii: ",") || previousByte == UInt8(ascii: ";") || previousByte == UInt8(ascii: ":") {
                asciiCount += 1
            }
            previousByte = byte
        }
        return isASCII ? asciiCount : characterClauseBreaks(text)
    }

    /// `clauseBreaks` by `Character`, for text outside ASCII (and as the reference of the byte path).
    static func characterClauseBreaks(_ text: String) -> Int {
        var count = 0
        var previous: Character? = nil
        for c in text {
            if c == " ", let p = previous, ",;:".contains(p) { count += 1 }
            previous = c
        }
        return count
    }

    /// Milliseconds to say one sentence, including the rest at its end.
    public func sentenceMilliseconds(_ text: String) -> Int {
        let words = Self.wordUnits(text) + Self.sentenceEndWords + Self.clausePauseWords * Double(Self.clauseBreaks(text))
        return Int((words * 60_000 / Double(wordsPerMinute)).rounded())
    }

    /// The least time a cue with `characters` characters may stay on screen.
    public static func minimumMilliseconds(forCharacters characters: Int) -> Int {
        // ceil(characters × 1000 / 17)
        let cpsFloor = (characters * 1000 + maximumCharactersPerSecond - 1) / maximumCharactersPerSecond
        return max(minimumCueMilliseconds, cpsFloor)
    }
}
