/// A stable diagnostic code: its dotted id, how serious it is, and what a user can do about it.
///
/// Every problem Waymark reports is one of the codes registered below — never a string made up at the call site — so
/// that a code means one thing everywhere, scripts and CI filters can rely on it, and a test can check that every
/// code is emitted somewhere and documented in docs/diagnostics.md. A call site may give a more specific hint; the
/// registered one is what the user sees otherwise.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    /// Dotted, stable identifier (`json.syntax`); printed as `severity[id]`.
    public let id: String
    public let severity: Diagnostic.Severity
    /// One plain sentence saying what to do.
    public let hint: String

    init(_ id: String, _ severity: Diagnostic.Severity, hint: String) {
        self.id = id
        self.severity = severity
        self.hint = hint
    }

    public var description: String { id }

    /// The registered code with this id, if there is one (for reading reports and the lock back).
    public static func named(_ id: String) -> DiagnosticCode? { byID[id] }

    private static let byID: [String: DiagnosticCode] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

// The registry. Keep each group sorted; add new codes to `all` as well (a test checks both lists agree and that every
// code is emitted somewhere and documented).
extension DiagnosticCode {
    // MARK: browser.* (the browser adapter: replay, PDF printing)
    public static let browserBrowserMissing = DiagnosticCode("browser.browser-missing", .error,
        hint: "Install Debian's `chromium` package (apt-get install chromium), or pass the path of a Chromium or Chrome binary.")
    public static let browserCancelled = DiagnosticCode("browser.cancelled", .error,
        hint: "Nothing to do: the run was interrupted on purpose.")
    public static let browserDriverError = DiagnosticCode("browser.driver-error", .error,
        hint: "Read the driver's message; rerun with the driver log enabled if it is not clear.")
    public static let browserDriverMissing = DiagnosticCode("browser.driver-missing", .error,
        hint: "Install Debian's `chromium-driver` package (apt-get install chromium-driver), or pass the path of a chromedriver.")
    public static let browserDriverStartFailed = DiagnosticCode("browser.driver-start-failed", .error,
        hint: "Run `chromedriver --port=0` by hand to see why it stops, and check that its version matches Chromium's.")
    public static let browserDriverUnresponsive = DiagnosticCode("browser.driver-unresponsive", .error,
        hint: "The browser is hung or overloaded; rerun with fewer parallel jobs or a longer command timeout.")
    public static let browserElementAmbiguous = DiagnosticCode("browser.element-ambiguous", .error,
        hint: "Give the step a more specific label, role or selector so that it names one element.")
    public static let browserElementNotFound = DiagnosticCode("browser.element-not-found", .error,
        hint: "Update the capture's label or selector to what the page shows now, or record the step again.")
    public static let browserElementNotInteractable = DiagnosticCode("browser.element-not-interactable", .error,
        hint: "Wait until the element is visible and enabled, or scroll or close whatever covers it.")
    public static let browserElementStale = DiagnosticCode("browser.element-stale", .error,
        hint: "Find the element again right before acting on it; the page replaced it.")
    public static let browserInvalidOption = DiagnosticCode("browser.invalid-option", .error,
        hint: "Correct the option as the message says.")
    public static let browserInvalidQuery = DiagnosticCode("browser.invalid-query", .error,
        hint: "Fix the selector or option; shadow roots accept only CSS and link-text locators.")
    public static let browserNavigationFailed = DiagnosticCode("browser.navigation-failed", .error,
        hint: "Check the URL, that the application is running, and that its host is allowed by the network policy (only loopback by default).")
    public static let browserNoAlert = DiagnosticCode("browser.no-alert", .error,
        hint: "Wait for the dialog to open before accepting, dismissing or reading it.")
    public static let browserNoSuchFrame = DiagnosticCode("browser.no-such-frame", .error,
        hint: "Check the frame path of the query; the frame is missing or has not loaded yet.")
    public static let browserNoSuchShadowRoot = DiagnosticCode("browser.no-such-shadow-root", .error,
        hint: "Check that the element hosts an open shadow root; closed shadow roots cannot be searched.")
    public static let browserNoSuchWindow = DiagnosticCode("browser.no-such-window", .error,
        hint: "Switch to an open window first; the window was closed.")
    public static let browserPageLoadTimeout = DiagnosticCode("browser.page-load-timeout", .error,
        hint: "Check that the application answers, or raise the page-load timeout.")
    public static let browserProtocolError = DiagnosticCode("browser.protocol", .error,
        hint: "Check that the URL points at a W3C WebDriver endpoint and not at another HTTP service.")
    public static let browserScriptError = DiagnosticCode("browser.script-error", .error,
        hint: "Fix the script; the browser's message says what it threw.")
    public static let browserSessionClosed = DiagnosticCode("browser.session-closed", .error,
        hint: "The browser crashed or was closed; start a new session, and look for out-of-memory kills if it keeps happening.")
    public static let browserSessionFailed = DiagnosticCode("browser.session-failed", .error,
        hint: "Check that the browser starts on this machine (`chromium --headless=new --no-sandbox about:blank`) and that a remote Grid has a free Chrome node.")
    public static let browserTimeout = DiagnosticCode("browser.timeout", .error,
        hint: "Make sure the page reaches the expected state, or raise the wait (the default is 10 seconds).")
    public static let browserUnexpectedAlert = DiagnosticCode("browser.unexpected-alert", .error,
        hint: "Accept or dismiss the open dialog before the next step.")
    public static let browserUnreachable = DiagnosticCode("browser.unreachable", .error,
        hint: "Check the WebDriver URL (for Selenium Grid 4: http://host:4444) and that the driver or Grid is running.")
    public static let browserUnsupported = DiagnosticCode("browser.unsupported", .error,
        hint: "Use a WebDriver endpoint that implements this W3C command (chromedriver 115 or later does).")

