import Foundation

/// Hides secrets in a capture before anything is rendered from it, so every output (guides, job aid, narration,
/// captions, shot list, lock, reports, `inspect`) is covered by construction rather than renderer by renderer.
///
/// Three rules, applied once right after import:
/// 1. A step that types or selects into a control whose label, role or selectors name a secret (password, PIN,
///    token, API key, card number, CVV, SSN, IBAN, one-time code …) is marked `sensitive`, even when the recorder
///    did not say so. Its value is then never printed (the phraser and `inspect` rely on the flag).
/// 2. Every text of the capture (title, purpose, labels, selectors, values, notes, instructions, URLs) that
///    matches one of the configured patterns (`waymark.yml` `redact:`) has the match replaced by `mask`; a value
///    that matches is also marked sensitive.
/// 3. A sensitive value that also appears in any other text of the capture (a note quoting the password, a URL
///    carrying the token) is replaced there by `mask`.
///
/// The values of sensitive steps themselves are left in place: renderers already never print them, and keeping
/// them means a capture's fingerprint does not change when redaction settings change.
public struct Redactor: Sendable {
    /// What replaces a redacted match.
    public static let mask = "•••"
    /// Shorter secrets are not searched for inside other text: masking every "12" would garble the guide.
    public static let minimumEmbeddedSecretLength = 4

    /// Regular expressions from `waymark.yml` `redact:`. Invalid ones are skipped (the configuration loader
    /// reports them).
    public let patterns: [String]
    /// `patterns`, compiled once when the redactor is made (a build redacts every capture with the same ones).
    private let expressions: [CompiledPattern]

    public init(patterns: [String] = []) {
        self.patterns = patterns
        self.expressions = patterns.compactMap(CompiledPattern.init)
    }

    /// Words that name a secret when they appear as a whole word (or a camelCase part) of a label, role or
    /// selector. Two-word names are matched with the words joined (`card number` → `cardnumber`).
    public static let secretWords: Set<String> = [
        "password", "passwords", "passwd", "passcode", "passphrase", "pwd", "pin", "token", "secret", "apikey",
        "accesskey", "privatekey", "clientsecret", "ssn", "socialsecurity", "iban", "cvv", "cvc", "csc", "cvv2",
        "securitycode", "cardnumber", "creditcard", "ccnumber", "otp", "totp", "onetimecode", "onetimepassword",
        "mfacode", "verificationcode", "routingnumber", "accountnumber", "sortcode", "taxid", "tin",
    ]

    /// Whether a control's label, role or selectors name a secret field.
    public static func looksSensitive(_ target: Target) -> Bool {
        let texts = [target.label, target.role].compactMap { $0 } + target.selectors
        return texts.contains { text in
            let words = Self.words(in: text)
            if words.contains(where: secretWords.contains) { return true }
            for (first, second) in zip(words, words.dropFirst()) where secretWords.contains(first + second) {
                return true
            }
            for index in words.indices.dropLast(2) where secretWords.contains(words[index] + words[index + 1] + words[index + 2]) {
                return true
            }
            return false
        }
    }

    /// Lowercased words of `text`, split at every non-letter-or-digit and at camelCase boundaries
    /// (`newPassword` → `new`, `password`; `cc-number` → `cc`, `number`).
    static func words(in text: String) -> [String] {
        asciiWords(in: text) ?? characterWords(in: text)
    }

    /// `characterWords(in:)` on the bytes of ASCII text, where the letters and digits are `A`–`Z`, `a`–`z` and
    /// `0`–`9` and each is one character; nil for text with other characters. Selectors are long and every
    /// field's are read, so this is on the build's path.
    static func asciiWords(in text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        func finishWord() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper || isLower || isDigit {
                if isUpper && previousWasLower { finishWord() }
                current.append(isUpper ? byte | 0x20 : byte)
                previousWasLower = isLower || isDigit
            } else {
                finishWord()
                previousWasLower = false
            }
        }
        finishWord()
        return words
    }

    static func characterWords(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in text {
            if character.isLetterQuick || character.isNumberQuick {
                if character.isUppercaseQuick && previousWasLower && !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                if let ascii = character.asciiValue {
                    current.unicodeScalars.append(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii | 0x20 : ascii))
                } else {
                    current += character.lowercased()
                }
                previousWasLower = character.isLowercaseQuick || character.isNumberQuick
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The capture with secrets marked and masked (see the type's rules).
    public func redact(_ capture: Capture) -> Capture {
        var capture = capture

        // Rules 1 and 2 for values: mark what names or matches a secret.
        for index in capture.steps.indices {
            var step = capture.steps[index]
            guard let value = step.value, !value.isEmpty, !step.sensitive else { continue }
            let typesIntoSecretField = [.type, .select, .custom].contains(step.action)
                && step.target.map(Self.looksSensitive) == true
            let matchesPattern = expressions.contains { $0.matches(value) }
            if typesIntoSecretField || matchesPattern {
                step.sensitive = true
                capture.steps[index] = step
            }
        }

        let secrets = Set(capture.steps.compactMap { $0.sensitive ? $0.value : nil })
            .filter { $0.count >= Self.minimumEmbeddedSecretLength }
            .sorted { ($0.count, $0) > ($1.count, $1) }
        func clean(_ text: String) -> String {
            var text = text
            for secret in secrets where text.foundationContains(secret) {
                text = text.replacingOccurrences(of: secret, with: Self.mask)
            }
            for expression in expressions {
                text = expression.replacingMatches(in: text, with: Self.mask)
            }
            return text
        }
        guard !secrets.isEmpty || !expressions.isEmpty else { return capture }
        return capture.mappingTexts(includingSensitiveValues: false, clean)
    }
}

extension Redactor {
    /// Every sensitive value of a prepared capture, longest first (so a secret containing another is found whole).
    /// Values too short to be masked inside other text are here too: text that contains one is not printed at all.
    public static func secrets(of capture: Capture) -> [String] {
        Set(capture.steps.compactMap { $0.sensitive ? $0.value : nil }.filter { !$0.isEmpty })
            .sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Whether `text` is or contains one of `secrets` (from `secrets(of:)`), so it must not be printed.
    public static func reveals(_ text: String, secrets: [String]) -> Bool {
        !text.isEmpty && secrets.contains { text.foundationContains($0) }
    }

    /// What every command that renders, fingerprints or prints a capture applies right after import: control
    /// characters removed (`ControlCharacters`), then secrets marked and masked. `build`, `check`, `diff`,
    /// `narrate` and `inspect` all call this, so they agree on fingerprints and none of them shows a secret.
    public func prepare(_ capture: Capture) -> Capture {
        redact(ControlCharacters.strip(capture))
    }
}
