/// Splits a sentence into caption cues of at most two balanced lines of at most 42 characters.
///
/// Characters are counted as grapheme clusters (what a reader sees as one character), so an emoji with modifiers,
/// a flag or a combining accent counts once, and right-to-left text counts like any other. Lines break at spaces;
/// only a single word longer than a line is cut, between grapheme clusters.
public struct CaptionLineBreaker: Sendable {
    public var maximumLineLength: Int
    public var maximumLines: Int

    public static let standard = CaptionLineBreaker(maximumLineLength: 42, maximumLines: 2)

    public init(maximumLineLength: Int, maximumLines: Int) {
        self.maximumLineLength = max(1, maximumLineLength)
        self.maximumLines = max(1, min(2, maximumLines))
    }

    /// A word and whether a space separates it from the word before (false for pieces of a cut-up long word).
    struct Token: Hashable {
        var text: String
        var spaceBefore: Bool
        /// Grapheme clusters in `text`, counted once.
        var length: Int

        init(text: String, spaceBefore: Bool) {
            self.init(text: text, spaceBefore: spaceBefore, length: text.count)
        }

        /// With the length already known (see `tokenize`).
        init(text: String, spaceBefore: Bool, length: Int) {
            self.text = text
            self.spaceBefore = spaceBefore
            self.length = length
        }
    }

    /// The cues of one sentence, each as its lines. Chunks are as few as possible and as even as possible,
    /// preferring to end a cue after a comma, colon or semicolon.
    public func cues(for sentence: String) -> [[String]] {
        let tokens = tokenize(sentence)
        guard !tokens.isEmpty else { return [] }
        let n = tokens.count
        // best[j]: cheapest way to cut tokens[0..<j] into cues (count first, then evenness, then punctuation).
        var best = [(count: Int, cost: Double, from: Int)](repeating: (Int.max, .infinity, -1), count: n + 1)
        best[0] = (0, 0, -1)
        for j in 1...n {
            // A cue that ends the sentence or a clause costs nothing extra; the same for every start `i`.
            let last = tokens[j - 1].text.last
            let breakBonus: Double = (j == n || last.map { ",;:".contains($0) } == true) ? 0 : 200
            var length = 0
            var i = j
            while i > 0 {
                i -= 1
                length += tokens[i].length + (i < j - 1 && tokens[i + 1].spaceBefore ? 1 : 0)
                if length > maximumLineLength * maximumLines + 1 { break }
                guard best[i].count != Int.max, breakIndex(tokens[i..<j]) != nil else { continue }
                let candidate = (best[i].count + 1, best[i].cost + Double(length * length) + breakBonus)
                if candidate.0 < best[j].count || (candidate.0 == best[j].count && candidate.1 < best[j].cost) {
                    best[j] = (candidate.0, candidate.1, i)
                }
            }
        }
        var cuts: [Range<Int>] = []
        var j = n
        while j > 0 {
            let i = best[j].from
            cuts.append(i..<j)
            j = i
        }
        return cuts.reversed().compactMap { lines(Array(tokens[$0])) }
    }

    /// The lines for one cue's tokens, or nil when they do not fit: one line if it fits, else the most balanced
    /// break into two.
    func lines(_ tokens: [Token]) -> [String]? {
        guard let k = breakIndex(tokens[...]) else { return nil }
        if k == tokens.count { return [join(tokens)] }
        return [join(Array(tokens[..<k])), join(Array(tokens[k...]))]
    }

    /// Where to break `tokens` into two lines (`count` when one line is enough), or nil when they do not fit.
    /// Works on lengths only, so the search over cue boundaries stays fast.
    private func breakIndex(_ tokens: ArraySlice<Token>) -> Int? {
        guard !tokens.isEmpty else { return nil }
        let start = tokens.startIndex
        // Width of the tokens on one line; the dynamic programme in `cues` asks this for every candidate cue, so
        // nothing here allocates.
        var total = 0
        for index in tokens.indices {
            total += tokens[index].length + (index > start && tokens[index].spaceBefore ? 1 : 0)
        }
        if total <= maximumLineLength { return tokens.count }
        guard maximumLines >= 2, tokens.count >= 2 else { return nil }
        var best: (k: Int, worst: Int)? = nil
        var first = 0  // width of the first k tokens on one line
        for k in 1..<tokens.count {
            let last = start + k - 1
            first += tokens[last].length + (last > start && tokens[last].spaceBefore ? 1 : 0)
            if first > maximumLineLength { break }  // only grows with k
            let second = total - first - (tokens[start + k].spaceBefore ? 1 : 0)
            guard second <= maximumLineLength else { continue }
            let worst = max(first, second)
            // Ties go to the longer first line (a top-heavy pair reads better than a short line then a long one).
            if best == nil || worst <= best!.worst { best = (k, worst) }
        }
        return best?.k
    }

    private func join(_ tokens: [Token]) -> String {
        var out = ""
        for (index, token) in tokens.enumerated() {
            if index > 0, token.spaceBefore { out += " " }
            out += token.text
        }
        return out
    }

    func tokenize(_ sentence: String) -> [Token] {
        var tokens: [Token] = []
        for word in sentence.splitAtWhitespaceQuick() {
            // An ASCII word has one character per byte (it holds no line break, so no CR LF pair).
            let length = word.utf8.allSatisfy({ $0 < 0x80 }) ? word.utf8.count : word.count
            if length <= maximumLineLength {
                tokens.append(Token(text: String(word), spaceBefore: true, length: length))
                continue
            }
            var rest = Substring(word)
            var first = true
            while !rest.isEmpty {
                let piece = rest.prefix(maximumLineLength)
                tokens.append(Token(text: String(piece), spaceBefore: first))
                rest = rest.dropFirst(piece.count)
                first = false
            }
        }
        return tokens
    }
}
