import Foundation
import Testing
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Every file in ../shared/captures (real recordings from other tools, see SOURCES.md there), with what it must
/// import as.
///
/// How the expected step counts were counted, by reading each file:
/// - Chrome Recorder: every object in `steps`, minus `setViewport`/`emulateNetworkConditions` (they become
///   prerequisites), with each keyDown+keyUp pair counted once (they fold into one key press; consecutive printable
///   keys would fold into one typed text — none of these files has such a run). Unknown Lighthouse user-flow steps
///   (`startTimespan`, `endTimespan`, `snapshot`) count: they are kept as custom steps with a warning each.
/// - Selenium IDE: one capture per test, in suite order then the tests in no suite. Every command counts, minus
///   commented-out (`//…`) commands and `setWindowSize` (a prerequisite); an adjacent mouseDownAt, mouseMoveAt,
///   mouseUpAt on one element counts once (one click). `sendKeys` of `${KEY_ENTER}` is one press. `run X` counts
///   as the steps of test X (they are brought in): test-case-reuse's "valid credentials" is 2 stores + the 7 of
///   "login" = 9.
/// - Steps Recorder: every `EachAction` in the report (7 here: 4 clicks, 3 keyboard inputs), for the .zip, the .mht
///   and the XML slice alike; the report says 5 actions were missed, which is a warning.
/// Negative cases: `replay-fail-no-title` (no `title`) imports with a `chrome.missing-title` WARNING and the title
/// taken from the file name; `singlestep` (a lone step object, not a recording) is an ERROR `chrome.lone-step`
/// with no capture.
@Suite("Shared real-world captures")
struct SharedCapturesTests {
    typealias Expected = ExpectedImport

