import Foundation
import Testing
import WaymarkTestSupport
@testable import WaymarkRender

/// The templates compiled into the binary are exactly the files in `Templates/` (what users copy and override).
@Suite struct BuiltInTemplatesTests {
    /// `scripts/embed-resources.py` generates `BuiltInTemplates.swift` (and `make test` checks it is up to date);
    /// this checks the compiled dictionary itself against the folder, file by file.
    @Test func compiledTemplatesMatchTheTemplatesFolder() throws {
        let root = Fixtures.templates.standardizedFileURL
        var onDisk: [String: String] = [:]
        for url in Fixtures.files(under: root) where !url.lastPathComponent.hasPrefix(".") {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(Set(BuiltInTemplates.files.keys) == Set(onDisk.keys), "Templates/ changed: run python3 scripts/embed-resources.py")
        for (name, text) in onDisk {
            #expect(BuiltInTemplates.files[name] == text, "\(name) differs from Templates/: run python3 scripts/embed-resources.py")
        }
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
