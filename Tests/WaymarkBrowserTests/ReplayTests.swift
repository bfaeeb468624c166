import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import WaymarkActions
import WaymarkModel
import WaymarkReplay
import WaymarkTestSupport
import WaymarkXML
@testable import WaymarkBrowser

/// `waymark replay` end to end: real recordings, real pages on loopback, real chromedriver and Chromium.
@Suite("waymark replay", .serialized, .enabled(if: ReplayTestSupport.available, ReplayTestSupport.missing))
struct ReplayTests {
    /// A fresh project folder for one test.
    private func project() -> (Project, URL) {
        let folder = BrowserTestEnvironment.temporaryFolder("replay-project")
        // A directory URL: paths of the project resolve inside it, not beside it.
        return (Project(workingDirectory: URL(fileURLWithPath: folder.path, isDirectory: true)), folder)
    }

    private func json(_ url: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The step of a written capture whose target has this first selector.
    private func step(_ capture: [String: Any], selector: String) -> [String: Any]? {
        let steps = capture["steps"] as? [[String: Any]] ?? []
        return steps.first { (($0["target"] as? [String: Any])?["selectors"] as? [String])?.first == selector }
    }

    @Test func refreshWritesScreenshotsHighlightsAndTheApplicationsLabels() async throws {
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer { server in
            var request = ReplayAction.Request()
            request.paths = [ReplayTestSupport.mainFlow.path]
            request.map = ["\(ReplayTestSupport.recordedOrigin)=\(server.origin)/puppeteer"]
            request.out = "replayed"
            let outcome = try await ReplayAction.run(request, in: project)
            #expect(!outcome.fails, "\(outcome.printed ?? "")")
            #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
            #expect(outcome.printed?.contains("nothing changed") == true, "\(outcome.printed ?? "")")

            let written = folder.appendingPathComponent("replayed/main-page-buttons-and-form.json")
            let capture = try json(written)
            // origin points at the recording, so the refreshed capture can be replayed again.
            let origin = try #require(capture["origin"] as? [String: Any])
            #expect(origin["format"] as? String == "chrome-recorder")
            #expect((origin["path"] as? String)?.hasSuffix("puppeteer-main-flow.json") == true)

            // #test had only an id-made label; the application calls it "Test Button".
            let testClick = try #require(step(capture, selector: "#test"))
            let testTarget = try #require(testClick["target"] as? [String: Any])
            #expect(testTarget["label"] as? String == "Test Button")
            #expect(testTarget["labelSource"] as? String == "application")
            // A label read from the recording's aria/ selector is kept as recorded.
            let formClick = try #require(step(capture, selector: "aria/Form Button"))
            #expect((formClick["target"] as? [String: Any])?["label"] as? String == "Form Button")
            #expect((formClick["target"] as? [String: Any])?["labelSource"] as? String == "selector")
            // The field's label comes from its <label for="input">.
            let typed = try #require(step(capture, selector: "#input"))
            #expect((typed["target"] as? [String: Any])?["label"] as? String == "Input")

            // Every acted-on step has a real PNG screenshot with the element's box inside it.
            for s in [testClick, formClick, typed] {
                let shot = try #require(s["screenshot"] as? [String: Any])
                let path = try #require(shot["path"] as? String)
                #expect(path.hasPrefix("images/main-page-buttons-and-form/step-"))
                let png = try DecodedPNG([UInt8](Data(contentsOf: folder.appendingPathComponent("replayed").appendingPathComponent(path))))
                #expect(png.width == 1280 && png.height == 800)
                #expect(shot["width"] as? Int == 1280)
                let box = try #require(shot["highlight"] as? [String: Int])
                #expect(box["width"]! > 0 && box["height"]! > 0)
                #expect(box["x"]! + box["width"]! <= png.width && box["y"]! + box["height"]! <= png.height)
            }
        }
    }

    @Test func checkReportsTheRenamedButtonAndTheRemovedFieldInEveryFormat() async throws {
        let site = try ReplayTestSupport.changedPuppeteerSite(page: "main.html") { html in
            html.replacingOccurrences(of: "type=\"submit\">Form Button</button>", with: "type=\"submit\">Send</button>")
                .replacingOccurrences(of: "<form><input id=\"input\" /></form>", with: "")
        }
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (_, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer(puppeteer: site) { server in
            let base = ["replay", ReplayTestSupport.mainFlow.path, "--check", "--timeout", "2",
                        "--map", "\(ReplayTestSupport.recordedOrigin)=\(server.origin)/puppeteer"]

            let text = try await ReplayTestSupport.run(base, in: folder)
            #expect(text.status == 1, "\(text)")
            #expect(text.stdout.contains("“Form Button” → “Send”"), "\(text.stdout)")
            #expect(text.stdout.contains("`#input` not found"), "\(text.stdout)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("replayed").path), "--check writes no capture")

            let jsonRun = try await ReplayTestSupport.run(base + ["--report", "json", "--output", "report.json"], in: folder)
            #expect(jsonRun.status == 1, "\(jsonRun)")
            let report = try json(folder.appendingPathComponent("report.json"))
            let findings = try #require(report["findings"] as? [[String: Any]])
            #expect(findings.count == 2, "exactly the two changed steps: \(findings)")
            let drifted = findings.first { $0["status"] as? String == "drifted" }
            #expect(drifted?["recorded"] as? String == "Form Button")
            #expect(drifted?["observed"] as? String == "Send")
            let broken = findings.first { $0["status"] as? String == "broken" }
            #expect((broken?["message"] as? String)?.contains("#input") == true)
            #expect(Set(findings.compactMap { $0["step"] as? Int }).count == 2)

            let junitRun = try await ReplayTestSupport.run(base + ["--report", "junit", "--output", "report.xml"], in: folder)
            #expect(junitRun.status == 1, "\(junitRun)")
            let xml = try XMLDocumentParser.parse(Data(contentsOf: folder.appendingPathComponent("report.xml"))).get()
            #expect(xml.name == "testsuites")
            #expect(xml[attribute: "failures"] == "2")
            let cases = xml.elements(named: "testsuite").flatMap { $0.elements(named: "testcase") }
            let failing = cases.filter { $0.firstElement(named: "failure") != nil }
            #expect(failing.count == 2)
            #expect(failing.contains { $0.firstElement(named: "failure")?[attribute: "message"]?.contains("“Form Button” → “Send”") == true })

            let sarifRun = try await ReplayTestSupport.run(base + ["--report", "sarif", "--output", "report.sarif"], in: folder)
            #expect(sarifRun.status == 1, "\(sarifRun)")
            let sarif = try json(folder.appendingPathComponent("report.sarif"))
            #expect(sarif["version"] as? String == "2.1.0")
            let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(Set(results.compactMap { $0["ruleId"] as? String }) == ["waymark-replay/drifted", "waymark-replay/broken"])
            #expect(results.allSatisfy { $0["level"] as? String == "error" })

            // The same findings, reported but not failing the run.
            let lenient = try await ReplayTestSupport.run(base + ["--fail-on", "none"], in: folder)
            #expect(lenient.status == 0, "\(lenient)")
        }
    }

    /// `--max-variation`: the same page again is no finding; a page that looks different (labels unchanged) is a
    /// `screenshot-changed` warning on the steps whose screenshots changed, and fails the run only when asked to.
    @Test func maxVariationComparesWithTheLastRefreshedScreenshots() async throws {
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        func request(_ origin: String) -> ReplayAction.Request {
            var request = ReplayAction.Request()
            request.paths = [ReplayTestSupport.mainFlow.path]
            request.map = ["\(ReplayTestSupport.recordedOrigin)=\(origin)/puppeteer"]
            request.out = "replayed"
            request.timeout = 3
            request.updateDashboard = false
            return request
        }
        /// A `--check --max-variation 0.01` run with a JSON report, comparing with the screenshots in replayed/.
        func check(_ origin: String) -> ReplayAction.Request {
            var check = request(origin)
            check.check = true
            check.maxVariation = 0.01
            check.report = .json
            return check
        }
        // The last refresh: screenshots in replayed/images/<id>/.
        try await ReplayTestSupport.withServer { server in
            let refresh = try await ReplayAction.run(request(server.origin), in: project)
            #expect(!refresh.fails && !refresh.diagnostics.hasErrors, "\(refresh.printed ?? "") \(refresh.diagnostics)")
            let same = try await ReplayAction.run(check(server.origin), in: project)
            #expect(!same.fails, "\(same.printed ?? "")")
            #expect(try findings(same).isEmpty, "the unchanged page: \(same.printed ?? "")")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("replayed/images/main-page-buttons-and-form/step-02.png").path))

        // The application restyled: every label the same, every screenshot different.
        let site = try ReplayTestSupport.changedPuppeteerSite(page: "main.html") { html in
            html.replacingOccurrences(of: "<div>\n  <button id=\"test\">",
                                      with: "<style>html, body { background: #123456; color: #fff; }</style>\n<div>\n  <button id=\"test\">")
        }
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try await ReplayTestSupport.withServer(puppeteer: site) { server in
            var compare = check(server.origin)
            let changed = try await ReplayAction.run(compare, in: project)
            #expect(!changed.fails, "a changed screenshot is a warning unless --fail-on asks: \(changed.printed ?? "")")
            let found = try findings(changed)
            #expect(!found.isEmpty, "\(changed.printed ?? "")")
            #expect(found.allSatisfy { $0["status"] as? String == "screenshot-changed" }, "\(found)")
            #expect(found.allSatisfy { ($0["message"] as? String)?.contains("differs from the last one in") == true }, "\(found)")

            // Nothing is compared without --max-variation, and --fail-on screenshot-changed makes it fail.
            compare.maxVariation = nil
            #expect(try findings(try await ReplayAction.run(compare, in: project)).isEmpty)
            compare.maxVariation = 0.01
            compare.failOn = "screenshot-changed"
            #expect(try await ReplayAction.run(compare, in: project).fails)
            // A looser threshold than the change lets it pass.
            compare.maxVariation = 1
            #expect(try findings(try await ReplayAction.run(compare, in: project)).isEmpty)
        }
    }

    /// Uploads choose files from the capture's own folder only, found by the last part of the recorded path
    /// (`C:\fakepath\cv.pdf` as Chrome records it); a file that is not there is a warning and the step is skipped,
    /// and a recorded `../` never reaches a file outside the folder.
    @Test func uploadsChooseFilesFromTheCapturesOwnFolderOnly() async throws {
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site"), captures = folder.appendingPathComponent("captures")
        for dir in [site, captures] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        try Data("""
            <!doctype html><title>Apply</title>
            <label for="cv">Your CV</label> <input type="file" id="cv" multiple>
            <p id="chosen">nothing chosen</p>
            <script>
            document.getElementById('cv').addEventListener('change', (e) => {
              document.getElementById('chosen').textContent = Array.from(e.target.files).map((f) => f.name + ' (' + f.size + ' bytes)').join(', ');
            });
            </script>
            """.utf8).write(to: site.appendingPathComponent("apply.html"))
        try Data("%PDF-1.4 cv".utf8).write(to: captures.appendingPathComponent("cv.pdf"))
        try Data("letter".utf8).write(to: captures.appendingPathComponent("letter.txt"))
        // Beside the captures folder, not in it: no recording may send it.
        try Data("do not send".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        func capture(_ id: String, upload: String, expect: String) -> String {
            """
            {"waymark": 1, "id": "\(id)", "title": "Apply \(id)", "steps": [
              {"action": "navigate", "url": "https://jobs.example/apply.html"},
              {"action": "upload", "target": {"label": "Your CV", "role": "file field", "selectors": ["#cv"]}, "value": \(upload)},
              {"action": "assert", "target": {"selectors": ["#chosen"]}, "value": "\(expect)"}
            ]}
            """
        }
        try Data(capture("one", upload: #""C:\\fakepath\\cv.pdf""#, expect: "cv.pdf (11 bytes)").utf8)
            .write(to: captures.appendingPathComponent("one.json"))
        try Data(capture("two", upload: #""/home/ada/cv.pdf\n/home/ada/letter.txt""#, expect: "cv.pdf (11 bytes), letter.txt (6 bytes)").utf8)
            .write(to: captures.appendingPathComponent("two.json"))
        try Data(capture("escape", upload: #""../secret.txt""#, expect: "nothing chosen").utf8)
            .write(to: captures.appendingPathComponent("escape.json"))

        try await ReplayTestSupport.withServer(puppeteer: site) { server in
            var request = ReplayAction.Request()
            request.paths = ["captures"]
            request.baseURL = server.origin + "/puppeteer"
            request.check = true
            request.report = .json
            request.timeout = 3
            request.updateDashboard = false
            let outcome = try await ReplayAction.run(request, in: project)
            #expect(!outcome.fails, "\(outcome.printed ?? "")")
            #expect(try findings(outcome).isEmpty, "each upload chose what the page then shows: \(outcome.printed ?? "")")
            let warnings = outcome.diagnostics.filter { $0.code == "replay.upload-file" }
            #expect(warnings.count == 1, "\(outcome.diagnostics)")
            #expect(warnings.first?.message == "Step 2 of “escape” uploads “secret.txt”, which is not in the capture's folder; the step is not performed.")
            #expect(warnings.first?.severity == .warning)
        }
    }

    /// The findings of a JSON report printed by a replay.
    private func findings(_ outcome: ReplayAction.Outcome) throws -> [[String: Any]] {
        let text = try #require(outcome.printed)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(report["findings"] as? [[String: Any]])
    }

    @Test func aSeleniumRecordingReplaysAgainstItsSiteWithBaseURL() async throws {
        let side = try #require(Fixtures.shared).appendingPathComponent("captures/selenium-ide/selenium-ide__tests-examples__check-examples.side")
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer { server in
            var request = ReplayAction.Request()
            request.paths = [side.path]
            request.baseURL = "\(server.origin)/selenium"
            let outcome = try await ReplayAction.run(request, in: project)
            #expect(!outcome.fails, "\(outcome.printed ?? "")")
            #expect(outcome.printed?.contains("nothing changed") == true, "\(outcome.printed ?? "")")
            let written = outcome.written.filter { $0.hasSuffix(".png") }
            // navigate + 4 checks/unchecks + 4 assertions, each with a screenshot.
            #expect(written.count == 9, "\(outcome.written)")
            for path in written {
                _ = try DecodedPNG([UInt8](Data(contentsOf: folder.appendingPathComponent(path))))
            }
        }
    }

    /// A Chrome Recorder recording transcribed from puppeteer/replay's runner tests: clicks in a frame and in a frame
    /// inside it, in an open shadow root, in a pop-up (then closed), a select changed by its ARIA name, scrolls, and
    /// keys typed where the focus is — each checked on the page (the option chosen, the keys' log lines).
    @Test func framesShadowDOMPopupsSelectScrollAndKeysOfAChromeRecording() async throws {
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer { server in
            var request = ReplayAction.Request()
            request.paths = [ReplayTestSupport.fixtures.appendingPathComponent("puppeteer-frames-popup-keys.json").path]
            request.map = ["\(ReplayTestSupport.recordedOrigin)=\(server.origin)/puppeteer"]
            request.check = true
            request.timeout = 5
            request.report = .json
            let outcome = try await ReplayAction.run(request, in: project)
            let report = try #require(try JSONSerialization.jsonObject(with: Data((outcome.printed ?? "").utf8)) as? [String: Any])
            let findings = report["findings"] as? [[String: Any]] ?? []
            #expect(findings.isEmpty, "\(findings.map { "\($0["step"] ?? ""): \($0["message"] ?? "")" })")
            let capture = try #require((report["captures"] as? [[String: Any]])?.first)
            #expect(capture["stoppedAfter"] == nil)
            // Only the scroll of the whole page has no element to act on; every other step was performed.
            #expect(capture["stepsReplayed"] as? Int == (capture["steps"] as? Int).map { $0 - 1 }, "\(capture)")
        }
    }

    /// The application stopped opening the pop-up: the step that goes there is one broken finding within the
    /// step timeout, naming the address it waited for — no hang, no cascade, no browser left behind.
    @Test func aPopUpThatNeverOpensIsOneFindingWithinTheTimeout() async throws {
        let site = try ReplayTestSupport.changedPuppeteerSite(page: "main.html") { html in
            html.replacingOccurrences(of: "window.open(\n      'popup.html',", with: "console.log(\n      'popup.html',")
        }
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let (_, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer(puppeteer: site) { server in
            // Started by hand to know its pid; waitForExit records an issue (and kills it) after 120 s.
            let (process, out, err) = try ReplayTestSupport.start(
                ["replay", ReplayTestSupport.fixtures.appendingPathComponent("puppeteer-frames-popup-keys.json").path,
                 "--check", "--timeout", "2", "--map", "\(ReplayTestSupport.recordedOrigin)=\(server.origin)/puppeteer",
                 "--report", "json", "--output", "report.json"], in: folder)
            try await ReplayTestSupport.waitForExit(process, limit: .seconds(120))
            #expect(process.terminationStatus == 1, "\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
            await ReplayTestSupport.expectNothingLeft(by: process.processIdentifier)
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
            let report = try json(folder.appendingPathComponent("report.json"))
            let findings = try #require(report["findings"] as? [[String: Any]])
            #expect(findings.count == 1, "\(findings)")
            #expect(findings.first?["status"] as? String == "broken")
            let message = findings.first?["message"] as? String ?? ""
            #expect(message.contains("popup.html"), "\(message)")
            // The steps in the missing pop-up are not performed; the replay goes on in the main window.
            let capture = try #require((report["captures"] as? [[String: Any]])?.first)
            #expect(capture["stoppedAfter"] == nil, "\(capture)")
            #expect(capture["stepsReplayed"] as? Int == (capture["steps"] as? Int).map { $0 - 3 }, "the scroll, the click and the close in the pop-up: \(capture)")
        }
    }

    /// Every Selenium IDE recording in ../shared/captures that was made against Selenium IDE's own test pages
    /// (project URL on localhost; the others were recorded on public sites and are not replayed) replays against
    /// those pages unchanged: checks, selects, mouse sequences, text comparisons, stored values, scripts.
    @Test func everySeleniumRecordingOfTheLocalTestPagesReplaysUnchanged() async throws {
        let folder = try #require(Fixtures.shared).appendingPathComponent("captures/selenium-ide")
        let local = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { name in
            guard name.hasSuffix(".side"), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let project = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let url = project["url"] as? String else { return false }
            return url.hasPrefix("http://localhost:8080")
        }
        #expect(local.count >= 7, "\(local)")
        let (project, projectFolder) = project()
        defer { try? FileManager.default.removeItem(at: projectFolder) }
        try await ReplayTestSupport.withServer { server in
            var request = ReplayAction.Request()
            request.paths = local.map { folder.appendingPathComponent($0).path }
            request.baseURL = "\(server.origin)/selenium"
            request.check = true
            request.jobs = 2
            request.timeout = 5
            request.report = .json
            let outcome = try await ReplayAction.run(request, in: project)
            let report = try #require(try JSONSerialization.jsonObject(with: Data((outcome.printed ?? "").utf8)) as? [String: Any])
            let findings = report["findings"] as? [[String: Any]] ?? []
            #expect(findings.isEmpty, "\(findings.map { "\($0["capture"] ?? ""): \($0["message"] ?? "")" })")
            let captures = try #require(report["captures"] as? [[String: Any]])
            #expect(captures.count >= 10, "\(captures.map { $0["capture"] ?? "" })")
            #expect(captures.allSatisfy { $0["stoppedAfter"] == nil }, "\(captures)")
            // The mouse sequence (press, check, release, check) and the negated text checks are performed, not skipped.
            let mouse = captures.first { ($0["capture"] as? String)?.hasSuffix("mouse-sequence") == true }
            #expect(mouse?["stepsReplayed"] as? Int == 8, "\(String(describing: mouse))")
            let text = captures.first { ($0["capture"] as? String)?.hasSuffix("text-comparison") == true }
            #expect(text?["stepsReplayed"] as? Int == 5, "\(String(describing: text))")
        }
    }

    @Test func twoJobsOnARemoteWebDriverEndpoint() async throws {
        let side = try #require(Fixtures.shared).appendingPathComponent("captures/selenium-ide/selenium-ide__tests-examples__check-examples.side")
        let (project, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The endpoint a Selenium Grid 4 exposes, played here by a chromedriver the test starts on loopback.
        let driver = try await BrowserDriver.start()
        let token = try #require(driver.ownerToken)
        do {
            try await ReplayTestSupport.withServer { server in
                var request = ReplayAction.Request()
                request.paths = [ReplayTestSupport.mainFlow.path, side.path]
                request.map = ["\(ReplayTestSupport.recordedOrigin)=\(server.origin)/puppeteer", "http://localhost:8080=\(server.origin)/selenium"]
                request.webdriver = driver.url
                request.jobs = 2
                request.check = true
                request.report = .json
                let outcome = try await ReplayAction.run(request, in: project)
                #expect(!outcome.fails, "\(outcome.printed ?? "")")
                #expect(outcome.written.isEmpty)
                let report = try #require(try JSONSerialization.jsonObject(with: Data((outcome.printed ?? "").utf8)) as? [String: Any])
                #expect((report["captures"] as? [Any])?.count == 2)
            }
        } catch {
            await driver.stop()
            await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
            throw error
        }
        await driver.stop()
        await BrowserTestEnvironment.expectNoProcesses(ownedBy: token)
    }

    @Test func badInputIsExitStatusTwoWithTheCode() async throws {
        let (_, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noNavigate = folder.appendingPathComponent("no-navigate.json")
        try Data(##"{"title": "No start", "steps": [{"type": "click", "selectors": [["#test"]]}]}"##.utf8).write(to: noNavigate)
        let run = try await ReplayTestSupport.run(["replay", noNavigate.path], in: folder)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("replay.no-navigate"), "\(run.stderr)")
        #expect(run.stdout.isEmpty, "no report when nothing could be replayed: \(run.stdout)")

        let badMap = try await ReplayTestSupport.run(["replay", ReplayTestSupport.mainFlow.path, "--map", "localhost:8907"], in: folder)
        #expect(badMap.status == 2)
        #expect(badMap.stderr.contains("replay.origin"), "\(badMap.stderr)")

        let badJobs = try await ReplayTestSupport.run(["replay", ReplayTestSupport.mainFlow.path, "--jobs", "0", "--fail-on", "stale"], in: folder)
        #expect(badJobs.status == 2)
        #expect(badJobs.stderr.contains("replay.jobs") && badJobs.stderr.contains("replay.fail-on"), "\(badJobs.stderr)")

        var request = ReplayAction.Request()
        request.paths = [ReplayTestSupport.mainFlow.path]
        request.chromedriverPath = folder.appendingPathComponent("no-such-chromedriver").path
        await #expect {
            try await ReplayAction.run(request, in: Project(workingDirectory: folder))
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.contains { $0.code == "browser.driver-missing" && ($0.hint ?? DiagnosticCode.browserDriverMissing.hint).contains("chromium-driver") }
        }
    }

    @Test func anUnreachableApplicationIsOneFindingAtTheFirstStepNotACascade() async throws {
        let (_, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A loopback port nobody listens on (refused), and one Chromium will not open at all (its own error page).
        let closed = try BrowserTestEnvironment.closedLoopbackPort()
        for base in ["http://127.0.0.1:\(closed)", "http://127.0.0.1:9"] {
            let run = try await ReplayTestSupport.run(
                ["replay", ReplayTestSupport.mainFlow.path, "--check", "--timeout", "2", "--base-url", base,
                 "--report", "json", "--output", "report.json"], in: folder)
            #expect(run.status == 1, "\(run)")
            let report = try json(folder.appendingPathComponent("report.json"))
            let findings = try #require(report["findings"] as? [[String: Any]])
            #expect(findings.count == 1, "\(base): \(findings)")
            #expect(findings.first?["status"] as? String == "broken")
            let message = findings.first?["message"] as? String ?? ""
            #expect(message.contains("ERR_CONNECTION_REFUSED") || message.contains("ERR_UNSAFE_PORT"), "\(message)")
            let capture = (report["captures"] as? [[String: Any]])?.first
            #expect(capture?["stoppedAfter"] as? Int == findings.first?["step"] as? Int, "\(report)")
        }
    }

    @Test func sigtermDuringAReplayLeavesNoBrowserBehind() async throws {
        let (_, folder) = project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ReplayTestSupport.withServer { server in
            let (process, _, _) = try ReplayTestSupport.start(
                ["replay", ReplayTestSupport.neverFinishes.path, "--map", "\(ReplayTestSupport.recordedOrigin)=\(server.origin)"], in: folder)
            let pid = process.processIdentifier
            // Wait until Chromium runs (and is stuck on the page that never finishes loading).
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(60))
            while process.isRunning && clock.now < deadline
                && !ProcessTable.processes(startedByProcess: pid).contains(where: { $0.command.contains("chrom") && !$0.command.contains("chromedriver") }) {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(process.isRunning, "waymark ended before it could be interrupted")
            #expect(!ProcessTable.processes(startedByProcess: pid).isEmpty, "no browser started")
            kill(pid, SIGTERM)
            try await ReplayTestSupport.waitForExit(process, limit: .seconds(30))
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 143)
            await ReplayTestSupport.expectNothingLeft(by: pid)
        }
    }
}
