import Foundation

/// Removes terminal control sequences from text that is about to be printed.
public enum TerminalText {
    /// Drops ESC-introduced sequences and C0/C1 controls except newline and tab.
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x1B:
                // CSI (ESC [ … final byte 0x40–0x7E) or a two-character escape: skip it entirely.
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    // OSC: until BEL or ESC \
                    while let c = iterator.next(), c.value != 0x07, c.value != 0x1B {}
                }
            case 0x0A, 0x09:
                out.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}
