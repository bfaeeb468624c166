/// Which hosts the browser may contact.
///
/// Captures and the pages they point at are untrusted, and replay runs in CI. By default Chromium resolves every
/// host name, and every IP address, to "not found" except `127.0.0.1` (Chromium's
/// `--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"`), so a page can reach only the application served on
/// `127.0.0.1`. Even `localhost` is refused until it is allowed (`allowing: ["localhost"]`, as Selenium IDE recordings
/// made against `http://localhost:8080` need); Chromium itself answers `localhost` and `*.localhost` with loopback
/// addresses once they are excluded from the rule. Replaying against a real test system means allowing its host
/// names explicitly — or mapping them onto a local copy of the application.
public enum NetworkPolicy: Hashable, Sendable {
    /// `127.0.0.1` plus the listed host names or patterns (`localhost`, `app.test.example`, `*.test.example`,
    /// `10.0.0.5`), and host names answered with a fixed address instead of the resolver: `mapping:
    /// ["expenses.northwind.example": "127.0.0.1"]` lets a capture recorded against production replay against the
    /// copy served on loopback (the URL's port is kept; `"127.0.0.1:8080"` replaces it too).
    case loopbackOnly(allowing: [String] = [], mapping: [String: String] = [:])
    /// No restriction: the browser resolves and contacts whatever pages ask for.
    case unrestricted

    /// The `--host-resolver-rules` value, or nil for `unrestricted`. Mappings come first (Chromium applies the first
    /// rule that matches), then the rule that maps everything else to "not found", then the exceptions.
    package func hostResolverRules() throws(BrowserError) -> String? {
        guard case .loopbackOnly(let hosts, let mapping) = self else { return nil }
        var rules: [String] = []
        for host in mapping.keys.sorted() {
            let target = mapping[host] ?? ""
            try Self.check(host, what: "mapped host")
            try Self.check(target, what: "address for \(host)")
            rules.append("MAP \(host) \(target)")
        }
        rules += ["MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1"]
        for host in hosts {
            try Self.check(host, what: "allowed host")
            rules.append("EXCLUDE \(host)")
        }
        return rules.joined(separator: " , ")
    }

    /// Host names, patterns and addresses only: a space or comma would start another rule.
    private static func check(_ value: String, what: String) throws(BrowserError) {
        let valid = !value.isEmpty && value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || ".-_*:[]".unicodeScalars.contains($0)
        }
        guard valid else {
            throw BrowserError(.browserInvalidOption,
                               "The \(what) “\(value)” is not a host name, pattern or address (letters, digits, '.', '-', '*', ':' and brackets only).")
        }
    }
}
