import Foundation
import WaymarkBrowser
import WaymarkModel

/// Where a capture's recorded addresses are replayed: `--base-url` for the capture's first origin, `--map FROM=TO`
/// per origin, and which hosts the browser may contact besides (`--allow-origin`).
///
/// A recording made on production replays on staging or on `http://127.0.0.1:8080` without editing the capture,
/// and the browser's network policy is derived from the same values, so a page can reach only the capture's own
/// origins after mapping and the allowed ones.
public struct OriginMapping: Sendable, Hashable {
    /// Replaces the origin of the capture's first navigate step; a path (`http://127.0.0.1:8080/staging`) is put in
    /// front of the recorded path.
    public var baseURL: Origin?
    /// Recorded origin → replay origin (with an optional path prefix).
    public var map: [Origin: Origin]
    /// More origins the browser may contact.
    public var allowed: [Origin]

    public init(baseURL: Origin? = nil, map: [Origin: Origin] = [:], allowed: [Origin] = []) {
        self.baseURL = baseURL
        self.map = map
        self.allowed = allowed
    }

    /// Reads the command-line values; every problem is a `replay.origin` diagnostic naming the option.
    public static func parse(baseURL: String?, map: [String], allowOrigins: [String]) -> Result<OriginMapping, DiagnosticError> {
        var problems: [Diagnostic] = []
        func origin(_ text: String, _ option: String) -> Origin? {
            if let o = Origin(text, allowingPath: option != "--allow-origin") { return o }
            problems.append(Diagnostic(.replayOrigin, "\(option) '\(text)' is not an http(s)://host[:port] origin."))
            return nil
        }
        var mapping = OriginMapping()
        if let baseURL { mapping.baseURL = origin(baseURL, "--base-url") }
        for pair in map {
            guard let eq = pair.firstIndex(of: "=") else {
                problems.append(Diagnostic(.replayOrigin, "--map '\(pair)' is not FROM=TO."))
                continue
            }
            let from = origin(String(pair[..<eq]), "--map"), to = origin(String(pair[pair.index(after: eq)...]), "--map")
            if let from, let to { mapping.map[from.withoutPath] = to }
        }
        mapping.allowed = allowOrigins.compactMap { origin($0, "--allow-origin") }
        return problems.isEmpty ? .success(mapping) : .failure(DiagnosticError(problems))
    }

    /// The origin of the capture's first navigate step with an http(s) address, which `--base-url` replaces.
    public static func primaryOrigin(of capture: Capture) -> Origin? {
        capture.steps.lazy.filter { $0.action == .navigate }.compactMap { $0.url.flatMap { Origin($0, allowingPath: true) } }
            .first?.withoutPath
    }

    /// `url` as it is replayed for `capture`: its origin replaced by the mapped one, the path kept (after the mapped
    /// origin's path). Addresses of other origins are left alone.
    public func rewrite(_ url: String, primary: Origin?) -> String {
        guard var components = URLComponents(string: url), let recorded = Origin(url, allowingPath: true)?.withoutPath else {
            return url
        }
        let target: Origin? = map[recorded] ?? (recorded == primary ? baseURL : nil)
        guard let target else { return url }
        components.scheme = target.scheme
        components.host = target.host
        components.port = target.port
        let prefix = target.path.hasSuffix("/") ? String(target.path.dropLast()) : target.path
        components.percentEncodedPath = prefix + (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
        return components.string ?? url
    }

    /// The origins a capture may visit after mapping: those of its navigate steps, rewritten, and the allowed ones.
    public func permittedOrigins(for capture: Capture) -> Set<Origin> {
        let primary = Self.primaryOrigin(of: capture)
        var out = Set(allowed.map(\.withoutPath))
        for step in capture.steps where step.action == .navigate {
            guard let url = step.url, let o = Origin(rewrite(url, primary: primary), allowingPath: true) else { continue }
            out.insert(o.withoutPath)
        }
        return out
    }

    /// The browser's network policy for a capture: loopback plus the host names of its permitted origins.
    public func networkPolicy(for capture: Capture) -> NetworkPolicy {
        let hosts = Set(permittedOrigins(for: capture).map(\.host)).subtracting(["127.0.0.1"])
        return .loopbackOnly(allowing: hosts.sorted())
    }
}

/// `scheme://host[:port]` and, for mapping targets, a path prefix.
public struct Origin: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    public var path: String

    /// Parses an http(s) address; nil for anything else (another scheme, no host, a path where none is allowed).
    public init?(_ text: String, allowingPath: Bool) {
        guard let c = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host?.lowercased(), !host.isEmpty, c.user == nil, c.password == nil else { return nil }
        let path = c.percentEncodedPath
        if !allowingPath, !(path.isEmpty || path == "/") { return nil }
        self.scheme = scheme
        self.host = host
        self.port = c.port.flatMap { ($0 == 80 && scheme == "http") || ($0 == 443 && scheme == "https") ? nil : $0 }
        self.path = path == "/" ? "" : path
    }

    /// The same origin without a path.
    public var withoutPath: Origin {
        var copy = self
        copy.path = ""
        return copy
    }

    public var description: String { "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") + path }
}