    // MARK: build.*
    public static let buildLocked = DiagnosticCode("build.locked", .error,
        hint: "Wait for the other build to finish, or build into another --out folder.")

    // MARK: capture.* (native captures, and rules every capture follows)
    public static let captureDate = DiagnosticCode("capture.date", .error,
        hint: "Write the date as YYYY-MM-DD, for example 2027-03-31.")
    public static let captureDuplicateField = DiagnosticCode("capture.duplicate-field", .warning,
        hint: "Remove one of the two; the first is used.")
    public static let captureDuplicateId = DiagnosticCode("capture.duplicate-id", .error,
        hint: "Give each capture its own id.")
    public static let captureId = DiagnosticCode("capture.id", .error,
        hint: "Use 1–120 lowercase letters, digits and hyphens, not starting or ending with a hyphen.")
    public static let captureMasteryScore = DiagnosticCode("capture.mastery-score", .error,
        hint: "Write the share of right answers a learner needs to pass, e.g. 80, or leave it out.")
    public static let captureMissingField = DiagnosticCode("capture.missing-field", .error,
        hint: "Add the field; the JSON Schema and XSD (`waymark schema json|xsd`) list what each element needs.")
    public static let captureNoSteps = DiagnosticCode("capture.no-steps", .warning,
        hint: "Add the steps of the process, or record it again.")
    public static let captureNotACapture = DiagnosticCode("capture.not-a-capture", .error,
        hint: "Pass a capture: a JSON object with \"waymark\": 1 or an XML <capture version=\"1\"> element.")
    public static let captureOrigin = DiagnosticCode("capture.origin", .error,
        hint: "Use one of the formats `waymark import --help` lists, or remove the origin.")
    public static let captureRect = DiagnosticCode("capture.rect", .error,
        hint: "Give highlights a non-negative width and height, and screenshots a positive size.")
    public static let captureRectOutside = DiagnosticCode("capture.rect-outside", .warning,
        hint: "Check the highlight's coordinates against the screenshot's size.")
    public static let captureRepeatedTitle = DiagnosticCode("capture.repeated-title", .note,
        hint: "Nothing to do; give the recordings different titles for ids without the file name.")
    public static let captureScreenshotMissing = DiagnosticCode("capture.screenshot-missing", .warning,
        hint: "Keep the screenshot beside the capture at the path it names, or remove the reference.")
    public static let captureScreenshotPath = DiagnosticCode("capture.screenshot-path", .error,
        hint: "Use a path relative to the capture file, inside its folder, such as images/step-01.png.")
    public static let captureStepIncomplete = DiagnosticCode("capture.step-incomplete", .warning,
        hint: "Add what the step needs: a url to navigate to, a key to press, the text of a note.")
    public static let captureType = DiagnosticCode("capture.type", .error,
        hint: "Give the field the type the schema names (`waymark schema json|xsd`).")
    public static let captureUnknownAction = DiagnosticCode("capture.unknown-action", .warning,
        hint: "Use one of the actions the schema lists, or give the step an `instruction`.")
    public static let captureUnknownField = DiagnosticCode("capture.unknown-field", .warning,
        hint: "Check the spelling against the schema (`waymark schema json|xsd`); unknown fields are ignored.")
    public static let captureUnknownModifier = DiagnosticCode("capture.unknown-modifier", .warning,
        hint: "Use ctrl, alt, shift or meta.")
    public static let captureVersion = DiagnosticCode("capture.version", .error,
        hint: "Start the capture with \"waymark\": 1 (JSON) or <capture version=\"1\"> (XML).")
    public static let captureVersionUnsupported = DiagnosticCode("capture.version-unsupported", .error,
        hint: "Update Waymark to read this capture.")