    static let table: [Expected] = [
        Expected(file: "chrome-recorder/AtofStryker-cypress-chrome-recorder-issue-54__cypress_recorder.json", format: .chromeRecorder,
                 captures: [("cypress-recorder", 3)], labels: ["New Tab", "npm install cypress"]),
        Expected(file: "chrome-recorder/jecfish-recorder-demo__hover-add-a-coffee.json", format: .chromeRecorder,
                 captures: [("hover-add-a-coffee", 6)], labels: ["Coffee cart", "Espresso", "Proceed to checkout", "Add one Espresso"]),
        Expected(file: "chrome-recorder/jecfish-recorder-demo__order-a-coffee-simple.json", format: .chromeRecorder,
                 captures: [("order-a-coffee-simple", 2)], labels: ["Espresso"]),
        Expected(file: "chrome-recorder/jecfish-recorder-demo__order-a-coffee.json", format: .chromeRecorder,
                 captures: [("order-a-coffee", 9)], labels: ["Espresso", "Mocha", "Proceed to checkout", "Name", "Email", "Promotion message", "Submit"]),
        Expected(file: "chrome-recorder/puppeteer-replay-example-recording.json", format: .chromeRecorder,
                 captures: [("test-recording", 1)]),
        Expected(file: "chrome-recorder/puppeteer-replay-test-benchmark-all-step-types.json", format: .chromeRecorder,
                 captures: [("benchmark", 12)], labels: ["Click", "Click", "Prefilled", "Hover", "Button", "Select"]),
        Expected(file: "chrome-recorder/puppeteer-replay-test-replay-fail-no-title.json", format: .chromeRecorder,
                 captures: [("puppeteer-replay-test-replay-fail-no-title", 1)],
                 diagnostics: [("chrome.missing-title", .warning)]),
        Expected(file: "chrome-recorder/puppeteer-replay-test-replay-wiki.json", format: .chromeRecorder,
                 captures: [("wiki", 1)]),
        Expected(file: "chrome-recorder/push-based-user-flow__order-coffee-3.replay.json", format: .chromeRecorder,
                 captures: [("coffee-checkout", 16)], labels: ["Cappucino", "Proceed to checkout", "Name", "Email", "Email", "Submit"],
                 diagnostics: [("chrome.unknown-step", .warning)]),
        Expected(file: "chrome-recorder/testing-library-recorder-ext__example.json", format: .chromeRecorder,
                 captures: [("example", 2)], labels: ["Example Domain", "More information..."]),
        Expected(file: "chrome-recorder/wpt-recorder-to-script__simple-recording-new-format.json", format: .chromeRecorder,
                 captures: [("recording-10-4-2022-at-4-20-30-pm", 6)],
                 labels: ["WORK WITH ME", "WRITING", "SPEAKING", "READING", "Good to Go Book Cover"]),
        Expected(file: "chrome-recorder/wpt-recorder-to-script__singlestep.json", format: .chromeRecorder,
                 captures: [], diagnostics: [("chrome.lone-step", .error)]),
        Expected(file: "psr/microsoft-UFO__Recording_20240327_2041.mht", format: .stepsRecorder,
                 captures: [("microsoft-ufo-recording-20240327-2041", 7)], labels: ["Mail - Yun Hao - Outlook"],
                 diagnostics: [("psr.missed-actions", .warning)]),
        Expected(file: "psr/microsoft-UFO__Recording_20240327_2041.report-slice.xml", format: .stepsRecorder,
                 captures: [("microsoft-ufo-recording-20240327-2041-report-slice", 7)], labels: ["Mail - Yun Hao - Outlook"],
                 diagnostics: [("psr.missed-actions", .warning), ("psr.no-screenshots", .note)]),
        Expected(file: "psr/microsoft-UFO__sample_record.zip", format: .stepsRecorder,
                 captures: [("microsoft-ufo-sample-record", 7)], labels: ["Mail - Yun Hao - Outlook"],
                 diagnostics: [("psr.missed-actions", .warning)]),
        Expected(file: "selenium-ide/selenium-ide__code-export-javascript-mocha__form-select-checkbox.side", format: .seleniumIDE,
                 captures: [("selenium-ide-code-export-javascript-mocha-form-select-checkbox-selenium-test-pag", 11)],
                 labels: ["Firstname", "Firstname", "Surname", "Gender", "Gender", "Blue", "Continent", "Continent"]),
        Expected(file: "selenium-ide/selenium-ide__side-code-export__select-window.side", format: .seleniumIDE,
                 captures: [("selenium-ide-side-code-export-select-window-select-window", 8)], labels: ["Multiple Windows", "Click Here"]),
        Expected(file: "selenium-ide/selenium-ide__side-code-export__single-suite.side", format: .seleniumIDE,
                 captures: [("selenium-ide-side-code-export-single-suite-valid-credentials", 5), ("selenium-ide-side-code-export-single-suite-invalid-credentials", 5)],
                 labels: ["Username", "Password", "Login"]),
        Expected(file: "selenium-ide/selenium-ide__side-code-export__single-test.side", format: .seleniumIDE,
                 captures: [("selenium-ide-side-code-export-single-test-login", 5)], labels: ["Username", "Password", "Login"]),
        Expected(file: "selenium-ide/selenium-ide__side-code-export__test-case-reuse.side", format: .seleniumIDE,
                 captures: [("selenium-ide-side-code-export-test-case-reuse-invalid-credentials", 9), ("selenium-ide-side-code-export-test-case-reuse-valid-credentials", 9),
                            ("selenium-ide-side-code-export-test-case-reuse-two-methods", 10), ("selenium-ide-side-code-export-test-case-reuse-login", 7), ("selenium-ide-side-code-export-test-case-reuse-tiny-method", 1)],
                 labels: ["Form Authentication", "Username", "Password", "Login", "Form Authentication", "Username", "Password", "Login"]),
        Expected(file: "selenium-ide/selenium-ide__side-example-suite__plugin.side", format: .seleniumIDE,
                 captures: [("selenium-ide-side-example-suite-plugin-plugin-commands", 7)], labels: ["Google"],
                 diagnostics: [("selenium.unknown-command", .warning)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__blank.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-blank-new-test", 1), ("selenium-ide-tests-examples-blank-new-test-2", 1), ("selenium-ide-tests-examples-blank-new-test-3", 1)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__check-examples.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-check-examples-check-examples", 9)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__echo.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-echo-plugin-commands", 3)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__execute-script.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-execute-script-execute-async-script", 4), ("selenium-ide-tests-examples-execute-script-execute-script", 4)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__frames.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-frames-frames", 14)], labels: ["UAAG 1.0 Requirement", "Checkpoint", "Test Link 1", "Test Link 2"]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__mouse-events.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-mouse-events-mouse-sequence", 8)], diagnostics: [("selenium.commented-out", .note)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__plugin.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-plugin-plugin-commands", 5)], diagnostics: [("selenium.unknown-command", .warning)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__select-examples.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-select-examples-select-verify-labels", 3), ("selenium-ide-tests-examples-select-examples-select-strategies", 4)], labels: ["Select"]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__send-keys.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-send-keys-send-keys", 5)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__store-examples.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-store-examples-attributes", 4), ("selenium-ide-tests-examples-store-examples-xpath-count", 7)], labels: ["Test", "Test"]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__text-comparison.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-text-comparison-text-comparison", 5)]),
        Expected(file: "selenium-ide/selenium-ide__tests-examples__wait-for.side", format: .seleniumIDE,
                 captures: [("selenium-ide-tests-examples-wait-for-wait-for-element-present", 4), ("selenium-ide-tests-examples-wait-for-wait-for-element-not-present", 4),
                            ("selenium-ide-tests-examples-wait-for-wait-for-element-visible", 4), ("selenium-ide-tests-examples-wait-for-wait-for-element-not-visible", 4),
                            ("selenium-ide-tests-examples-wait-for-wait-for-element-editable-and-not-editable", 7)],
                 labels: ["Finish", "Finish", "Checkbox"]),
    ]

    static var capturesFolder: URL? { Fixtures.shared?.appendingPathComponent("captures") }

    @Test("The table lists every shared capture file, and only those", .enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func tableIsComplete() throws {
        let folder = try #require(Self.capturesFolder)
        let onDisk = Fixtures.files(under: folder).map { String($0.path.dropFirst(folder.path.count + 1)) }
            .filter { $0 != "SOURCES.md" }
        #expect(onDisk.sorted() == Self.table.map(\.file).sorted())
    }

    @Test("Each shared capture is detected, imported with the expected steps and labels, or fails clearly",
          .enabled(if: Fixtures.hasShared, Fixtures.sharedMissing),
          arguments: SharedCapturesTests.table.map(\.file))
    func importsAsExpected(file: String) throws {
        let folder = try #require(Self.capturesFolder)
        let expected = try #require(Self.table.first { $0.file == file })
        let url = folder.appendingPathComponent(file)
        let (input, result) = try ForeignImportSupport.read(url, relativeTo: folder)

        expected.check(input, result)
        for capture in result.captures {
            #expect(capture.origin == CaptureSource(format: expected.format, path: file))
            #expect(Slug.isValid(capture.id))
        }
    }

    @Test("Each shared capture imports as recorded (golden dump)", .enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func goldenDumps() throws {
        let folder = try #require(Self.capturesFolder)
        for url in Fixtures.files(under: folder) where url.lastPathComponent != "SOURCES.md" {
            let (_, result) = try ForeignImportSupport.read(url, relativeTo: folder)
            Snapshot.assert(ForeignImportSupport.dump(result), named: url.lastPathComponent + ".txt", group: "shared-captures")
        }
    }

    @Test("The Steps Recorder screenshots come out of the .mht with their size and highlight",
          .enabled(if: Fixtures.hasShared, Fixtures.sharedMissing))
    func stepsRecorderScreenshots() throws {
        let folder = try #require(Self.capturesFolder)
        for file in ["psr/microsoft-UFO__sample_record.zip", "psr/microsoft-UFO__Recording_20240327_2041.mht"] {
            let (_, result) = try ForeignImportSupport.read(folder.appendingPathComponent(file), relativeTo: folder)
            let steps = try #require(result.captures.first).steps
            for (index, step) in steps.enumerated() {
                let shot = try #require(step.screenshot)
                #expect(shot.path == String(format: "images/screenshot%04d.jpeg", index + 1))
                #expect(shot.width == 2560 && shot.height == 1440)
                let data = try #require(shot.embeddedData)
                #expect(data.prefix(2) == Data([0xFF, 0xD8]) && data.suffix(2) == Data([0xFF, 0xD9]))
            }
            // The first click was at screen (150, 151) on a 2560×1440 screen shown 1:1: a 48-pixel square around it.
            #expect(steps[0].screenshot?.highlight == Rect(x: 126, y: 127, width: 48, height: 48))
            #expect(result.captures.first?.recordedAt == "2024-03-27T20:33:04")
        }
    }
}
