import Foundation
import Testing
import WaymarkModel
import WaymarkTestSupport

/// Every diagnostic code is registered once, emitted somewhere, and documented with the same severity.
@Suite("The diagnostic registry")
struct DiagnosticRegistryTests {
    static let root = Fixtures.packageRoot
    static let registryPath = "Sources/WaymarkModel/DiagnosticCode.swift"
    static let registrySource = (try? String(contentsOf: root.appendingPathComponent(registryPath), encoding: .utf8)) ?? ""

    /// Static member name → id, as declared in the registry file.
    static let declared: [(name: String, id: String)] = {
        guard let pattern = try? Regex(#"static let (\w+) = DiagnosticCode\("([^"]+)""#) else { return [] }
        return registrySource.matches(of: pattern).map {
            (String($0.output[1].substring ?? ""), String($0.output[2].substring ?? ""))
        }
    }()

    /// The rows of every table of codes in docs/: the codes of the row, their severity and what they mean.
    static let rows: [(ids: [String], severity: String, meaning: String)] = {
        var out: [([String], String, String)] = []
        let docs = Fixtures.files(under: root.appendingPathComponent("docs"), extensions: ["md"])
        for url in docs {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("| `") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 3 else { continue }
                let severity = cells[1]
                guard ["error", "warning", "note"].contains(severity) else { continue }
                let ids = cells[0].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                }
                out.append((ids, severity, cells[2]))
            }
        }
        return out
    }()

    /// Code id → (severity, meaning).
    static let documented: [String: (severity: String, meaning: String)] = {
        var out: [String: (String, String)] = [:]
        for row in rows {
            for id in row.ids { out[id] = (row.severity, row.meaning) }
        }
        return out
    }()

    @Test func theListOfAllCodesIsTheListOfDeclaredCodes() {
        #expect(Self.declared.count >= 100)
        #expect(DiagnosticCode.all.map(\.id).sorted() == Self.declared.map(\.id).sorted())
        #expect(Set(DiagnosticCode.all.map(\.id)).count == DiagnosticCode.all.count, "two codes share an id")
        for code in DiagnosticCode.all {
            #expect(DiagnosticCode.named(code.id) == code)
            #expect(!code.hint.isEmpty, "\(code.id) has no hint")
            #expect(code.hint.hasSuffix(".") || code.hint.hasSuffix(")"), "\(code.id): a hint is one sentence")
            #expect(code.id.wholeMatch(of: /[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(code.id) is not a dotted code")
        }
    }

    @Test func everyCodeIsEmittedSomewhere() throws {
        let sources = Fixtures.files(under: Self.root.appendingPathComponent("Sources"), extensions: ["swift"])
            .filter { !$0.path.hasSuffix(Self.registryPath) }
            .map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
            .joined(separator: "\n")
        for (name, id) in Self.declared {
            let use = try Regex("\\.\(name)\\b").wordBoundaryKind(.simple)
            #expect(sources.contains(use), "\(id) (\(name)) is registered but no source file emits it")
        }
    }

    @Test func everyCodeIsDocumentedWithItsSeverity() {
        for code in DiagnosticCode.all {
            guard let doc = Self.documented[code.id] else {
                Issue.record("\(code.id) is not documented in docs/diagnostics.md")
                continue
            }
            #expect(doc.severity == code.severity.rawValue, "\(code.id) is a \(code.severity.rawValue) but documented as \(doc.severity)")
        }
    }

    @Test func everyDocumentedCodeIsRegistered() {
        let registered = Set(DiagnosticCode.all.map(\.id))
        for id in Self.documented.keys.sorted() where !registered.contains(id) {
            Issue.record("docs document \(id), which Waymark never emits")
        }
    }

    /// Two rows with the same meaning are one code written twice (codes that belong together share one row on
    /// purpose), and a code is documented in one row only.
    @Test func noTwoCodesMeanTheSameThing() {
        var rowsByMeaning: [String: [[String]]] = [:]
        for row in Self.rows { rowsByMeaning[row.meaning.lowercased(), default: []].append(row.ids) }
        for (meaning, rows) in rowsByMeaning where rows.count > 1 {
            Issue.record("\(rows.flatMap { $0 }.sorted()) are documented with the same meaning: \"\(meaning)\"")
        }
        let ids = Self.rows.flatMap(\.ids)
        for id in Set(ids) where ids.filter({ $0 == id }).count > 1 {
            Issue.record("\(id) is documented in more than one row")
        }
    }
}
