import Crypto
import Foundation
import WaymarkJSON

/// Semantic fingerprints: SHA-256 over what a learner sees in a capture, and nothing else.
///
/// Two recordings of the same process get the same fingerprint even when their bytes differ — a newer recorder
/// version, other timestamps, other coordinates, other generated ids or selectors, other whitespace or Unicode
/// normalisation. When the fingerprint changes, the generated materials no longer match the process. The exact
/// contents are documented in docs/fingerprints.md; any change to what goes in must bump `scheme`.
///
/// Sensitive values never go in, not even hashed: a hash of a short secret can be guessed by trying candidates.
public enum Fingerprint {
    /// Version of the canonical form. Part of every hash, so a scheme change makes every lock entry stale once.
    public static let scheme = 1

    /// Fingerprint of the whole capture: the learner-visible header and every step's fingerprint, in order.
    public static func capture(_ capture: Capture) -> String {
        hex(of: JSONWriter.write(canonical(capture), pretty: false))
    }

    /// The same, from `step(_:)` of each step when the caller has them already (the build keeps them for the lock).
    public static func capture(_ capture: Capture, stepFingerprints: [String]) -> String {
        guard stepFingerprints.count == capture.steps.count else { return self.capture(capture) }
        return hex(of: JSONWriter.write(canonical(capture, stepFingerprints: stepFingerprints), pretty: false))
    }

    /// Fingerprint of one step (its position in the capture is not part of it, so moved steps are recognised).
    public static func step(_ step: Step) -> String {
        hex(of: JSONWriter.write(canonical(step), pretty: false))
    }

    /// The canonical form hashed for a capture. Public so tools and tests can show exactly what is hashed.
    public static func canonical(_ capture: Capture) -> JSONNode {
        canonical(capture, stepFingerprints: capture.steps.map(step))
    }

    static func canonical(_ capture: Capture, stepFingerprints: [String]) -> JSONNode {
        .object(compacting: [
            ("scheme", .number(scheme)),
            ("title", text(capture.title)),
            ("application", text(capture.application)),
            ("audience", text(capture.audience)),
            ("purpose", text(capture.purpose)),
            ("objectives", list(capture.objectives)),
            ("prerequisites", list(capture.prerequisites)),
            ("language", text(capture.language?.lowercased())),
            // The pass mark learners see in a package; absent (the common case) leaves older fingerprints as they were.
            ("masteryScore", capture.masteryScore.map(JSONNode.number)),
            ("steps", .array(stepFingerprints.map(JSONNode.string))),
        ])
    }

    /// The canonical form hashed for a step.
    public static func canonical(_ step: Step) -> JSONNode {
        let key = text(step.key)
        let modifiers = step.modifiers.isEmpty || key == nil
            ? nil : JSONNode.array(Array(Set(step.modifiers)).sorted().map { .string($0.rawValue) })
        return .object(compacting: [
            ("scheme", .number(scheme)),
            ("action", .string(step.action.rawValue)),
            ("target", target(step.target)),
            ("destination", target(step.destination)),
            // A secret is neither hashed nor hinted at beyond the fact that the step enters one.
            ("value", step.sensitive ? nil : text(step.value)),
            ("sensitive", step.sensitive ? .bool(true) : nil),
            ("key", key),
            ("modifiers", modifiers),
            ("url", step.url.flatMap(normalizedURL).map(JSONNode.string)),
            ("note", text(step.note)),
            ("instruction", text(step.instruction)),
            ("customType", text(step.customType)),
        ])
    }

    private static func target(_ target: Target?) -> JSONNode? {
        guard let target else { return nil }
        let node = JSONNode.object(compacting: [
            ("label", text(target.label)),
            ("role", text(target.role?.lowercased())),
            ("context", text(target.context)),
        ])
        if case .object(let members) = node.kind, members.isEmpty { return nil }
        return node
    }

    private static func text(_ value: String?) -> JSONNode? {
        guard let value else { return nil }
        let normalized = normalizedText(value)
        return normalized.isEmpty ? nil : .string(normalized)
    }

    private static func list(_ values: [String]) -> JSONNode? {
        let items = values.map(normalizedText).filter { !$0.isEmpty }
        return items.isEmpty ? nil : .array(items.map(JSONNode.string))
    }

    // MARK: - Normalisation

