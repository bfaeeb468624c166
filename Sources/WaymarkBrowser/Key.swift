/// One key as W3C WebDriver names it: a printable character, or a code point of the Unicode private-use range that
/// the specification assigns to a non-printable key (`U+E007` is Enter, `U+E009` is Control …).
///
/// Captures name keys the way people and recorders do ("Enter", "Esc", "ArrowDown", "F5", "s"); `Key(named:)` turns
/// those names into the WebDriver value so replay can press what was recorded.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    /// The WebDriver key value: one extended grapheme cluster.
    public let value: String

    /// A key that types `character`.
    public init(_ character: Character) { self.value = String(character) }

    private init(code: UInt32) { self.value = String(Character(Unicode.Scalar(code)!)) }

    public static let backspace = Key(code: 0xE003)
    public static let tab = Key(code: 0xE004)
    public static let `return` = Key(code: 0xE006)
    public static let enter = Key(code: 0xE007)
    public static let shift = Key(code: 0xE008)
    public static let control = Key(code: 0xE009)
    public static let alt = Key(code: 0xE00A)
    public static let pause = Key(code: 0xE00B)
    public static let escape = Key(code: 0xE00C)
    public static let space = Key(code: 0xE00D)
    public static let pageUp = Key(code: 0xE00E)
    public static let pageDown = Key(code: 0xE00F)
    public static let end = Key(code: 0xE010)
    public static let home = Key(code: 0xE011)
    public static let arrowLeft = Key(code: 0xE012)
    public static let arrowUp = Key(code: 0xE013)
    public static let arrowRight = Key(code: 0xE014)
    public static let arrowDown = Key(code: 0xE015)
    public static let insert = Key(code: 0xE016)
    public static let delete = Key(code: 0xE017)
    public static let meta = Key(code: 0xE03D)

    /// Function key F1 … F12.
    public static func function(_ number: Int) -> Key? {
        guard (1...12).contains(number) else { return nil }
        return Key(code: 0xE031 + UInt32(number - 1))
    }

    /// The key a capture or recorder names: W3C/DOM key names ("Enter", "ArrowDown", "PageUp", "F5"), common
    /// spellings ("Return", "Esc", "Del", "Up", "PgDn", "Space", "Windows"), or a single character ("s", "7", "/").
    /// Names are matched without regard to case, and a single letter names its key (`S` is `s`: Shift is a
    /// modifier of the chord, not part of the key); nil for a name this adapter does not know.
    public init?(named name: String) {
        if name.count == 1, let c = name.first {
            // "Ctrl+S" names the S key, not a capital S (which WebDriver would type with Shift).
            self.init(c.isASCII && c.isLetter ? Character(c.lowercased()) : c)
            return
        }
        let folded = name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
        if folded.hasPrefix("f"), let n = Int(folded.dropFirst()), let key = Key.function(n) {
            self = key
            return
        }
        let table: [String: Key] = [
            "enter": .enter, "return": .return, "tab": .tab, "backspace": .backspace, "escape": .escape, "esc": .escape,
            "space": .space, "spacebar": .space, "pageup": .pageUp, "pgup": .pageUp, "pagedown": .pageDown,
            "pgdn": .pageDown, "end": .end, "home": .home, "arrowleft": .arrowLeft, "left": .arrowLeft,
            "arrowup": .arrowUp, "up": .arrowUp, "arrowright": .arrowRight, "right": .arrowRight,
            "arrowdown": .arrowDown, "down": .arrowDown, "insert": .insert, "ins": .insert, "delete": .delete,
            "del": .delete, "pause": .pause, "shift": .shift, "control": .control, "ctrl": .control, "alt": .alt,
            "option": .alt, "meta": .meta, "command": .meta, "cmd": .meta, "windows": .meta, "win": .meta,
            "super": .meta,
        ]
        guard let key = table[folded] else { return nil }
        self = key
    }

    public var description: String {
        guard let scalar = value.unicodeScalars.first, value.unicodeScalars.count == 1,
              (0xE000...0xF8FF).contains(scalar.value) else { return value }
        return "U+" + String(scalar.value, radix: 16, uppercase: true)
    }
}

/// A modifier held down while another key is pressed.
public enum KeyModifier: String, Hashable, Sendable, CaseIterable {
    case control = "ctrl"
    case alt
    case shift
    case meta

    /// The modifier's WebDriver key.
    public var key: Key {
        switch self {
        case .control: .control
        case .alt: .alt
        case .shift: .shift
        case .meta: .meta
        }
    }
}

/// A key pressed with modifiers held, such as Ctrl+S or Ctrl+Shift+Tab: modifiers go down in order, the key is
/// pressed and released, and the modifiers are released in reverse order.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
    public var modifiers: [KeyModifier]
    public var key: Key

    public init(_ key: Key, modifiers: [KeyModifier] = []) {
        self.key = key
        self.modifiers = modifiers
    }

    public var description: String {
        (modifiers.map(\.rawValue) + [key.description]).joined(separator: "+")
    }

    /// The chord as one keyboard input source.
    public var keyActions: [KeyAction] {
        modifiers.map { .down($0.key) } + [.down(key), .up(key)] + modifiers.reversed().map { .up($0.key) }
    }
}
