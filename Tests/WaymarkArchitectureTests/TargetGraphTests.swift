import Foundation
import Testing
import WaymarkTestSupport

/// docs/architecture.md is the contract for the target graph; these tests hold the source tree to it.
@Suite("The target graph in docs/architecture.md")
struct TargetGraphTests {
    static let root = Fixtures.packageRoot
    static let document = (try? String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)) ?? ""

    /// Target → modules it may import, from the table's rows: | `Target` | A, B, C | what it holds |.
    static let allowedImports: [String: Set<String>] = {
        var out: [String: Set<String>] = [:]
        for line in document.split(separator: "\n") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`"), cells[1].hasSuffix("`"), cells[2] != "May import" else { continue }
            let target = String(cells[1].dropFirst().dropLast())
            guard !target.contains(" "), !target.contains("/") else { continue }
            out[target] = Set(cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return out
    }()

    /// Rule → files, from the "C, pointers and the wire" table.
    static func filesAllowed(_ rule: String) -> Set<String> {
        for line in document.split(separator: "\n") where line.hasPrefix("| \(rule) |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            return Set(cells[1].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            })
        }
        return []
    }

    struct SourceFile {
        var path: String
        var target: String
        var text: String

        /// Modules named by `import` lines (any access level, `@testable`, `import struct M.T`).
        var imports: [String] {
            text.split(separator: "\n").compactMap { raw in
                var line = raw.trimmingCharacters(in: .whitespaces)
                for prefix in ["@testable ", "@_exported ", "@preconcurrency ", "public ", "package ", "internal ",
                               "fileprivate ", "private "] where line.hasPrefix(prefix) {
                    line.removeFirst(prefix.count)
                }
                guard line.hasPrefix("import ") else { return nil }
                var words = line.dropFirst(7).split(separator: " ").map(String.init)
                if let first = words.first, ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(first) {
                    words.removeFirst()
                }
                return words.first.map { String($0.split(separator: ".")[0]) }
            }
        }
    }

    static let sources: [SourceFile] = {
        let sourcesURL = root.appendingPathComponent("Sources")
        return Fixtures.files(under: sourcesURL, extensions: ["swift"]).map { url in
            let relative = String(url.path.dropFirst(root.path.count + 1))
            let target = relative.split(separator: "/")[1]
            return SourceFile(path: relative, target: String(target), text: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }
    }()

    @Test func theDocumentHasATableOfTargets() {
        #expect(Self.allowedImports.count >= 10, "docs/architecture.md lost its table of targets")
        #expect(!Self.sources.isEmpty)
    }

    @Test func everyTargetWithSwiftSourcesHasARow() {
        for target in Set(Self.sources.map(\.target)).sorted() {
            #expect(Self.allowedImports[target] != nil, "Target \(target) has no row in docs/architecture.md")
        }
    }

    @Test func everyImportIsAllowedByItsTargetsRow() {
        for file in Self.sources {
            guard let allowed = Self.allowedImports[file.target] else { continue }
            for module in file.imports where !allowed.contains(module) {
                Issue.record("\(file.path) imports \(module), which docs/architecture.md does not allow \(file.target) to import")
            }
        }
    }

    @Test func cModulesAreTouchedByOneAdapterFileEach() {
        for (module, rule) in [("CLibXML2", "imports `CLibXML2`"), ("CCmark", "imports `CCmark`")] {
            let allowed = Self.filesAllowed(rule)
            #expect(allowed.count == 1, "docs/architecture.md must name exactly one adapter file for \(module)")
            let importers = Set(Self.sources.filter { $0.imports.contains(module) }.map(\.path))
            #expect(importers == allowed, "\(module) is imported by \(importers.sorted()), expected only \(allowed.sorted())")
        }
    }

    @Test func theWebDriverWireProtocolIsSpokenByOneFile() {
        let allowed = Self.filesAllowed("speaks the WebDriver wire protocol (imports `AsyncHTTPClient`, `NIOCore` or `NIOHTTP1`)")
        #expect(allowed.count == 1, "docs/architecture.md must name exactly one file for the WebDriver wire protocol")
        let speakers = Set(Self.sources.filter { !Set($0.imports).isDisjoint(with: ["AsyncHTTPClient", "NIOCore", "NIOHTTP1"]) }.map(\.path))
        #expect(speakers == allowed, "the HTTP client is imported by \(speakers.sorted()), expected only \(allowed.sorted())")
    }

    @Test func pointersStayInTheByteLevelFilesAndOutOfEveryAPI() throws {
        let allowed = Self.filesAllowed("names an `Unsafe…Pointer` type")
        #expect(!allowed.isEmpty)
        let pointer = try Regex(#"\bUnsafe(Mutable)?(Raw)?(Buffer)?Pointer\b"#).wordBoundaryKind(.simple)
        let declaration = try Regex(#"^\s*(@\w+\s+)*(public|package|open)\s+.*\b(func|init|var|let|subscript)\b"#).wordBoundaryKind(.simple)
        for file in Self.sources {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains(pointer) {
                let code = line.split(separator: "//", maxSplits: 1).first ?? ""
                guard code.contains(pointer) else { continue }
                if !allowed.contains(file.path) {
                    Issue.record("\(file.path):\(number + 1) names a pointer type; only the files docs/architecture.md lists may")
                }
                if code.contains(declaration) {
                    Issue.record("\(file.path):\(number + 1) puts a pointer type into a public or package declaration")
                }
            }
        }
    }

    /// Compiling an ICU regular expression costs far more than matching it; compiled per call it was a fifth of a
    /// build's CPU. Expressions are made only in the files docs/architecture.md lists, which compile each once.
    @Test func regularExpressionsAreCompiledOnlyWhereTheDocumentAllows() throws {
        let allowed = Self.filesAllowed("compiles a regular expression")
        #expect(!allowed.isEmpty, "docs/architecture.md must list the files that compile regular expressions")
        let compiles = try Regex(#"NSRegularExpression\(|\.regularExpression\b|\bRegex\(|\bRegex<"#)
        for file in Self.sources where !allowed.contains(file.path) {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1).first ?? ""
                if code.contains(compiles) {
                    Issue.record("\(file.path):\(number + 1) compiles a regular expression; use a `CompiledPattern` made once (docs/architecture.md)")
                }
            }
        }
    }

    /// Targets that are values only: no file system, no processes.
    @Test func pureTargetsTouchNoDisk() throws {
        let forbidden = try Regex(#"\bFileManager\b|Data\(contentsOf|\.write\(to:|\bfopen\(|\bopendir\(|\bProcess\(\)|\bRegularFile\b|\bAtomicFileWriter\b"#).wordBoundaryKind(.simple)
        for file in Self.sources where ["WaymarkModel", "WaymarkJSON", "WaymarkEscaping", "WaymarkLocators", "WaymarkRender"].contains(file.target) {
            for (number, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(forbidden) {
                Issue.record("\(file.path):\(number + 1) touches the file system; \(file.target) holds values only")
            }
        }
    }

    /// Every Waymark dependency Package.swift declares is imported by at least one file of the target: no edge the
    /// table does not need.
    @Test func packageDeclaresNoUnusedEdges() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let targetPattern = try Regex(#"\.(?:target|executableTarget)\(\s*name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#).wordBoundaryKind(.simple)
        var checked = 0
        for match in manifest.matches(of: targetPattern) {
            let name = String(match.output[1].substring ?? "")
            guard Self.allowedImports[name] != nil, !name.hasSuffix("Tests") else { continue }
            let list = match.output[2].substring.map(String.init) ?? ""
            let declared = list.matches(of: try Regex(#""([A-Za-z0-9_-]+)""#).wordBoundaryKind(.simple)).map { String($0.output[1].substring ?? "") }
                .filter { Self.allowedImports[$0] != nil || $0 == "CLibXML2" || $0 == "CCmark" }
            let imported = Set(Self.sources.filter { $0.target == name }.flatMap(\.imports))
            for dependency in declared where !imported.contains(dependency) {
                Issue.record("Package.swift gives \(name) a dependency on \(dependency), but no file of \(name) imports it")
            }
            checked += 1
        }
        #expect(checked >= 10)
    }
}
