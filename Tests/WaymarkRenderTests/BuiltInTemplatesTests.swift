import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkRender

/// The templates compiled into the binary are exactly the files in `Templates/` (what users copy and override).
@Suite struct BuiltInTemplatesTests {
    static func generatedSource() -> String {
        let root = Fixtures.templates
        let files = Fixtures.files(under: root).map { url -> (String, String) in
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            return (relative, (try? String(contentsOf: url, encoding: .utf8)) ?? "")
        }.sorted { $0.0 < $1.0 }
        var lines = [
            "// Generated from the Templates/ folder by `WAYMARK_RECORD=1 swift test --filter BuiltInTemplatesTests`.",
            "// Do not edit: edit Templates/ and re-record. A test fails when the two differ.", "",
            "/// The default templates and stylesheet, compiled in so an installed binary needs no files beside it.",
            "enum BuiltInTemplates {", "    static let files: [String: String] = [",
        ]
        for (name, text) in files {
            lines.append("        \"\(name)\": #\"\"\"")
            // A multi-line literal drops the line break before its closing delimiter: add one to keep the file's.
            lines.append(text + "\n\"\"\"#,")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    @Test func compiledTemplatesMatchTheTemplatesFolder() throws {
        let target = Fixtures.packageRoot.appendingPathComponent("Sources/WaymarkRender/BuiltInTemplates.swift")
        let expected = Self.generatedSource()
        if Snapshot.isRecording {
            try Data(expected.utf8).write(to: target)
            return
        }
        let actual = try String(contentsOf: target, encoding: .utf8)
        #expect(actual == expected, "Templates/ changed: re-record with WAYMARK_RECORD=1 and rebuild")
        let onDisk = Set(Fixtures.files(under: Fixtures.templates).map(\.lastPathComponent))
        #expect(Set(BuiltInTemplates.files.keys.map { ($0 as NSString).lastPathComponent }) == onDisk)
        for name in TemplateSet.templateNames + [TemplateSet.stylesheetName] {
            #expect(BuiltInTemplates.files[name] != nil, "\(name) is missing from Templates/")
        }
    }

    @Test func markdownTemplatesAreText() {
        for name in TemplateSet.templateNames where name.contains(".md.") {
            #expect(BuiltInTemplates.files[name]?.hasPrefix("{{% CONTENT_TYPE: TEXT }}") == true)
        }
    }
}
