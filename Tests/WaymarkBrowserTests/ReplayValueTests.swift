import Foundation
@testable import WaymarkActions
import Testing
import WaymarkBrowser
import WaymarkModel
import WaymarkJSON
@testable import WaymarkReplay

/// The replay engine's pure parts, without a browser: locators to queries, origin mapping, the refreshed capture,
/// and the report formats not covered end to end.
@Suite struct ReplayValueTests {
    @Test func recordedLocatorsBecomeTheQueriesTheBrowserRuns() {
        #expect(LocatorQuery.query(for: "id=f") == .css("[id=\"f\"]"))
        #expect(LocatorQuery.query(for: "name=q") == .css("[name=\"q\"]"))
        #expect(LocatorQuery.query(for: "xpath=//a[@id='x']") == .xpath("//a[@id='x']"))
        #expect(LocatorQuery.query(for: "aria/Submit[role=\"button\"]") == .accessibleName("Submit", role: AccessibleRole("button")))
        #expect(LocatorQuery.query(for: "text/Hello") == .visibleText("Hello"))
        #expect(LocatorQuery.query(for: "pierce/#inner") == .pierceCSS("#inner"))
        #expect(LocatorQuery.query(for: "linkText=Page 2") == .linkText("Page 2"))
        #expect(LocatorQuery.query(for: "custom-element >>> button") == .shadowPath(["custom-element", "button"]))
        #expect(LocatorQuery.query(for: "dom=document.forms[0]") == nil, "scripts from a capture are never run")

        // Selectors first, in the recorded order; the written label last; a label made from an id is no query.
        let written = Target(label: "Send report", role: "button", selectors: ["#send", "aria/Send report"])
        #expect(LocatorQuery.queries(for: written) == [.css("#send"), .accessibleName("Send report", role: nil),
                                                       .accessibleName("Send report", role: AccessibleRole("button"))])
        let guessed = Target(label: "Send", role: nil, selectors: ["#send"], labelSource: .identifier)
        #expect(LocatorQuery.queries(for: guessed) == [.css("#send")])
    }

    @Test func originsAreMappedAndOnlyTheirHostsAllowed() throws {
        let mapping = try OriginMapping.parse(
            baseURL: "http://127.0.0.1:9000/staging", map: ["https://cdn.example.com=http://127.0.0.1:9001"],
            allowOrigins: ["http://app.localhost:9002"]).get()
        let capture = Capture(id: "c", title: "C", steps: [
            Step(action: .navigate, url: "https://app.example.com/expenses?x=1"),
            Step(action: .navigate, url: "https://cdn.example.com/help.html"),
        ])
        let primary = OriginMapping.primaryOrigin(of: capture)
        #expect(primary?.description == "https://app.example.com")
        #expect(mapping.rewrite("https://app.example.com/expenses?x=1", primary: primary) == "http://127.0.0.1:9000/staging/expenses?x=1")
        #expect(mapping.rewrite("https://cdn.example.com/help.html", primary: primary) == "http://127.0.0.1:9001/help.html")
        #expect(mapping.rewrite("https://elsewhere.example/", primary: primary) == "https://elsewhere.example/")
        #expect(mapping.networkPolicy(for: capture) == .loopbackOnly(allowing: ["app.localhost"]))

        guard case .failure(let error) = OriginMapping.parse(baseURL: "ftp://x", map: ["nope"], allowOrigins: ["http://a/b"]) else {
            Issue.record("bad origins were accepted")
            return
        }
        #expect(error.diagnostics.count == 3)
        #expect(error.diagnostics.allSatisfy { $0.code == DiagnosticCode.replayOrigin.id })
    }

    @Test func aRefreshKeepsWrittenLabelsFillsGuessedOnesAndMasksSecrets() {
        let capture = Capture(id: "pay", title: "Pay", source: CaptureSource(format: .chromeRecorder, path: "rec/pay.json"), steps: [
            Step(action: .click, target: Target(label: "Submit", selectors: ["#go"])),
            Step(action: .click, target: Target(label: "Go", selectors: ["#go"], labelSource: .identifier)),
            Step(action: .type, target: Target(label: "PIN", selectors: ["#pin"]), value: "4711", sensitive: true),
        ])
        let shot = ObservedScreenshot(png: [1, 2, 3], width: 1280, height: 800)
        let replay = CaptureReplay(capture: capture, observations: [
            StepObservation(index: 0, outcome: .ok, computedLabel: "Send", screenshot: shot, highlight: Rect(x: 1, y: 2, width: 3, height: 4)),
            StepObservation(index: 1, outcome: .ok, computedLabel: "Go to payment", screenshot: shot),
            StepObservation(index: 2, outcome: .ok, computedLabel: "PIN", screenshot: shot),
        ])
        let (refreshed, images) = ReplayedCapture.make(replay)
        #expect(refreshed.steps[0].target?.label == "Submit", "a written label is never replaced")
        #expect(refreshed.steps[1].target?.label == "Go to payment")
        #expect(refreshed.steps[1].target?.labelSource == .application)
        #expect(refreshed.steps[2].value == Redactor.mask)
        #expect(refreshed.origin == CaptureSource(format: .chromeRecorder, path: "rec/pay.json"))
        #expect(refreshed.steps[0].screenshot?.path == "images/pay/step-01.png")
        #expect(refreshed.steps[0].screenshot?.highlight == Rect(x: 1, y: 2, width: 3, height: 4))
        #expect(images.map(\.path) == ["images/pay/step-01.png", "images/pay/step-02.png", "images/pay/step-03.png"])

        // The written label that no longer matches is drift; the guessed one is not.
        let findings = DriftDetector.findings(replay)
        #expect(findings.map(\.message) == ["step 1: “Submit” → “Send”"])
    }

    @Test func lastReplayKeepsEarlierCapturesAndReplacesTheOnesReplayedAgain() throws {
        func summary(_ id: String) -> ReplayedCaptureSummary {
            ReplayedCaptureSummary(ReplayedCaptureSummaryFixture.replay(id: id, steps: 3))
        }
        let first = ReplayReport(captures: [summary("pay"), summary("claim")], findings: [
            ReplayFinding(kind: .drifted, captureID: "pay", owner: nil, file: "pay.json", step: 2,
                          message: "step 2: “Submit” → “Send </script>”", recorded: "Submit", observed: "Send </script>"),
        ])
        let written = LastReplayScript.render(first, time: "2026-12-01T02:00:00Z", previous: LastReplayScript.empty)
        #expect(written.hasPrefix("/* Written by waymark replay"))
        #expect(!written.contains("</script>"), "nothing in the data may close the dashboard's <script> element")
        #expect(LastReplayScript.previousEntries(written).map(\.id) == ["claim", "pay"])

        // The next night replays only "pay", and it works again; "claim" keeps its earlier verification.
        let second = ReplayReport(captures: [summary("pay")], findings: [])
        let merged = LastReplayScript.render(second, time: "2026-12-02T02:00:00Z", previous: written)
        let entries = Dictionary(uniqueKeysWithValues: LastReplayScript.previousEntries(merged).map { ($0.id, $0.node) })
        #expect(entries["pay"]?["verified"]?.stringValue == "2026-12-02T02:00:00Z")
        #expect(entries["pay"]?["failed"]?.boolValue == false)
        #expect(entries["pay"]?["findings"]?.arrayValue?.isEmpty == true)
        #expect(entries["claim"]?["verified"]?.stringValue == "2026-12-01T02:00:00Z")
        // A file that is not ours (or the empty form) is a fresh start, never an error.
        #expect(LastReplayScript.previousEntries("window.somethingElse = 1;").isEmpty)
        #expect(LastReplayScript.previousEntries(LastReplayScript.empty).isEmpty)
    }

    @Test func secretsComeFromWaymarkYmlAndTheCommandLineOverrides() throws {
        let configuration = try ConfigurationLoader.parse(
            "secrets:\n  Password: APP_PASSWORD\n  One-time  code: APP_OTP\n  PIN: APP_PIN\n", file: "waymark.yml")
        #expect(configuration.secrets == ["Password": "APP_PASSWORD", "One-time  code": "APP_OTP", "PIN": "APP_PIN"])

        var request = ReplayAction.Request()
        request.environment = ["APP_PASSWORD": "from-yml", "APP_OTP": "123456", "OVERRIDE": "from-command-line"]
        request.secrets = ["pin=OVERRIDE"]
        let settings = try ReplayAction.settings(request, configuration: configuration).get()
        // Labels match without case and with white space collapsed; --secret wins over waymark.yml.
        #expect(settings.secrets == ["password": "from-yml", "one-time code": "123456", "pin": "from-command-line"])
        #expect(settings.warnings.isEmpty)

        // A variable waymark.yml names but this run lacks is a warning (the step will need a secret), not an error.
        request.secrets = []
        let lacking = try ReplayAction.settings(request, configuration: configuration).get()
        #expect(lacking.secrets["pin"] == nil)
        #expect(lacking.warnings.map(\.code) == ["replay.secret-unset"])
        #expect(lacking.warnings.first?.message.contains("APP_PIN") == true)
        #expect(lacking.warnings.first?.severity == .warning)
        // One given on the command line is asked for by name: missing is an error.
        request.secrets = ["PIN=NOT_SET"]
        #expect(ReplayAction.optionProblems(request, configuration: configuration).map(\.code) == ["replay.secret"])
    }

    @Test func aSecretPastedIntoWaymarkYmlIsRefusedWithoutBeingPrinted() {
        let error = #expect(throws: DiagnosticError.self) {
            try ConfigurationLoader.parse("secrets:\n  Password: hunter2!\n", file: "waymark.yml")
        }
        let diagnostic = error?.diagnostics.first
        #expect(diagnostic?.code == "config.secret-name")
        #expect(diagnostic?.location?.line == 2)
        #expect(diagnostic.map { !$0.description.contains("hunter2") } == true)
        #expect(throws: DiagnosticError.self) { try ConfigurationLoader.parse("secrets: [a, b]\n", file: "waymark.yml") }
    }

    @Test func theDashboardIsUpdatedOnlyWhereOneWasBuilt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-dashboard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let project = Project(workingDirectory: URL(fileURLWithPath: folder.path, isDirectory: true))
        let report = ReplayReport(captures: [ReplayedCaptureSummary(ReplayedCaptureSummaryFixture.replay(id: "pay", steps: 2))], findings: [])
        var request = ReplayAction.Request()
        request.now = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z

        // No dashboard in the default folder: nothing written, nothing said.
        #expect(ReplayAction.updateDashboard(report, request: request, project: project).isEmpty)
        let script = folder.appendingPathComponent("out/last-replay.js")
        #expect(!FileManager.default.fileExists(atPath: script.path))
        // A folder asked for by name without a dashboard is worth a warning.
        request.dashboard = "site"
        #expect(ReplayAction.updateDashboard(report, request: request, project: project).map(\.code) == ["replay.dashboard"])

        request.dashboard = nil
        try Data("<!doctype html>".utf8).write(to: folder.appendingPathComponent("out/index.html"))
        #expect(ReplayAction.updateDashboard(report, request: request, project: project).isEmpty)
        let written = try String(contentsOf: script, encoding: .utf8)
        #expect(LastReplayScript.previousEntries(written).first?.node["verified"]?.stringValue == "2026-12-01T00:00:00Z")
    }

    @Test func aControlThatBecameAnotherKindOfControlHasDrifted() {
        let capture = Capture(id: "c", title: "C", steps: [
            Step(action: .click, target: Target(label: "Submit", role: "button", selectors: ["#go"])),
            Step(action: .click, target: Target(label: "Help", role: "link", selectors: ["#help"])),
            Step(action: .type, target: Target(label: "Amount", role: "text field", selectors: ["#amount"]), value: "1"),
            Step(action: .click, target: Target(label: "Go", role: "button", selectors: ["#go-button"], labelSource: .identifier)),
            Step(action: .click, target: Target(label: "Zone", role: "drop zone", selectors: ["#zone"])),
        ])
        let replay = CaptureReplay(capture: capture, observations: [
            StepObservation(index: 0, outcome: .ok, computedLabel: "Submit", computedRole: "link"),
            StepObservation(index: 1, outcome: .ok, computedLabel: "Get help", computedRole: "button"),
            StepObservation(index: 2, outcome: .ok, computedLabel: "Amount", computedRole: "textbox"),
            StepObservation(index: 3, outcome: .ok, computedLabel: "Go", computedRole: "link"),
            StepObservation(index: 4, outcome: .ok, computedLabel: "Zone", computedRole: "generic"),
        ])
        let findings = DriftDetector.findings(replay)
        #expect(findings.map(\.message) == [
            "step 1: “Submit” is now a link, not a button",
            "step 2: “Help” → “Get help”; it is now a button, not a link",
        ], "a text field that is a textbox, a role guessed from an id and a role the browser cannot check are no drift")
        #expect(findings.first?.recorded == "button" && findings.first?.observed == "link")
        #expect(findings.allSatisfy { $0.kind == .drifted })
    }

    @Test func githubAndGitLabReportsNameTheOwnerAndStep() throws {
        let report = ReplayReport(captures: [], findings: [
            ReplayFinding(kind: .drifted, captureID: "pay", owner: "Finance, Team", file: "rec/pay.json", step: 4,
                          message: "step 4: “Submit” → “Send”", recorded: "Submit", observed: "Send"),
            ReplayFinding(kind: .needsSecret, captureID: "pay", owner: nil, file: "rec/pay.json", step: 5, message: "step 5: needs a secret."),
        ])
        let github = ReplayReportWriter.render(report, as: .github)
        #expect(github.contains("::error file=rec/pay.json,title=Step shows something else (owner%3A Finance%2C Team)::step 4: “Submit” → “Send”\n"))
        #expect(github.contains("::warning file=rec/pay.json,title=Step needs a secret::step 5: needs a secret.\n"))

        let gitlab = try #require(try JSONSerialization.jsonObject(with: Data(ReplayReportWriter.render(report, as: .gitlab).utf8)) as? [[String: Any]])
        #expect(gitlab.count == 2)
        #expect(Set(gitlab.compactMap { $0["fingerprint"] as? String }).count == 2)
        #expect((gitlab[0]["description"] as? String)?.contains("owner: Finance, Team") == true)
        #expect(gitlab.map { $0["severity"] as? String } == ["major", "minor"])
    }
}

/// Replays of captures with `steps` steps that all worked, for report tests.
enum ReplayedCaptureSummaryFixture {
    static func replay(id: String, steps: Int) -> CaptureReplay {
        let capture = Capture(id: id, title: id, steps: (0..<steps).map { _ in Step(action: .click, target: Target(label: "Go")) })
        return CaptureReplay(capture: capture, observations: (0..<steps).map { StepObservation(index: $0, outcome: .ok) })
    }
}
