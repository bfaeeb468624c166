import Testing
import WaymarkActions
import WaymarkModel
@testable import WaymarkCLI

/// `waymark.yml`: every documented key, and every mistake reported with its line.
@Suite struct ConfigurationLoaderTests {
    @Test func readsEveryKey() throws {
        let yaml = """
        captures:
          - recordings
          - extra/one.json
        out: site/training
        templates: brand
        wpm: 140
        pause: 0.5
        fail_on: stale
        max_age: 26w
        redact:
          - '^\\d{3}-\\d{2}-\\d{4}$'
        owners:
          recordings/finance: finance@example.com
          PeopleHub: hr@example.com
        """
        let config = try ConfigurationLoader.parse(yaml, file: "waymark.yml")
        #expect(config == ProjectConfiguration(
            captures: ["recordings", "extra/one.json"], out: "site/training", templates: "brand", wordsPerMinute: 140,
            pauseSeconds: 0.5, failOn: "stale", maxAgeDays: 182, redact: [#"^\d{3}-\d{2}-\d{4}$"#],
            owners: ["recordings/finance": "finance@example.com", "PeopleHub": "hr@example.com"], file: "waymark.yml"))
    }

    @Test func emptyFileMeansDefaults() throws {
        #expect(try ConfigurationLoader.parse("", file: "waymark.yml") == ProjectConfiguration(file: "waymark.yml"))
        #expect(try ConfigurationLoader.parse("captures: one.json", file: "w.yml").captures == ["one.json"])
    }

    @Test func unknownKeysAreErrorsWithTheirLine() {
        let yaml = "out: site\nwpm: 150\nredcat:\n  - x\nowner: me\n"
        let error = #expect(throws: DiagnosticError.self) { try ConfigurationLoader.parse(yaml, file: "waymark.yml") }
        let diagnostics = error?.diagnostics ?? []
        #expect(diagnostics.map(\.code) == ["config.unknown-key", "config.unknown-key"])
        #expect(diagnostics.map { $0.location?.line } == [3, 5])
        #expect(diagnostics.first?.description.hasPrefix("waymark.yml:3:1: error[config.unknown-key]") == true)
    }

    @Test func wrongValuesAreErrorsWithTheirLine() {
        let yaml = "wpm: fast\nmax_age: soon\nredact: ['(unclosed']\nowners: [a, b]\n"
        let error = #expect(throws: DiagnosticError.self) { try ConfigurationLoader.parse(yaml, file: "waymark.yml") }
        let diagnostics = error?.diagnostics ?? []
        #expect(diagnostics.map(\.code) == ["config.type", "config.type", "config.redact-pattern", "config.type"])
        #expect(diagnostics.map { $0.location?.line } == [1, 2, 3, 4])
    }

    @Test func syntaxErrorsNameTheLine() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigurationLoader.parse("out: site\n  wpm: [150\n", file: "waymark.yml")
        }
        #expect(error?.diagnostics.first?.code == "config.syntax")
        #expect(error?.diagnostics.first?.location?.line != nil)
    }

    @Test func agesInDaysWeeksMonthsYears() {
        #expect(ProjectConfiguration.days(fromAge: "180d") == 180)
        #expect(ProjectConfiguration.days(fromAge: "2w") == 14)
        #expect(ProjectConfiguration.days(fromAge: "6m") == 180)
        #expect(ProjectConfiguration.days(fromAge: "1y") == 365)
        #expect(ProjectConfiguration.days(fromAge: "90") == 90)
        #expect(ProjectConfiguration.days(fromAge: "0d") == nil)
        #expect(ProjectConfiguration.days(fromAge: "soon") == nil)
    }
}