    /// Unicode NFC, every run of whitespace (including no-break and zero-width spaces, tabs and line breaks) as one
    /// space, trimmed. Case is kept: "Submit" and "SUBMIT" look different to a learner.
    public static func normalizedText(_ value: String) -> String {
        // ASCII text is already NFC and has no Unicode spaces: the byte-level collapse gives the same result.
        if let ascii = value.collapsingASCIIWhitespace { return ascii }
        let nfc = value.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in nfc.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if scalar.value == 0xFEFF || scalar.value == 0x200B || scalar.value == 0x200C || scalar.value == 0x200D {
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x00A0 || scalar.value == 0x202F || scalar.value == 0x2007
    }

    /// Query parameter names that change between recordings of the same page: tracking, sessions, credentials,
    /// signatures, cache busters and timestamps. Compared case-insensitively; names ending in `*` are prefixes.
    public static let volatileQueryParameters: [String] = [
        "utm_*", "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc",
        "_hsmi", "igshid", "yclid", "ref_src",
        "sid", "session", "sessionid", "session_id", "jsessionid", "phpsessid", "aspsessionid", "cfid", "cftoken",
        "token", "access_token", "id_token", "refresh_token", "auth", "authtoken", "auth_token", "api_key", "apikey",
        "nonce", "csrf", "csrf_token", "_csrf", "xsrf", "authenticity_token",
        "sig", "signature", "x-amz-*", "x-goog-*", "skoid", "sktid", "expires",
        "timestamp", "ts", "_", "_t", "cb", "cachebuster", "cache_buster", "nocache", "rnd", "rand", "random",
    ]

    /// Whether a query parameter named `name` is dropped from fingerprinted URLs.
    public static func isVolatileQueryParameter(_ name: String) -> Bool {
        let lower = name.lowercased()
        return volatileQueryParameters.contains { pattern in
            pattern.hasSuffix("*") ? lower.hasPrefix(pattern.dropLast()) : lower == pattern
        }
    }

    /// The URL as a learner would recognise it: lower-case scheme and host, no default port, no user info, no
    /// `;jsessionid=` path parameters, no volatile query parameters (the rest sorted by name), and no fragment
    /// unless the fragment is a client-side route (`#/orders`, `#!/orders`). Text that is not an absolute URL is
    /// kept as normalised text.
    public static func normalizedURL(_ raw: String) -> String? {
        let trimmed = normalizedText(raw)
        guard !trimmed.isEmpty else { return nil }
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme else { return trimmed }
        components.scheme = scheme.lowercased()
        components.host = components.host?.lowercased()
        components.user = nil
        components.password = nil
        if let port = components.port,
           (scheme.lowercased() == "http" && port == 80) || (scheme.lowercased() == "https" && port == 443) {
            components.port = nil
        }
        var path = components.percentEncodedPath
        if let range = path.range(of: ";jsessionid=", options: .caseInsensitive) {
            let rest = path[range.upperBound...]
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            path.removeSubrange(range.lowerBound..<end)
        }
        if path.isEmpty, components.host != nil { path = "/" }
        components.percentEncodedPath = path
        if let items = components.percentEncodedQueryItems {
            let kept = items.filter { !isVolatileQueryParameter($0.name.removingPercentEncoding ?? $0.name) }
                .enumerated()
                .sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
                .map(\.element)
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        if let fragment = components.fragment, !(fragment.hasPrefix("/") || fragment.hasPrefix("!/")) {
            components.fragment = nil
        }
        return components.string ?? trimmed
    }

    // MARK: - Hashing

    /// Lower-case hex SHA-256 of the UTF-8 bytes of `text`.
    public static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }

    /// Lower-case hex SHA-256 of `data`: used for source byte hashes and output hashes too.
    public static func hex(of data: Data) -> String {
        hex(digest: SHA256.hash(data: data))
    }

    /// Lower-case hex of a SHA-256 digest (for callers that hash while streaming a file).
    public static func hex(digest: SHA256.Digest) -> String {
        let digits: StaticString = "0123456789abcdef"
        return digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { out in
                digits.withUTF8Buffer { table in
                    for (index, byte) in bytes.enumerated() {
                        out[index * 2] = table[Int(byte >> 4)]
                        out[index * 2 + 1] = table[Int(byte & 0x0F)]
                    }
                }
                return bytes.count * 2
            }
        }
    }
}
