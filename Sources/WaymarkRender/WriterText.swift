/// Reads a writer's own wording from a capture (`instruction` and `note` fields) into an `Instruction`.
///
/// Writers naturally mark screen names as `**Save**` and typed values as `` `42.50` ``; that light markup is kept as
/// labels and literals. Everything else — including any other Markdown or HTML — is plain text and is escaped when
/// written, so a writer's text can never inject markup into a guide.
public enum WriterText {
    public static func parse(_ text: String) -> Instruction {
        var segments: [Instruction.Segment] = []
        var plain = ""
        var rest = Substring(text)
        func flushPlain() {
            if !plain.isEmpty { segments.append(.text(plain)); plain = "" }
        }
        while let ch = rest.first {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"),
               end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                let inner = rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]
                if !inner.contains("\n") {
                    flushPlain()
                    segments.append(.label(String(inner)))
                    rest = rest[end.upperBound...]
                    continue
                }
            }
            if ch == "`" {
                let fence = rest.prefix { $0 == "`" }
                let afterOpen = rest[fence.endIndex...]
                if let close = afterOpen.range(of: String(fence)), close.lowerBound > afterOpen.startIndex {
                    var inner = String(afterOpen[..<close.lowerBound])
                    if inner.count >= 2, inner.hasPrefix(" "), inner.hasSuffix(" ") {
                        inner = String(inner.dropFirst().dropLast())
                    }
                    flushPlain()
                    segments.append(.literal(inner))
                    rest = afterOpen[close.upperBound...]
                    continue
                }
            }
            plain.append(ch)
            rest = rest.dropFirst()
        }
        flushPlain()
        return Instruction(segments)
    }
}
