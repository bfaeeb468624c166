/// Words a learner might read, made from a machine identifier: `expense-amount` → "Expense amount",
/// `ctl00_MainContent_txtFirstName` → "First name", `submitButton` → "Submit button", `profileform_firstname` →
/// "Firstname".
///
/// Only a guess: an id says what a developer called a control, not what the screen shows. Noise that never appears
/// on screen is dropped — ASP.NET prefixes (`ctl00`, `MainContent`), control-type abbreviations (`txt`, `btn`,
/// `ddl`), generated hashes (`css-1x2y3z`, `a8f3e2c1`) and mixed-case tokens minifiers produce (`lnXdpd`, `gLFyf`).
/// Nil when nothing readable is left.
public enum IdentifierWords {
    /// Tokens that carry no meaning for a learner.
    static let noiseTokens: Set<String> = [
        "ctl", "txt", "btn", "lbl", "ddl", "chk", "cb", "rb", "el", "elem", "element", "input", "wrapper",
        "container", "js", "ng", "id", "the", "main", "content", "maincontent", "cph", "placeholder",
    ]

    /// Abbreviations without vowels that people do read on screen; other vowel-less short tokens (`lst`, `ib`, `nv`)
    /// are developer shorthand.
    static let readableAbbreviations: Set<String> = ["ssn", "cvv", "cvc", "csc", "pdf", "sms", "crm", "hr", "bcc", "cc", "vpn", "ftp"]

    public static func words(from identifier: String) -> String? {
        let chunks = identifier.split(whereSeparator: { !($0.isLetterQuick || $0.isNumberQuick) }).map(String.init).filter { chunk in
            let digits = chunk.filter(\.isNumberQuick).count
            if digits == chunk.count { return false }
            if chunk.count >= 6, digits >= 2, chunk.contains(where: \.isLetterQuick) { return false }
            return !looksGenerated(chunk)
        }
        var tokens: [String] = []
        for chunk in chunks {
            var current = ""
            var previous: Character?
            for ch in chunk {
                if let p = previous, (p.isLowercaseQuick && ch.isUppercaseQuick) || p.isLetterQuick != ch.isLetterQuick {
                    if !current.isEmpty { tokens.append(current) }
                    current = ""
                }
                current.append(ch)
                previous = ch
            }
            if !current.isEmpty { tokens.append(current) }
        }
        var meaningful = tokens.map { $0.lowercased() }.filter { token in
            guard !noiseTokens.contains(token), !token.allSatisfy(\.isNumberQuick) else { return false }
            if token.hasPrefix("ctl"), token.dropFirst(3).allSatisfy(\.isNumberQuick) { return false }
            if token.count <= 4, !token.contains(where: { "aeiouy".contains($0) }), !readableAbbreviations.contains(token) {
                return false
            }
            return true
        }.map { readableAbbreviations.contains($0) ? $0.uppercased() : $0 }
        if meaningful.count > 1 { meaningful = meaningful.filter { $0.count > 1 } }
        // Form toolkits prefix each field with its form's name (`profileform_firstname`, `loginForm-password`): the
        // form is not what the field is called.
        if meaningful.count > 1, meaningful[0].hasSuffix("form") { meaningful.removeFirst() }
        else if meaningful.count > 2, meaningful[1] == "form" { meaningful.removeFirst(2) }
        guard !meaningful.isEmpty, meaningful.count <= 8, meaningful.joined().filter(\.isLetterQuick).count >= 3 else { return nil }
        let sentence = meaningful.joined(separator: " ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

    /// Generated class names and ids (`lnXdpd`, `gLFyf`) read as noise: short mixed-case tokens whose capitals do
    /// not start readable runs, as camelCase words (`submitButton`) do.
    static func looksGenerated(_ token: String) -> Bool {
        let letters = token.filter(\.isLetterQuick)
        let lower = letters.filter(\.isLowercaseQuick).count
        let upper = letters.filter(\.isUppercaseQuick).count
        guard token.count <= 8, lower > 0, upper > 0, let first = token.first, !first.isUppercaseQuick || upper > 1 else {
            return false
        }
        return token.split(whereSeparator: \.isUppercaseQuick).contains { $0.count < 3 }
    }
}
