import WaymarkModel

/// Key names as guides print them: `Ctrl`, `Shift`, `Enter`, `Esc`, `Down Arrow`, `S`.
///
/// Recorders spell keys in many ways (`Control`, `ArrowDown`, `Escape`, `Key S`, a literal space); learners read the
/// names printed on keyboards. One table keeps the guide and the narration agreeing.
public enum KeyNames {
    /// `[Ctrl, Shift, S]` for the key and modifiers of a `press` step, modifiers in spoken order.
    public static func combination(key: String?, modifiers: [KeyModifier]) -> [String] {
        var names = Set(modifiers).sorted().map(modifierName)
        if let key, let name = keyName(key), !names.contains(name) { names.append(name) }
        return names
    }

    public static func modifierName(_ modifier: KeyModifier) -> String {
        switch modifier {
        case .ctrl: "Ctrl"
        case .alt: "Alt"
        case .shift: "Shift"
        case .meta: "Meta"
        }
    }

    /// The printed name of a key, or nil when the recorder gave nothing usable.
    public static func keyName(_ raw: String) -> String? {
        if raw == " " { return "Spacebar" }
        let trimmed = raw.trimming(.whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let lowered = trimmed.lowercased()
        switch lowered {
        case "enter", "return", "\r", "\n": return "Enter"
        case "tab": return "Tab"
        case "escape", "esc": return "Esc"
        case "space", "spacebar": return "Spacebar"
        case "backspace", "back_space": return "Backspace"
        case "delete", "del": return "Delete"
        case "arrowdown", "down", "arrow_down": return "Down Arrow"
        case "arrowup", "up", "arrow_up": return "Up Arrow"
        case "arrowleft", "left", "arrow_left": return "Left Arrow"
        case "arrowright", "right", "arrow_right": return "Right Arrow"
        case "pageup", "page_up": return "Page Up"
        case "pagedown", "page_down": return "Page Down"
        case "home": return "Home"
        case "end": return "End"
        case "insert": return "Insert"
        case "control", "ctrl": return "Ctrl"
        case "alt", "option": return "Alt"
        case "shift": return "Shift"
        case "meta", "command", "cmd", "os", "win", "windows": return "Meta"
        default: break
        }
        var name = trimmed
        for prefix in ["Key", "Digit", "Numpad"] where name.hasPrefix(prefix) && name.count == prefix.count + 1 {
            name = String(name.dropFirst(prefix.count))
        }
        if name.count == 1 { return name.uppercased() }
        if name.hasPrefix("${KEY_"), name.hasSuffix("}") {
            // Selenium IDE spells keys as ${KEY_ENTER}.
            let inner = String(name.dropFirst(6).dropLast()).replacingOccurrences(of: "_", with: "")
            return keyName(inner) ?? inner.capitalized
        }
        if lowered.count <= 3, lowered.hasPrefix("f"), Int(lowered.dropFirst()) != nil { return name.uppercased() }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// What a well-known shortcut does, to finish the sentence ("Press **Ctrl+S** to save."). Nil for others.
    public static func purpose(of keys: [String]) -> String? {
        guard keys.count == 2, keys[0] == "Ctrl" || keys[0] == "Meta" else { return nil }
        switch keys[1] {
        case "S": return "save"
        case "C": return "copy"
        case "V": return "paste"
        case "X": return "cut"
        case "Z": return "undo"
        case "Y": return "redo"
        case "P": return "print"
        case "F": return "find"
        case "A": return "select everything"
        default: return nil
        }
    }

    /// Modifier keys pressed on their own (Chrome records a keyDown of Shift before a capital letter).
    public static func isModifierOnly(_ key: String) -> Bool {
        ["Ctrl", "Alt", "Shift", "Meta"].contains(keyName(key) ?? "")
    }

    /// A single printable character typed without Ctrl, Alt or Meta: part of typing a word, not a shortcut.
    public static func isTypedCharacter(key: String?, modifiers: [KeyModifier]) -> Bool {
        guard let key, key.count == 1, let scalar = key.unicodeScalars.first else { return false }
        guard !modifiers.contains(where: { $0 != .shift }) else { return false }
        return !scalar.properties.isWhitespace && scalar.value >= 0x20 && scalar.value != 0x7F
    }
}
