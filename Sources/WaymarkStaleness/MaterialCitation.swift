import Foundation
import WaymarkModel

/// A hand-written material's claim: "I describe capture ID as it was at fingerprint HEX".
///
/// Written as an HTML comment anywhere in a Markdown, HTML or text file —
/// `<!-- waymark: source=create-order fingerprint=3f2a… -->` — or as front matter keys `waymark_source` and
/// `waymark_fingerprint`. `waymark cite ID` prints the marker to paste.
public struct MaterialCitation: Sendable, Hashable {
    public var file: String
    /// 1-based line of the marker (of the `waymark_source` key for front matter).
    public var line: Int
    public var captureID: String
    /// Lower-case hex; may be a prefix (at least `minimumFingerprintLength` digits) of the full fingerprint.
    public var fingerprint: String?

    public static let minimumFingerprintLength = 12

    public init(file: String, line: Int, captureID: String, fingerprint: String?) {
        self.file = file
        self.line = line
        self.captureID = captureID
        self.fingerprint = fingerprint
    }

    /// Whether `current` (a capture's fingerprint, full or as a version 2 lock shortens it) matches what the material cites.
    public func matches(_ current: String) -> Bool {
        guard let fingerprint, fingerprint.count >= Self.minimumFingerprintLength else { return false }
        return LockDigest.same(current.lowercased(), fingerprint)
    }

    /// The marker to paste into a hand-written material.
    public static func marker(captureID: String, fingerprint: String) -> String {
        "<!-- waymark: source=\(captureID) fingerprint=\(fingerprint) -->"
    }
}

/// Finds citation markers in hand-written materials.
public enum MaterialCitationScanner {
    /// File extensions scanned under `--materials`.
    public static let extensions: Set<String> = ["md", "markdown", "html", "htm", "txt"]

    /// Every citation in `text`, in order. Malformed markers (no `source=`) are diagnostics, not silent skips.
    public static func scan(_ text: String, file: String) -> (citations: [MaterialCitation], diagnostics: [Diagnostic]) {
        var citations: [MaterialCitation] = []
        var diagnostics: [Diagnostic] = []
        // `\r\n` is one Character in Swift, so split on any line break rather than on "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        // Front matter: `---` on the first line up to the next `---` (or `...`).
        if lines.first.map({ $0.trimming(.whitespaces) == "---" }) == true {
            var source: (String, Int)?
            var fingerprint: String?
            var index = 1
            while index < lines.count {
                let line = String(lines[index])
                let trimmed = line.trimming(.whitespaces)
                if trimmed == "---" || trimmed == "..." { break }
                if let value = frontMatterValue(line, key: "waymark_source") { source = (value, index + 1) }
                if let value = frontMatterValue(line, key: "waymark_fingerprint") { fingerprint = value.lowercased() }
                index += 1
            }
            if let (id, line) = source {
                citations.append(MaterialCitation(file: file, line: line, captureID: id, fingerprint: fingerprint))
            } else if fingerprint != nil {
                diagnostics.append(Diagnostic(
                    .citationIncomplete, "Front matter has waymark_fingerprint but no waymark_source.",
                    hint: "Add `waymark_source: <capture id>` (see `waymark cite`).", at: SourceLocation(file: file, line: 1)))
            }
        }
        for (number, line) in lines.enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "<!--") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "-->") else { break }
                let body = afterOpen[..<close.lowerBound].trimming(.whitespaces)
                rest = afterOpen[close.upperBound...]
                guard body.lowercased().hasPrefix("waymark:") else { continue }
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                var fields: [String: String] = [:]
                for token in body.dropFirst("waymark:".count).split(whereSeparator: \.isWhitespaceQuick) {
                    let parts = token.split(separator: "=", maxSplits: 1)
                    if parts.count == 2 { fields[parts[0].lowercased()] = unquote(String(parts[1])) }
                }
                guard let id = fields["source"], !id.isEmpty else {
                    diagnostics.append(Diagnostic(
                        .citationIncomplete, "A waymark marker without source=ID.",
                        hint: "Paste the marker printed by `waymark cite ID`.",
                        at: SourceLocation(file: file, line: number + 1, column: column)))
                    continue
                }
                citations.append(MaterialCitation(
                    file: file, line: number + 1, captureID: id, fingerprint: fields["fingerprint"]?.lowercased()))
            }
        }
        return (citations, diagnostics)
    }

    private static func frontMatterValue(_ line: String, key: String) -> String? {
        let trimmed = line.trimming(.whitespaces)
        guard trimmed.hasPrefix(key) else { return nil }
        let rest = trimmed.dropFirst(key.count).trimming(.whitespaces)
        guard rest.hasPrefix(":") else { return nil }
        var value = rest.dropFirst().trimming(.whitespaces)
        if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
        value = unquote(value)
        return value.isEmpty ? nil : value
    }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// Every scannable file under `folders` (recursively, sorted, hidden files skipped), and unreadable folders as
    /// diagnostics.
    public static func files(under folders: [URL]) -> (files: [URL], diagnostics: [Diagnostic]) {
        var out: [URL] = []
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.inputNotFound, "No such materials folder.",
                                          hint: "Check the --materials path.", at: SourceLocation(file: folder.path)))
                continue
            }
            if !isDirectory.boolValue {
                out.append(folder)
                continue
            }
            guard let e = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in e where extensions.contains(url.pathExtension.lowercased()) {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { out.append(url) }
            }
        }
        return (out.sorted { $0.path < $1.path }, diagnostics)
    }
}
