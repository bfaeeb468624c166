/// Which hosts the browser may contact.
///
/// Captures and the pages they point at are untrusted, and replay runs in CI. By default Chromium resolves every
/// host name, and every IP address, to "not found" except `127.0.0.1` (Chromium's
/// `--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"`), so a page can reach only the application served on
/// `127.0.0.1`. Even `localhost` is refused until it is allowed (`allowing: ["localhost"]`, as Selenium IDE recordings
/// made against `http://localhost:8080` need); Chromium itself answers `localhost` and `*.localhost` with loopback
/// addresses once they are excluded from the rule. Replaying against a real test system means allowing its host
/// names explicitly.
public enum NetworkPolicy: Hashable, Sendable {
    /// `127.0.0.1` plus the listed host names or patterns (`localhost`, `app.test.example`, `*.test.example`,
    /// `10.0.0.5`).
    case loopbackOnly(allowing: [String] = [])
    /// No restriction: the browser resolves and contacts whatever pages ask for.
    case unrestricted

    /// The `--host-resolver-rules` value, or nil for `unrestricted`.
    package func hostResolverRules() throws(BrowserError) -> String? {
        guard case .loopbackOnly(let hosts) = self else { return nil }
        var rules = ["MAP * ~NOTFOUND", "EXCLUDE 127.0.0.1"]
        for host in hosts {
            let valid = !host.isEmpty && host.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || ".-_*:[]".unicodeScalars.contains($0)
            }
            guard valid else {
                throw BrowserError(BrowserDiagnostics.invalidOption,
                                   "The allowed host “\(host)” is not a host name or pattern (letters, digits, '.', '-', '*', ':' and brackets only).")
            }
            rules.append("EXCLUDE \(host)")
        }
        return rules.joined(separator: " , ")
    }
}
