import Foundation
import Testing
@testable import WaymarkModel

@Suite struct RedactorTests {
    static func typing(_ value: String, into target: Target) -> Step {
        Step(action: .type, target: target, value: value)
    }

    @Test("Fields that name a secret make what is typed into them sensitive", arguments: [
        Target(label: "Password"), Target(label: "New password"), Target(label: "Confirm Password:"),
        Target(selectors: ["#newPassword"]), Target(selectors: ["input[type=password]"]),
        Target(label: "API key"), Target(selectors: ["[name=api_key]"]), Target(label: "Access token"),
        Target(label: "Card number"), Target(selectors: ["[autocomplete=cc-number]"]), Target(label: "CVV"),
        Target(label: "SSN"), Target(label: "Social security number"), Target(label: "IBAN"),
        Target(label: "PIN"), Target(label: "One-time code"), Target(role: "password field"),
        Target(label: "Client secret"), Target(selectors: ["xpath=//input[@id='clientSecret']"]),
    ])
    func secretFields(target: Target) {
        let capture = Capture(id: "c", title: "T", steps: [Self.typing("hunter2!", into: target)])
        let redacted = Redactor().redact(capture)
        #expect(redacted.steps[0].sensitive)
        // The value stays for the renderers to withhold; the capture's fingerprint does not depend on settings.
        #expect(redacted.steps[0].value == "hunter2!")
    }

    @Test("Ordinary fields are left alone", arguments: [
        Target(label: "Name"), Target(label: "Secretary"), Target(label: "Spinner speed"), Target(label: "Tokenizer"),
        Target(label: "Passenger"), Target(selectors: ["#description"]), Target(label: "Shipping address"),
    ])
    func ordinaryFields(target: Target) {
        let capture = Capture(id: "c", title: "T", steps: [Self.typing("hello", into: target)])
        #expect(!Redactor().redact(capture).steps[0].sensitive)
    }

    @Test func clickingAPasswordLinkIsNotSecret() {
        let step = Step(action: .click, target: Target(label: "Forgot password?"))
        let capture = Capture(id: "c", title: "T", steps: [step])
        #expect(Redactor().redact(capture) == capture)
    }

    @Test func configuredPatternsAreMaskedInEveryText() {
        let card = "4111 1111 1111 1111"
        let capture = Capture(
            id: "c", title: "Refund \(card)", purpose: "Refund the order paid with \(card).",
            objectives: ["Find \(card)"], prerequisites: ["Card \(card) on file"],
            steps: [
                Step(action: .navigate, url: "https://shop.example/refund?card=4111111111111111"),
                Step(action: .click, target: Target(label: "Order \(card)", selectors: ["#row-\(card)"])),
                Step(action: .type, target: Target(label: "Reference"), value: card),
                Step(action: .note, note: "Check \(card) twice.", instruction: "Confirm \(card)."),
            ])
        let redacted = Redactor(patterns: [#"\b(?:\d[ -]?){13,16}\b"#]).redact(capture)
        // Everything but the value typed (which the renderers withhold because the step is now sensitive).
        var others = redacted
        others.steps.remove(at: 2)
        let encoded = String(decoding: try! JSONEncoder().encode(others), as: UTF8.self)
        #expect(!encoded.contains("4111"))
        #expect(redacted.title == "Refund •••")
        #expect(redacted.steps[0].url == "https://shop.example/refund?card=•••")
        // A value that matches is marked sensitive (and left for the renderers to withhold).
        #expect(redacted.steps[2].sensitive)
        #expect(redacted.steps[3].note == "Check ••• twice.")
    }

    @Test func sensitiveValuesAreMaskedWhereverElseTheyAppear() {
        let capture = Capture(id: "c", title: "T", steps: [
            Step(action: .type, target: Target(label: "Password"), value: "Winter-2024!"),
            Step(action: .note, note: "The default password is Winter-2024! until you change it."),
            Step(action: .navigate, url: "https://x.example/login?p=Winter-2024!"),
            Step(action: .type, target: Target(label: "Short"), value: "ab", sensitive: true),
            Step(action: .type, target: Target(label: "Other"), value: "ab cd"),
        ])
        let redacted = Redactor().redact(capture)
        #expect(redacted.steps[1].note == "The default password is ••• until you change it.")
        #expect(redacted.steps[2].url == "https://x.example/login?p=•••")
        // Secrets shorter than four characters are withheld where they are typed but not hunted in other text.
        #expect(redacted.steps[4].value == "ab cd")
    }

    @Test func invalidPatternsAreSkippedNotFatal() {
        let capture = Capture(id: "c", title: "Keep 123", steps: [])
        #expect(Redactor(patterns: ["(unclosed", "123"]).redact(capture).title == "Keep •••")
    }

    @Test func controlCharactersAreRemovedFromEveryText() {
        let hostile = "Save\u{1B}[2J\u{1B}]0;title\u{07}\u{1B}[31mred\u{0}nul\u{08}\r\nnext\rline\u{9B}31mend\ttab"
        let capture = Capture(id: "c", title: hostile, owner: hostile, steps: [
            Step(action: .type, target: Target(label: hostile, selectors: [hostile]), value: hostile, sensitive: true,
                 note: hostile),
        ])
        let stripped = ControlCharacters.strip(capture)
        let expected = "Saverednul\nnext\nlineend\ttab"
        #expect(stripped.title == expected)
        #expect(stripped.owner == expected)
        #expect(stripped.steps[0].target?.label == expected)
        #expect(stripped.steps[0].target?.selectors == [expected])
        #expect(stripped.steps[0].value == expected)
        #expect(stripped.steps[0].note == expected)
        #expect(ControlCharacters.strip("plain\ntext\twith ünïcode") == "plain\ntext\twith ünïcode")
    }

    @Test func redactingTwiceChangesNothingMore() {
        let capture = Capture(id: "c", title: "T 555-12-3456", steps: [
            Step(action: .type, target: Target(label: "SSN"), value: "555-12-3456"),
        ])
        let redactor = Redactor(patterns: [#"\d{3}-\d{2}-\d{4}"#])
        let once = redactor.redact(capture)
        #expect(redactor.redact(once) == once)
    }
}

/// The byte path of `Redactor.words(in:)` against the Character path it shortcuts for ASCII text.
@Suite struct RedactorWordsTests {
    @Test func asciiWordsMatchTheCharacterPath() {
        var generator = SplitMix64(seed: 23)
        let alphabet = Array("aBz09Z_-.#[]='\" \t\r\ncCpP")
        let generated = (0..<2000).map { _ in
            String((0..<Int(generator.next() % 16)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        let samples = ["", "newPassword", "cc-number", "input#user_password", "CVV2Code", "aB", "Ab", "ABc", "a1B",
                       "1A", "x\r\ny", "[name='credit_card_number']", "SSN", "iban2"] + generated
        for text in samples {
            #expect(Redactor.asciiWords(in: text) == Redactor.characterWords(in: text), "\(text.debugDescription)")
        }
        #expect(Redactor.asciiWords(in: "passwörd") == nil)
        #expect(Redactor.words(in: "passWörd") == Redactor.characterWords(in: "passWörd"))
    }
}