    // MARK: check.*
    public static let checkDashboardUnwritable = DiagnosticCode("check.dashboard-unwritable", .warning,
        hint: "Check that the output folder is writable, or pass --no-update-dashboard.")
    public static let checkFailOn = DiagnosticCode("check.fail-on", .error,
        hint: "Use a comma-separated list of statuses, such as stale,edited,missing.")
    public static let checkMaxAge = DiagnosticCode("check.max-age", .error,
        hint: "Use a number of days, weeks, months or years, such as 180d, 26w, 6m or 1y.")
    public static let checkNoLock = DiagnosticCode("check.no-lock", .note,
        hint: "Run `waymark build` first, or pass --out with the folder your build writes to.")
    public static let checkStepSummary = DiagnosticCode("check.step-summary", .warning,
        hint: "Check that $GITHUB_STEP_SUMMARY names a writable file.")
    public static let checkToday = DiagnosticCode("check.today", .error,
        hint: "Write it as YYYY-MM-DD.")

    // MARK: chrome.* (Chrome DevTools Recorder)
    public static let chromeCustomStep = DiagnosticCode("chrome.custom-step", .warning,
        hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.")
    public static let chromeFieldType = DiagnosticCode("chrome.field-type", .error,
        hint: "Fix the value in the file, or record the flow again.")
    public static let chromeMissingField = DiagnosticCode("chrome.missing-field", .error,
        hint: "Add the field, or record the flow again.")
    public static let chromeLoneStep = DiagnosticCode("chrome.lone-step", .error,
        hint: "Export the whole recording from the Recorder panel, or wrap the step as {\"title\": …, \"steps\": [ … ]}.")
    public static let chromeMissingTitle = DiagnosticCode("chrome.missing-title", .warning,
        hint: "Add a \"title\" to the recording so the guide has a proper name.")
    public static let chromeNoSteps = DiagnosticCode("chrome.no-steps", .warning,
        hint: "Record the flow again in the Recorder panel.")
    public static let chromeNotARecording = DiagnosticCode("chrome.not-a-recording", .error,
        hint: "Export the recording again from the Recorder panel (Export → JSON).")
    public static let chromeUnknownStep = DiagnosticCode("chrome.unknown-step", .warning,
        hint: "Lighthouse user-flow steps and extension steps cannot be phrased automatically; add an \"instruction\" or remove the step.")
    public static let chromeUnpairedKeyUp = DiagnosticCode("chrome.unpaired-key-up", .note,
        hint: "Nothing to do: a key released without being pressed in the recording is skipped.")

    // MARK: citation.*, cite.*
    public static let citationIncomplete = DiagnosticCode("citation.incomplete", .warning,
        hint: "Add `waymark_source: <capture id>` (see `waymark cite`).")
    public static let citeNoLock = DiagnosticCode("cite.no-lock", .error,
        hint: "Run `waymark build` first, or pass --out with the folder your build writes to.")
    public static let citeSourceChanged = DiagnosticCode("cite.source-changed", .warning,
        hint: "Run `waymark build` first to cite the capture as it is now.")
    public static let citeUnknownId = DiagnosticCode("cite.unknown-id", .error,
        hint: "Pass the id of a built capture; `waymark inspect` shows a capture's id.")

    // MARK: config.* (waymark.yml)
    public static let configDuplicateKey = DiagnosticCode("config.duplicate-key", .error,
        hint: "Keep one of each setting.")
    public static let configEncoding = DiagnosticCode("config.encoding", .error,
        hint: "Save waymark.yml as UTF-8.")
    public static let configKey = DiagnosticCode("config.key", .error,
        hint: "Write each setting as a plain word followed by a colon, such as `out: site`.")
    public static let configNotAMapping = DiagnosticCode("config.not-a-mapping", .error,
        hint: "Write waymark.yml as `key: value` lines, such as `out: site`.")
    public static let configRedactPattern = DiagnosticCode("config.redact-pattern", .error,
        hint: "Use ICU regular expression syntax; quote the pattern in single quotes.")
    public static let configSecretName = DiagnosticCode("config.secret-name", .error,
        hint: "Under `secrets`, map a step's label to the NAME of an environment variable (`Password: APP_PASSWORD`); never write the secret itself in waymark.yml.")
    public static let configSyntax = DiagnosticCode("config.syntax", .error,
        hint: "Check indentation and quoting near this line.")
    public static let configType = DiagnosticCode("config.type", .error,
        hint: "Give the setting a value of the kind docs/build.md shows.")
    public static let configUnknownKey = DiagnosticCode("config.unknown-key", .error,
        hint: "Check the spelling; docs/build.md lists every setting.")
    public static let configUnreadable = DiagnosticCode("config.unreadable", .error,
        hint: "Check that the file exists and is readable.")

    // MARK: html.* (HTML read by the XML adapter: Selenese test cases and suites)
    public static let htmlEmpty = DiagnosticCode("html.empty", .error,
        hint: "Export the test again; the file has no HTML in it.")
    public static let htmlNulByte = DiagnosticCode("html.nul-byte", .error,
        hint: "The file holds NUL bytes, so it is not a saved web page; export the test again.")
    public static let htmlTooDeep = DiagnosticCode("html.too-deep", .error,
        hint: "Recorded test cases nest a few elements deep; this file is not one. Export the test again.")
    public static let htmlTooLarge = DiagnosticCode("html.too-large", .error,
        hint: "Recorded test cases are a few kilobytes; split the test, or check that the file is really a test case.")

    // MARK: image.* (screenshots the build copies)
    public static let imageEmpty = DiagnosticCode("image.empty", .warning,
        hint: "Record the screenshot again, or remove it from the step.")
    public static let imageMissing = DiagnosticCode("image.missing", .warning,
        hint: "Keep screenshots at the paths the capture names, relative to the capture file.")
    public static let imageNotAFile = DiagnosticCode("image.not-a-file", .warning,
        hint: "Point the screenshot at an image file.")
    public static let imageOutsideCaptureFolder = DiagnosticCode("image.outside-capture-folder", .warning,
        hint: "Use a path relative to the capture file, without '..', and keep screenshots beside the capture.")
    public static let imageTooLarge = DiagnosticCode("image.too-large", .warning,
        hint: "Use a smaller screenshot (PNG or JPEG of the screen).")
    public static let imageUnreadable = DiagnosticCode("image.unreadable", .warning,
        hint: "Check the file's permissions.")

    // MARK: import.*
    public static let importEmbeddedScreenshotsDropped = DiagnosticCode("import.embedded-screenshots-dropped", .warning,
        hint: "Pass --out DIR to write the capture together with its screenshots.")

    // MARK: input.*
    public static let inputBinary = DiagnosticCode("input.binary", .error,
        hint: "Pass a capture file: Waymark JSON or XML, a Chrome Recorder .json, a Selenium IDE .side, or a Steps Recorder .zip/.mht.")
    public static let inputEmpty = DiagnosticCode("input.empty", .error,
        hint: "Export the capture again; the file has no content.")
    public static let inputNoCaptures = DiagnosticCode("input.no-captures", .error,
        hint: "Pass a file that holds at least one capture.")
    public static let inputNone = DiagnosticCode("input.none", .error,
        hint: "Pass capture files or folders that hold them (.json, .xml, .side, .html, .zip, .mht).")
    public static let inputNotAFile = DiagnosticCode("input.not-a-file", .error,
        hint: "Pass a capture file saved on disk.")
    public static let inputNotFound = DiagnosticCode("input.not-found", .error,
        hint: "Check the path and run again.")
    public static let inputSkipped = DiagnosticCode("input.skipped", .note,
        hint: "Nothing to do if the file is not a recording; name it on the command line to see why it is not read.")
    public static let inputUnknownFormat = DiagnosticCode("input.unknown-format", .error,
        hint: "Pass --format to say which recorder made the file.")
    public static let inputUnreadable = DiagnosticCode("input.unreadable", .error,
        hint: "Check the file's permissions.")

    // MARK: json.*
    public static let jsonDepth = DiagnosticCode("json.depth", .error,
        hint: "This is not a recording; recordings are never nested this deep.")
    public static let jsonEmpty = DiagnosticCode("json.empty", .error,
        hint: "Export the capture again; the file has no JSON in it.")
    public static let jsonEncoding = DiagnosticCode("json.encoding", .error,
        hint: "Save the file as UTF-8 (without a byte order mark) and run again.")
    public static let jsonSyntax = DiagnosticCode("json.syntax", .error,
        hint: "Fix the JSON at this position, or export the capture again.")

    // MARK: lock.*
    public static let lockInvalid = DiagnosticCode("lock.invalid", .error,
        hint: "Delete waymark.lock and run `waymark build` again.")
    public static let lockMergeConflict = DiagnosticCode("lock.merge-conflict", .error,
        hint: "Build every shard from the same commit with the same --shard count, then merge again.")
    public static let lockMergeNoDashboardRow = DiagnosticCode("lock.merge-no-dashboard-row", .warning,
        hint: "Build that shard again with this version of waymark.")
    public static let lockMergeTemplates = DiagnosticCode("lock.merge-templates", .error,
        hint: "Build every shard with the same --templates folder.")
    public static let lockSyntax = DiagnosticCode("lock.syntax", .error,
        hint: "Delete waymark.lock and run `waymark build` again.")
    public static let lockUnreadable = DiagnosticCode("lock.unreadable", .error,
        hint: "Check the file's permissions.")
    public static let lockVersionNewer = DiagnosticCode("lock.version-newer", .error,
        hint: "Update Waymark, or delete waymark.lock and build again with this version.")

    // MARK: mime.* (the .mht inside a Steps Recorder archive)
    public static let mimeEncoding = DiagnosticCode("mime.encoding", .error,
        hint: "The archive is damaged; save the recording again.")
    public static let mimeHeader = DiagnosticCode("mime.header", .error,
        hint: "The archive is damaged; save the recording again.")
    public static let mimeLength = DiagnosticCode("mime.length", .warning,
        hint: "The archive may be damaged or edited; check the imported steps.")
    public static let mimeNoBoundary = DiagnosticCode("mime.no-boundary", .error,
        hint: "The archive is damaged; save the recording again.")
    public static let mimeNotMultipart = DiagnosticCode("mime.not-multipart", .error,
        hint: "Open the Steps Recorder .zip or .mht it saved, not another file.")
    public static let mimePartSize = DiagnosticCode("mime.part-size", .error,
        hint: "This is not a Steps Recorder screenshot or report.")
    public static let mimeTooManyParts = DiagnosticCode("mime.too-many-parts", .error,
        hint: "This is not a Steps Recorder archive.")
    public static let mimeTruncated = DiagnosticCode("mime.truncated", .warning,
        hint: "Copy the file again from where Steps Recorder saved it.")

    // MARK: narration.*
    public static let narrationImageMissing = DiagnosticCode("narration.image-missing", .warning,
        hint: "Keep screenshots at the paths the capture names, relative to the capture file.")
    public static let narrationImagePath = DiagnosticCode("narration.image-path", .warning,
        hint: "Keep screenshots inside the capture's folder.")
    public static let narrationPause = DiagnosticCode("narration.pause", .error,
        hint: "Use --pause 0.8 for a short breath between steps.")
    public static let narrationShotMissing = DiagnosticCode("narration.shot-missing", .error,
        hint: "Run waymark build (or narrate --video) so the screenshots are copied next to the narration.")
    public static let narrationShotlist = DiagnosticCode("narration.shotlist", .error,
        hint: "Run `waymark narrate` again; the shot list it wrote could not be read back.")
    public static let narrationToolFailed = DiagnosticCode("narration.tool-failed", .error,
        hint: "Run the same command by hand to see the full output; the text narration files are written either way.")
    public static let narrationToolMissing = DiagnosticCode("narration.tool-missing", .error,
        hint: "Install it (Debian: apt-get install espeak-ng ffmpeg); the text narration files are written either way.")
    public static let narrationWpm = DiagnosticCode("narration.wpm", .error,
        hint: "Use --wpm 150 for a calm instructional pace.")

    // MARK: option.*
    public static let optionShard = DiagnosticCode("option.shard", .error,
        hint: "Write it as I/N with 1 ≤ I ≤ N, for example --shard 2/4.")

    // MARK: output.*
    public static let outputEdited = DiagnosticCode("output.edited", .warning,
        hint: "Move the wording into the capture (a step's `instruction`) and build again, or run `waymark build --force` to overwrite the edit.")
    public static let outputWriteFailed = DiagnosticCode("output.write-failed", .error,
        hint: "Check that the output folder is writable and the disk is not full.")

    // MARK: package.* (LMS packages)
    public static let packageArchive = DiagnosticCode("package.archive", .error,
        hint: "Restore the package files under Templates/packages (or your --templates folder) and build again.")
    public static let packageJobAidPages = DiagnosticCode("package.job-aid-pages", .warning,
        hint: "Shorten the steps' notes or split the capture: a job aid is one page for up to 20 steps.")
    public static let packageMasteryScore = DiagnosticCode("package.mastery-score", .error,
        hint: "Write mastery_score as a whole percentage from 0 to 100, for example 80.")
    public static let packagePaper = DiagnosticCode("package.paper", .error,
        hint: "Use a4 or letter.")
    public static let packageUnknownKind = DiagnosticCode("package.unknown-kind", .error,
        hint: "Use scorm12, cmi5 or pdf.")

    // MARK: phrase.* (turning steps into sentences)
    public static let phraseCustomStep = DiagnosticCode("phrase.custom-step", .warning,
        hint: "Give the step an `instruction` in the capture with the sentence learners should read.")
    public static let phraseInstructionSelector = DiagnosticCode("phrase.instruction-selector", .warning,
        hint: "Write the instruction with the words the learner sees on screen, not selectors.")
    public static let phraseInstructionSensitive = DiagnosticCode("phrase.instruction-sensitive", .warning,
        hint: "Reword the step's instruction without the secret.")
    public static let phraseLabelFromSelector = DiagnosticCode("phrase.label-from-selector", .warning,
        hint: "Add a `label` with the words on screen to the step's target, or replay the capture to read them.")
    public static let phraseNoKey = DiagnosticCode("phrase.no-key", .warning,
        hint: "Set `key` on the step.")
    public static let phraseNoLabel = DiagnosticCode("phrase.no-label", .warning,
        hint: "Add a `label` with the words on screen to the step's target, or replay the capture to read them.")
    public static let phraseNoteSelector = DiagnosticCode("phrase.note-selector", .warning,
        hint: "Reword the note with the words the learner sees on screen, not selectors.")
    public static let phraseNoteSensitive = DiagnosticCode("phrase.note-sensitive", .warning,
        hint: "Reword the note without the secret.")

    // MARK: psr.* (Windows Steps Recorder)
    public static let psrMissedActions = DiagnosticCode("psr.missed-actions", .warning,
        hint: "Check the guide against the process, and add the missing steps to the converted capture.")
    public static let psrNoReport = DiagnosticCode("psr.no-report", .error,
        hint: "This .mht was not saved by Steps Recorder.")
    public static let psrNoScreenshots = DiagnosticCode("psr.no-screenshots", .note,
        hint: "Import the .zip or .mht that Steps Recorder saved to get the screenshots.")
    public static let psrNoSteps = DiagnosticCode("psr.no-steps", .warning,
        hint: "Record the steps again with Steps Recorder.")
    public static let psrNotARecording = DiagnosticCode("psr.not-a-recording", .error,
        hint: "Pass the .zip that Steps Recorder saved.")
    public static let psrNotAReport = DiagnosticCode("psr.not-a-report", .error,
        hint: "Pass the .zip that Steps Recorder saved.")
    public static let psrUnknownAction = DiagnosticCode("psr.unknown-action", .warning,
        hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.")

    // MARK: render.*
    public static let renderFailed = DiagnosticCode("render.failed", .error,
        hint: "Report this as a bug with the capture attached; the other captures are built.")

    // MARK: replay.* (waymark replay)
    public static let replayDashboard = DiagnosticCode("replay.dashboard", .warning,
        hint: "Build the guides into that folder first, or leave --dashboard out; the replay itself is not affected.")
    public static let replayFailOn = DiagnosticCode("replay.fail-on", .error,
        hint: "Use a comma-separated list of broken, drifted, needs-secret, screenshot-changed (or all, none).")
    public static let replayJobs = DiagnosticCode("replay.jobs", .error,
        hint: "Give --jobs a whole number from 1 to 32.")
    public static let replayMaxVariation = DiagnosticCode("replay.max-variation", .error,
        hint: "Give --max-variation a fraction from 0 to 1, for example 0.02.")
    public static let replayNoNavigate = DiagnosticCode("replay.no-navigate", .error,
        hint: "Record the capture again from the first page, or add a navigate step with the page's address.")
    public static let replayOrigin = DiagnosticCode("replay.origin", .error,
        hint: "Write an origin as http(s)://host[:port], for example --base-url http://127.0.0.1:8080 or --map https://app.example=http://127.0.0.1:8080.")
    public static let replaySecret = DiagnosticCode("replay.secret", .error,
        hint: "Write it as LABEL=ENVVAR (the step's label and the environment variable holding the value), and set the variable.")
    public static let replaySecretUnset = DiagnosticCode("replay.secret-unset", .warning,
        hint: "Set the environment variable for this run (a CI secret, for example); until then the steps that type into the field are reported as needs-secret.")
    public static let replaySkippedStep = DiagnosticCode("replay.skipped-step", .note,
        hint: "Nothing to do: notes and steps Waymark cannot perform are kept as recorded.")
    public static let replayUploadFile = DiagnosticCode("replay.upload-file", .warning,
        hint: "Put the file the step uploads (the last part of its recorded path) in the folder of the capture file; replay uploads only files from there.")
    public static let replayTimeout = DiagnosticCode("replay.timeout", .error,
        hint: "Give --timeout a number of seconds from 1 to 600.")
    public static let replayWebDriver = DiagnosticCode("replay.webdriver", .error,
        hint: "Give --webdriver the http:// address of a W3C WebDriver endpoint, for example http://grid.internal:4444.")
    // MARK: selenese.* (Selenium IDE 1–2 and Katalon Recorder HTML test cases and suites)
    public static let seleneseEmptySuite = DiagnosticCode("selenese.empty-suite", .error,
        hint: "Add test cases to the suite in the recorder, or pass the test case files themselves.")
    public static let seleneseNestedSuite = DiagnosticCode("selenese.nested-suite", .warning,
        hint: "Pass the inner suite itself; a suite's links are read one level deep.")
    public static let seleneseNotATest = DiagnosticCode("selenese.not-a-test", .error,
        hint: "Pass a test case or test suite saved by Selenium IDE 1–2 or Katalon Recorder (a table of commands).")
    public static let seleneseRow = DiagnosticCode("selenese.row", .warning,
        hint: "Each row of a test case holds command, target and value; fix the row or export the test again.")
    public static let seleneseSuiteLinkMissing = DiagnosticCode("selenese.suite-link-missing", .error,
        hint: "Put the linked test case beside the suite, or fix the link in the suite.")
    public static let seleneseSuiteLinkOutside = DiagnosticCode("selenese.suite-link-outside", .error,
        hint: "Keep a suite's test cases in its folder (or below it) and link them by relative path; nothing outside is read.")

    // MARK: selenium.* (Selenium IDE)
    public static let seleniumCommentedOut = DiagnosticCode("selenium.commented-out", .note,
        hint: "Nothing to do: commented-out commands are not part of the guide.")
    public static let seleniumEmptyCommand = DiagnosticCode("selenium.empty-command", .note,
        hint: "Nothing to do: empty commands are skipped.")
    public static let seleniumEmptyTest = DiagnosticCode("selenium.empty-test", .warning,
        hint: "Record the test again in Selenium IDE, or remove it from the project.")
    public static let seleniumFieldType = DiagnosticCode("selenium.field-type", .error,
        hint: "Fix the value in the file, or save the project again from Selenium IDE.")
    public static let seleniumMissingField = DiagnosticCode("selenium.missing-field", .error,
        hint: "Add the field, or save the project again from Selenium IDE.")
    public static let seleniumNoVersion = DiagnosticCode("selenium.no-version", .note,
        hint: "Nothing to do: the file is read as a version 1.0 project.")
    public static let seleniumNotAProject = DiagnosticCode("selenium.not-a-project", .error,
        hint: "Save the project again from Selenium IDE (File → Save project).")
    public static let seleniumPlaybackOnly = DiagnosticCode("selenium.playback-only", .note,
        hint: "Nothing to do: commands that only control playback are not part of the guide.")
    public static let seleniumRunCycle = DiagnosticCode("selenium.run-cycle", .warning,
        hint: "Break the cycle of 'run' commands in Selenium IDE.")
    public static let seleniumUnclosedBlock = DiagnosticCode("selenium.unclosed-block", .warning,
        hint: "Add the missing 'end' commands in Selenium IDE.")
    public static let seleniumUnknownCommand = DiagnosticCode("selenium.unknown-command", .warning,
        hint: "Add an \"instruction\" to the step in the converted capture to say what a person does here.")
    public static let seleniumUnknownTest = DiagnosticCode("selenium.unknown-test", .warning,
        hint: "Fix the test name in Selenium IDE.")
    public static let seleniumVersion = DiagnosticCode("selenium.version", .warning,
        hint: "Check the converted guide carefully.")

    // MARK: template.*
    public static let templateFolderMissing = DiagnosticCode("template.folder-missing", .error,
        hint: "Pass an existing folder to --templates or fix `templates` in waymark.yml.")
    public static let templateSyntax = DiagnosticCode("template.syntax", .error,
        hint: "Fix the template or remove it to use the built-in one.")
    public static let templateUnreadable = DiagnosticCode("template.unreadable", .error,
        hint: "Save the template as UTF-8.")
    public static let templateUnused = DiagnosticCode("template.unused", .note,
        hint: "Check the file name against the templates Waymark reads (docs/build.md).")

    // MARK: uivision.* (UI.Vision RPA macros)
    public static let uivisionFieldType = DiagnosticCode("uivision.field-type", .error,
        hint: "Fix the value in the file, or export the macro again from UI.Vision.")
    public static let uivisionMissingField = DiagnosticCode("uivision.missing-field", .warning,
        hint: "Add the field, or export the macro again from UI.Vision.")
    public static let uivisionNotAMacro = DiagnosticCode("uivision.not-a-macro", .error,
        hint: "Pass a macro exported from UI.Vision (a JSON object with \"Name\" and \"Commands\").")
    public static let uivisionVisualCommand = DiagnosticCode("uivision.visual-command", .warning,
        hint: "Add an \"instruction\" to the step in the converted capture naming what a person clicks or checks there.")

    // MARK: xml.*
    public static let xmlDoctype = DiagnosticCode("xml.doctype", .error,
        hint: "Remove the <!DOCTYPE …> declaration; Waymark never reads DTDs or entities.")
    public static let xmlEmpty = DiagnosticCode("xml.empty", .error,
        hint: "Export the capture again; the file has no XML in it.")
    public static let xmlSyntax = DiagnosticCode("xml.syntax", .error,
        hint: "Fix the XML at this position, or export the capture again.")
    public static let xmlTooManyAttributes = DiagnosticCode("xml.too-many-attributes", .error,
        hint: "This is not a recording; no capture element needs that many attributes.")
    public static let xmlUnexpectedText = DiagnosticCode("xml.unexpected-text", .warning,
        hint: "Move the text into an element, or remove it; it is ignored.")
    public static let xmlUnrepresentable = DiagnosticCode("xml.unrepresentable", .error,
        hint: "Export to JSON instead, or remove the control character.")

    // MARK: zip.* (Steps Recorder archives)
    public static let zipCompressionRatio = DiagnosticCode("zip.compression-ratio", .error,
        hint: "Do not open archives from unknown sources; ask for the recording again.")
    public static let zipDamaged = DiagnosticCode("zip.damaged", .error,
        hint: "Copy the archive again from where Steps Recorder saved it.")
    public static let zipNoMember = DiagnosticCode("zip.no-member", .error,
        hint: "Pass the .zip that Steps Recorder saved, or the .mht itself.")
    public static let zipSymlink = DiagnosticCode("zip.symlink", .error,
        hint: "Steps Recorder archives hold no links; ask for the recording again.")
    public static let zipTooLarge = DiagnosticCode("zip.too-large", .error,
        hint: "This looks like a zip bomb or not a capture; it is not unpacked.")
    public static let zipUnreadable = DiagnosticCode("zip.unreadable", .error,
        hint: "Check that the download finished; Steps Recorder saves a .zip holding one .mht file.")
    public static let zipUnsafePath = DiagnosticCode("zip.unsafe-path", .error,
        hint: "Do not open archives from unknown sources; ask for the recording again.")

    /// Every registered code.
    public static let all: [DiagnosticCode] = [
        browserBrowserMissing, browserCancelled, browserDriverError, browserDriverMissing, browserDriverStartFailed, browserDriverUnresponsive, browserElementAmbiguous, browserElementNotFound, browserElementNotInteractable, browserElementStale, browserInvalidOption, browserInvalidQuery, browserNavigationFailed, browserNoAlert, browserNoSuchFrame, browserNoSuchShadowRoot, browserNoSuchWindow, browserPageLoadTimeout, browserProtocolError, browserScriptError, browserSessionClosed, browserSessionFailed, browserTimeout, browserUnexpectedAlert, browserUnreachable, browserUnsupported,
        buildLocked,
        captureDate, captureDuplicateField, captureDuplicateId, captureId, captureMasteryScore, captureMissingField, captureNoSteps,
        captureNotACapture, captureOrigin, captureRect, captureRectOutside, captureRepeatedTitle, captureScreenshotMissing,
        captureScreenshotPath, captureStepIncomplete, captureType, captureUnknownAction, captureUnknownField,
        captureUnknownModifier, captureVersion, captureVersionUnsupported,
        checkDashboardUnwritable, checkFailOn, checkMaxAge, checkNoLock, checkStepSummary, checkToday,
        chromeCustomStep, chromeFieldType, chromeLoneStep, chromeMissingField, chromeMissingTitle, chromeNoSteps, chromeNotARecording, chromeUnknownStep,
        chromeUnpairedKeyUp,
        citationIncomplete, citeNoLock, citeSourceChanged, citeUnknownId,
        configDuplicateKey, configEncoding, configKey, configNotAMapping, configRedactPattern, configSecretName,
        configSyntax, configType, configUnknownKey, configUnreadable,
        htmlEmpty, htmlNulByte, htmlTooDeep, htmlTooLarge,
        imageEmpty, imageMissing, imageNotAFile, imageOutsideCaptureFolder, imageTooLarge, imageUnreadable,
        importEmbeddedScreenshotsDropped,
        inputBinary, inputEmpty, inputNoCaptures, inputNone, inputNotAFile, inputNotFound, inputSkipped,
        inputUnknownFormat, inputUnreadable,
        jsonDepth, jsonEmpty, jsonEncoding, jsonSyntax,
        lockInvalid, lockMergeConflict, lockMergeNoDashboardRow, lockMergeTemplates, lockSyntax, lockUnreadable,
        lockVersionNewer,
        mimeEncoding, mimeHeader, mimeLength, mimeNoBoundary, mimeNotMultipart, mimePartSize, mimeTooManyParts,
        mimeTruncated,
        narrationImageMissing, narrationImagePath, narrationPause, narrationShotMissing, narrationShotlist,
        narrationToolFailed, narrationToolMissing, narrationWpm,
        optionShard,
        outputEdited, outputWriteFailed,
        packageArchive, packageJobAidPages, packageMasteryScore, packagePaper, packageUnknownKind,
        phraseCustomStep, phraseInstructionSelector, phraseInstructionSensitive, phraseLabelFromSelector,
        phraseNoKey, phraseNoLabel, phraseNoteSelector, phraseNoteSensitive,
        psrMissedActions, psrNoReport, psrNoScreenshots, psrNoSteps, psrNotARecording, psrNotAReport,
        psrUnknownAction,
        renderFailed,
        replayDashboard, replayFailOn, replayJobs, replayMaxVariation, replayNoNavigate, replayOrigin, replaySecret, replaySecretUnset,
        replaySkippedStep, replayTimeout, replayUploadFile, replayWebDriver,
        seleneseEmptySuite, seleneseNestedSuite, seleneseNotATest, seleneseRow, seleneseSuiteLinkMissing,
        seleneseSuiteLinkOutside,
        seleniumCommentedOut, seleniumEmptyCommand, seleniumEmptyTest, seleniumFieldType, seleniumMissingField,
        seleniumNoVersion, seleniumNotAProject,
        seleniumPlaybackOnly, seleniumRunCycle, seleniumUnclosedBlock, seleniumUnknownCommand, seleniumUnknownTest,
        seleniumVersion,
        templateFolderMissing, templateSyntax, templateUnreadable, templateUnused,
        uivisionFieldType, uivisionMissingField, uivisionNotAMacro, uivisionVisualCommand,
        xmlDoctype, xmlEmpty, xmlSyntax, xmlTooManyAttributes, xmlUnexpectedText, xmlUnrepresentable,
        zipCompressionRatio, zipDamaged, zipNoMember, zipSymlink, zipTooLarge, zipUnreadable, zipUnsafePath,
    ]
}
