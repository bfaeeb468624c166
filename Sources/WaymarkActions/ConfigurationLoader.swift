import Foundation
import WaymarkModel
import WaymarkPackaging
import Yams

/// Reads `waymark.yml` into a `ProjectConfiguration`, reporting every problem with its line and column.
///
/// Unknown keys are errors rather than being ignored: a misspelt `redact` would otherwise silently publish values
/// the team meant to hide.
public enum ConfigurationLoader {
    public static let fileName = "waymark.yml"

    public static func load(_ url: URL, displayPath: String) throws(DiagnosticError) -> ProjectConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DiagnosticError(Diagnostic(.configUnreadable, "Cannot read the configuration file.",
                                         hint: "Check that the file exists and is readable.",
                                         at: SourceLocation(file: displayPath)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(Diagnostic(.configEncoding, "The configuration file is not UTF-8 text.",
                                         hint: "Save waymark.yml as UTF-8.", at: SourceLocation(file: displayPath)))
        }
        return try parse(text, file: displayPath)
    }

    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> ProjectConfiguration {
        var configuration = ProjectConfiguration(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticError(syntaxDiagnostic(error, file: file))
        } catch {
            throw DiagnosticError(Diagnostic(.configSyntax, "waymark.yml is not valid YAML: \(error)",
                                         at: SourceLocation(file: file)))
        }
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            throw DiagnosticError(Diagnostic(
                .configNotAMapping, "waymark.yml must be a mapping of settings (key: value).",
                hint: "Start each line with one of: " + ProjectConfiguration.keys.joined(separator: ", ") + ".",
                at: location(root, file)))
        }
        var diagnostics: [Diagnostic] = []
        func typeError(_ key: String, _ expected: String, _ node: Node) {
            diagnostics.append(Diagnostic(.configType, "`\(key)` must be \(expected).", hint: nil, at: location(node, file)))
        }
        func strings(_ key: String, _ node: Node) -> [String]? {
            if let scalar = node.scalar { return [scalar.string] }
            guard let sequence = node.sequence else { typeError(key, "a list of strings", node); return nil }
            var out: [String] = []
            for item in sequence {
                guard let s = item.scalar?.string else { typeError(key, "a list of strings", item); return nil }
                out.append(s)
            }
            return out
        }
        func number(_ key: String, _ node: Node, minimum: Double) -> Double? {
            guard let s = node.scalar?.string, let value = Double(s), value.isFinite, value >= minimum else {
                typeError(key, "a number of at least \(Int(minimum))", node)
                return nil
            }
            return value
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(Diagnostic(.configKey, "Keys of waymark.yml must be plain words.", at: location(keyNode, file)))
                continue
            }
            switch key {
            case "captures":
                configuration.captures = strings(key, value) ?? []
            case "out":
                if let s = value.scalar?.string, !s.isEmpty { configuration.out = s } else { typeError(key, "a folder path", value) }
            case "templates":
                if let s = value.scalar?.string, !s.isEmpty { configuration.templates = s } else { typeError(key, "a folder path", value) }
            case "wpm":
                configuration.wordsPerMinute = number(key, value, minimum: 1)
            case "pause":
                configuration.pauseSeconds = number(key, value, minimum: 0)
            case "fail_on":
                if let s = value.scalar?.string, !s.isEmpty { configuration.failOn = s } else { typeError(key, "a finding status", value) }
            case "max_age":
                if let s = value.scalar?.string, let days = ProjectConfiguration.days(fromAge: s) {
                    configuration.maxAgeDays = days
                } else {
                    typeError(key, "an age such as 180d, 26w, 6m or 1y", value)
                }
            case "redact":
                let patterns = strings(key, value) ?? []
                for (index, pattern) in patterns.enumerated() where (try? NSRegularExpression(pattern: pattern)) == nil {
                    let node = value.sequence.map { Array($0)[index] } ?? value
                    diagnostics.append(Diagnostic(
                        .configRedactPattern, "'\(pattern)' is not a valid regular expression.",
                        hint: "Use ICU regular expression syntax; quote the pattern in single quotes.", at: location(node, file)))
                }
                configuration.redact = patterns
            case "owners":
                guard let owners = value.mapping else { typeError(key, "a mapping of folder or application to owner", value); continue }
                for (folder, owner) in owners {
                    guard let f = folder.scalar?.string, let o = owner.scalar?.string else {
                        typeError(key, "a mapping of folder or application to owner", owner)
                        continue
                    }
                    configuration.owners[f] = o
                }
            case "packages":
                guard let names = strings(key, value) else { continue }
                let nodes = value.sequence.map(Array.init) ?? [value]
                for (index, name) in names.enumerated() {
                    do {
                        configuration.packages += try PackageKind.parse([name], at: location(nodes[min(index, nodes.count - 1)], file))
                    } catch {
                        diagnostics += error.diagnostics
                    }
                }
                configuration.packages = Array(Set(configuration.packages)).sorted()
            case "paper":
                do {
                    configuration.paper = try PaperSize.parse(value.scalar?.string ?? "", at: location(value, file))
                } catch {
                    diagnostics += error.diagnostics
                }
            case "secrets":
                guard let pairs = value.mapping else {
                    typeError(key, "a mapping of step label to environment variable name", value)
                    continue
                }
                for (label, variable) in pairs {
                    guard let l = label.scalar?.string, !l.isEmpty, let v = variable.scalar?.string else {
                        typeError(key, "a mapping of step label to environment variable name", variable)
                        continue
                    }
                    guard ProjectConfiguration.isEnvironmentVariableName(v) else {
                        // Most likely the secret itself was pasted in: say so without printing it.
                        diagnostics.append(Diagnostic(
                            .configSecretName, "The value for “\(l)” under `secrets` is not an environment variable name.",
                            at: location(variable, file)))
                        continue
                    }
                    configuration.secrets[l] = v
                }
            case "mastery_score":
                do {
                    configuration.masteryScore = try MasteryScore.parse(value.scalar?.string ?? "", at: location(value, file))
                } catch {
                    diagnostics += error.diagnostics
                }
            default:
                diagnostics.append(Diagnostic(
                    .configUnknownKey, "Unknown setting `\(key)` in waymark.yml.",
                    hint: "Known settings: " + ProjectConfiguration.keys.joined(separator: ", ") + ".",
                    at: location(keyNode, file)))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return configuration
    }

    static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.configSyntax, "waymark.yml is not valid YAML: \(problem).",
                          hint: "Check indentation and quoting near this line.",
                          at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, _):
            return Diagnostic(.configDuplicateKey, "waymark.yml sets \(duplicates.joined(separator: ", ")) more than once.",
                          hint: "Keep one of each setting.", at: SourceLocation(file: file))
        default:
            return Diagnostic(.configSyntax, "waymark.yml is not valid YAML: \(error)", at: SourceLocation(file: file))
        }
    }
}
