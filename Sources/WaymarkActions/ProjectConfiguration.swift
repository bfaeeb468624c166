import Foundation
import WaymarkModel
import WaymarkPackaging

/// The settings of `waymark.yml`, parsed. Every key is optional; absent keys keep the documented defaults.
///
/// This is a plain value so the build engine can use it without knowing YAML: the CLI reads the file (with Yams)
/// and reports unknown keys with their line; tests construct it directly.
public struct ProjectConfiguration: Sendable, Hashable {
    /// Capture files or folders, relative to the configuration file's folder.
    public var captures: [String]
    /// Output folder (default `out`).
    public var out: String?
    /// Folder of template overrides.
    public var templates: String?
    /// Narration speed in words per minute (default 150).
    public var wordsPerMinute: Double?
    /// Pause after each narrated step, in seconds (default 1).
    public var pauseSeconds: Double?
    /// Lowest `check` finding that fails CI (`stale`, `edited`, …); read by the staleness engine.
    public var failOn: String?
    /// Maximum age of a guide before it is overdue, in days (`180d`, `26w`, `6m`, `1y` in the file).
    public var maxAgeDays: Int?
    /// Regular expressions: values matching any are treated as sensitive and never printed.
    public var redact: [String]
    /// Default owner by folder (relative path) or by application name, for captures that name no owner.
    public var owners: [String: String]
    /// Where this configuration was read from, for diagnostics; nil when built in code.
    public var file: String?
    /// LMS packages to write beside every guide (`packages: [scorm12, cmi5]`); `--package` replaces the list.
    public var packages: [PackageKind] = []
    /// Pass mark for captures that set no `masteryScore` (`mastery_score:`); nil: 80 %.
    public var masteryScore: MasteryScore? = nil
    /// Paper for `--package pdf` (`paper: letter`); nil: A4. `--paper` overrides it.
    public var paper: PaperSize? = nil
    /// For `waymark replay`: step label → the name of the environment variable holding the value a sensitive step
    /// types (`secrets: {Password: APP_PASSWORD}`). Only names live in the file, never values; `--secret` adds to
    /// and overrides these.
    public var secrets: [String: String] = [:]

    public init(
        captures: [String] = [], out: String? = nil, templates: String? = nil, wordsPerMinute: Double? = nil,
        pauseSeconds: Double? = nil, failOn: String? = nil, maxAgeDays: Int? = nil, redact: [String] = [],
        owners: [String: String] = [:], file: String? = nil
    ) {
        self.captures = captures
        self.out = out
        self.templates = templates
        self.wordsPerMinute = wordsPerMinute
        self.pauseSeconds = pauseSeconds
        self.failOn = failOn
        self.maxAgeDays = maxAgeDays
        self.redact = redact
        self.owners = owners
        self.file = file
    }

    /// Keys `waymark.yml` may contain.
    public static let keys = [
        "captures", "out", "templates", "wpm", "pause", "fail_on", "max_age", "redact", "owners", "packages", "mastery_score",
        "paper", "secrets",
    ]

    /// An environment variable name as shells write them: a letter or `_`, then letters, digits and `_`.
    public static func isEnvironmentVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// `180d` → 180, `26w` → 182, `6m` → 180, `1y` → 365; a bare number is days. Nil when malformed.
    public static func days(fromAge text: String) -> Int? {
        let trimmed = text.trimming(.whitespaces).lowercased()
        guard let unit = trimmed.last else { return nil }
        if unit.isNumber { return Int(trimmed).flatMap { $0 > 0 ? $0 : nil } }
        guard let count = Int(trimmed.dropLast()), count > 0 else { return nil }
        switch unit {
        case "d": return count
        case "w": return count * 7
        case "m": return count * 30
        case "y": return count * 365
        default: return nil
        }
    }

    /// The default owner for a capture: an entry for its application, else for the deepest folder holding it.
    public func defaultOwner(sourcePath: String, application: String?) -> String? {
        if let application, let owner = owners.first(where: { $0.key.lowercased() == application.lowercased() })?.value {
            return owner
        }
        let path = sourcePath.hasPrefix("./") ? String(sourcePath.dropFirst(2)) : sourcePath
        var best: (length: Int, owner: String)?
        for (folder, owner) in owners {
            var prefix = folder.hasPrefix("./") ? String(folder.dropFirst(2)) : folder
            while prefix.hasSuffix("/") { prefix.removeLast() }
            guard !prefix.isEmpty, path.hasPrefix(prefix + "/") else { continue }
            if best == nil || prefix.count > best!.length || (prefix.count == best!.length && owner < best!.owner) {
                best = (prefix.count, owner)
            }
        }
        return best?.owner
    }
}
