import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport
import ZIPFoundation
import WaymarkSupport

/// Builders for Steps Recorder inputs: a tiny JPEG header, an XML report, a .mht around it, a zip around that.
enum StepsRecorderFixtures {
    /// The start of a JPEG with a baseline frame header of the given size (enough for the size reader).
    static func jpeg(width: Int, height: Int) -> Data {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        bytes += [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x03,
                  0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        bytes += [0xFF, 0xD9]
        return Data(bytes)
    }

    static let report = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Report>
      <System MajorVersion="10" MinorVersion="0" BuildNumber="19045" />
      <UserActionData>
        <RecordSession SessionCount="1" StartTime="9:05:00 AM" StopTime="9:07:00 AM" ActionCount="5" MissedActionCount="1">
          <EachAction ActionNumber="1" Time="9:05:10 AM" FileDescription="Microsoft Outlook" FileName="OUTLOOK.EXE">
            <Description>User left click on "Send (button)" in "Inbox - Outlook"</Description>
            <Action>Mouse Left Click</Action>
            <CursorCoordsXY>-1500,300</CursorCoordsXY>
            <ScreenCoordsXYWH>-1920,0,3840,1080</ScreenCoordsXYWH>
            <HighlightXYWH>-1600,280,200,40</HighlightXYWH>
            <UIAStack>
              <Level BoundingRectangle="-1600,280,200,40" ClassName="Button" ControlType="50000" Name="Send" LocalizedControlType="button" />
              <Level BoundingRectangle="-1920,0,1920,1080" ClassName="rctrl_renwnd32" ControlType="50032" Name="Inbox - Outlook" LocalizedControlType="window" />
            </UIAStack>
            <ScreenshotFileName>screenshot0001.JPEG</ScreenshotFileName>
          </EachAction>
          <EachAction ActionNumber="2" Time="9:05:20 AM" FileDescription="Microsoft Outlook">
            <Description>User keyboard input on "Subject (edit)" in "Untitled - Message" [Ctrl+S]</Description>
            <Action>Keyboard Input</Action>
            <ScreenCoordsXYWH>-1920,0,3840,1080</ScreenCoordsXYWH>
            <UIAStack>
              <Level BoundingRectangle="-1800,200,600,30" Name="Subject" LocalizedControlType="edit" />
            </UIAStack>
            <ScreenshotFileName>screenshot0002.JPEG</ScreenshotFileName>
          </EachAction>
          <UserComment Time="9:05:30 AM">Check the attachment before sending.</UserComment>
          <EachAction ActionNumber="3" Time="9:05:40 AM" FileDescription="Microsoft Outlook">
            <Description>User right click on "Inbox (tree item)" in "Inbox - Outlook"</Description>
            <Action>Mouse Right Click</Action>
            <CursorCoordsXY>-1880,400</CursorCoordsXY>
            <ScreenCoordsXYWH>-1920,0,3840,1080</ScreenCoordsXYWH>
            <UIAStack />
          </EachAction>
          <EachAction ActionNumber="4" Time="9:05:50 AM" FileDescription="Notepad">
            <Description>User keyboard input in "Notes - Notepad" [... Enter ...]</Description>
            <Action>Keyboard Input</Action>
          </EachAction>
          <EachAction ActionNumber="5" Time="9:06:00 AM" FileDescription="Microsoft Outlook">
            <Description>User pinch zoom in "Inbox - Outlook"</Description>
            <Action>Touch Pinch</Action>
          </EachAction>
        </RecordSession>
      </UserActionData>
    </Report>
    """

    /// A .mht like Steps Recorder writes: main.htm (quoted-printable here, to exercise that decoder) and
    /// base64 screenshots, with CRLF line ends.
    static func mht(report: String = report, screenshots: [String: Data]? = nil, closing: Bool = true, extraPartHeader: String = "") -> Data {
        let shots = screenshots ?? [
            "screenshot0001.JPEG": jpeg(width: 1920, height: 540),
            "screenshot0002.JPEG": jpeg(width: 1920, height: 540),
        ]
        let page = "<html><body>\n<xml id=3D\"recordeddata\">\n<script id=3D\"myXML\" type=3D\"text/xml\">\n"
            + report.replacingOccurrences(of: "=", with: "=3D") + "\n</script></xml></body></html>"
        var text = "From:\r\nSubject:\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\";\r\n  boundary=\"=_BOUNDARY_1\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n"
        text += "--=_BOUNDARY_1\r\nContent-Type: text/html; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: main.htm\r\n\(extraPartHeader)\r\n"
        text += page.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n"
        for (name, data) in shots.sorted(by: { $0.key < $1.key }) {
            text += "--=_BOUNDARY_1\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-Location: \(name)\r\n\r\n"
            text += data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n\r\n"
        }
        if closing { text += "--=_BOUNDARY_1--\r\n" }
        return Data(text.utf8)
    }

    /// An in-memory zip holding `entries` (name → bytes), deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}

@Suite("Steps Recorder importer")
struct StepsRecorderImporterTests {
    func importData(_ data: Data, path: String) -> ImportResult {
        StepsRecorderImporter().importCaptures(from: CaptureInput(path: path, data: data))
    }

    @Test("A .mht with quoted-printable report and base64 screenshots imports (golden dump)")
    func mhtGolden() throws {
        let result = importData(StepsRecorderFixtures.mht(), path: "psr/Recording_20250102_0905.mht")
        Snapshot.assert(ForeignImportSupport.dump(result), named: "outlook-mht.txt", group: "steps-recorder")
        #expect(!result.hasErrors)
        #expect(ForeignImportSupport.selectorLabels(result).isEmpty)
    }

    @Test("Targets, keys, comments, missed actions and unknown actions")
    func details() throws {
        let result = importData(StepsRecorderFixtures.mht(), path: "psr/Recording_20250102_0905.mht")
        let capture = try #require(result.captures.first)
        #expect(capture.title == "Microsoft Outlook recording 2025-01-02")
        #expect(capture.id == "recording-20250102-0905")
        #expect(capture.application == "Microsoft Outlook")
        #expect(capture.recordedAt == "2025-01-02T09:05:00")
        let s = capture.steps
        #expect(s.map(\.action) == [.click, .press, .note, .rightClick, .type, .custom])
        #expect(s[0].target?.label == "Send" && s[0].target?.role == "button" && s[0].target?.context == "Inbox - Outlook")
        #expect(s[0].id == "1" && s[0].time == "9:05:10 AM")
        #expect(s[1].key == "S" && s[1].modifiers == [.ctrl] && s[1].target?.role == "text field")
        #expect(s[2].note == "Check the attachment before sending.")
        #expect(s[3].target?.label == "Inbox" && s[3].target?.role == "tree item")
        #expect(s[4].note == "Steps Recorder does not record the text typed. Keys pressed: Enter.")
        #expect(s[4].target?.context == "Notes - Notepad")
        #expect(s[5].customType == "Touch Pinch")
        #expect(result.diagnostics.map(\.code) == ["psr.missed-actions", "psr.unknown-action"])
    }

    @Test("Highlights map from screen to image pixels across monitors and scaling")
    func highlightMapping() throws {
        let result = importData(StepsRecorderFixtures.mht(), path: "r.mht")
        let s = try #require(result.captures.first).steps
        // Screen area x −1920…1920 (3840 wide), 1080 high, shown in a 1920×540 image: scale ½ both ways.
        // HighlightXYWH −1600,280,200,40 → ((−1600+1920)/2, 280/2, 100, 20).
        let first = try #require(s[0].screenshot)
        #expect(first.path == "images/screenshot0001.jpeg")
        #expect(first.width == 1920 && first.height == 540)
        #expect(first.highlight == Rect(x: 160, y: 140, width: 100, height: 20))
        // No HighlightXYWH: the element's bounds −1800,200,600,30 → (60, 100, 300, 15).
        #expect(s[1].screenshot?.highlight == Rect(x: 60, y: 100, width: 300, height: 15))
        // A screenshot named but absent from the archive: no screenshot.
        #expect(s[3].screenshot == nil)
        #expect(StepsRecorderReportReader.map(Rect(x: -5000, y: 0, width: 10, height: 10), screen: Rect(x: 0, y: 0, width: 100, height: 100),
                                              imageWidth: 100, imageHeight: 100) == nil)
    }

    @Test("The same report through .zip, .mht and bare XML gives the same steps")
    func threeContainers() throws {
        let mht = StepsRecorderFixtures.mht()
        let zip = try StepsRecorderFixtures.zip([("Recording_20250102_0905.mht", mht)])
        let fromZip = importData(zip, path: "r.zip")
        let fromMHT = importData(mht, path: "psr/Recording_20250102_0905.mht")
        let fromXML = importData(Data(StepsRecorderFixtures.report.utf8), path: "psr/Recording_20250102_0905.xml")
        #expect(fromZip.captures.first?.steps == fromMHT.captures.first?.steps)
        #expect(fromXML.captures.first?.steps.map(\.action) == fromMHT.captures.first?.steps.map(\.action))
        #expect(fromXML.captures.first?.steps.allSatisfy { $0.screenshot == nil } == true)
        #expect(fromXML.diagnostics.contains { $0.code == "psr.no-screenshots" })
        for (data, format) in [(zip, "zip"), (mht, "mht"), (Data(StepsRecorderFixtures.report.utf8), "xml")] {
            #expect(StepsRecorderImporter().recognizes(CaptureInput(path: "x", data: data)), "\(format)")
        }
        #expect(!StepsRecorderImporter().recognizes(ForeignImportSupport.input("<capture version=\"1\"/>")))
        #expect(!StepsRecorderImporter().recognizes(ForeignImportSupport.input(#"{"title":"x"}"#)))
    }

    @Test("JPEG sizes come from the frame header; non-JPEGs have none")
    func jpegSize() {
        #expect(ImageSize.read(StepsRecorderFixtures.jpeg(width: 2560, height: 1440))! == (2560, 1440))
        #expect(ImageSize.read(Data("GIF89a".utf8)) == nil)
        #expect(ImageSize.read(Data([0xFF, 0xD8, 0xFF, 0xC0, 0x00])) == nil)
        #expect(ImageSize.read(Data()) == nil)
    }
}

@Suite("MIME multipart reader")
struct MIMEMultipartReaderTests {
    @Test("Parts are indexed with headers; bodies decode on request")
    func parts() throws {
        let reader = try MIMEMultipartReader(data: StepsRecorderFixtures.mht(), file: "r.mht")
        #expect(reader.parts.map { $0.contentLocation ?? "" } == ["main.htm", "screenshot0001.JPEG", "screenshot0002.JPEG"])
        #expect(reader.diagnostics.isEmpty)
        let page = try reader.body(of: try #require(reader.part(named: "MAIN.HTM"))).get()
        #expect(String(decoding: page, as: UTF8.self).contains("<script id=\"myXML\" type=\"text/xml\">"))
        let shot = try reader.body(of: try #require(reader.part(named: "screenshot0002.JPEG"))).get()
        #expect(shot == StepsRecorderFixtures.jpeg(width: 1920, height: 540))
    }

    @Test("Quoted-printable and base64 decoders")
    func decoders() {
        #expect(MIMEMultipartReader.decodeQuotedPrintable(Data("a=3Db=\r\nc=E2=82=AC=ZZ".utf8)) == Data("a=bc€=ZZ".utf8))
        #expect(MIMEMultipartReader.decodeBase64(Data("aGVs\r\nbG8=".utf8)) == Data("hello".utf8))
        #expect(MIMEMultipartReader.decodeBase64(Data("aGV*bG8=".utf8)) == nil)
        // Every length (padding cases), wrapped at 76 columns with CRLF as psr.exe writes it.
        var generator = SplitMix64(seed: 7)
        for length in 0..<300 {
            let bytes = Data((0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
            let wrapped = bytes.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            #expect(MIMEMultipartReader.decodeBase64(Data(wrapped.utf8)) == bytes, "length \(length)")
        }
    }

    @Test("A missing closing boundary is a warning and the last part is still read")
    func truncated() throws {
        let reader = try MIMEMultipartReader(data: StepsRecorderFixtures.mht(closing: false), file: "r.mht")
        #expect(reader.parts.count == 3)
        #expect(reader.diagnostics.map(\.code) == ["mime.truncated"])
    }

    @Test("A header claiming 2 GB is reported, never trusted")
    func hugeLengthClaim() throws {
        let data = StepsRecorderFixtures.mht(extraPartHeader: "Content-Length: 2147483648\r\n")
        let reader = try MIMEMultipartReader(data: data, file: "r.mht")
        #expect(reader.diagnostics.map(\.code) == ["mime.length"])
        let result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "r.mht", data: data))
        #expect(result.captures.first?.steps.count == 6)
    }

    @Test("Garbage, headers without multipart type, missing boundary and endless headers are errors")
    func garbage() {
        func code(_ text: String) -> String? {
            do { _ = try MIMEMultipartReader(data: Data(text.utf8), file: "g.mht"); return nil } catch { return error.diagnostics.first?.code }
        }
        #expect(code("MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello") == "mime.not-multipart")
        #expect(code("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nhello") == "mime.no-boundary")
        #expect(code("MIME-Version: 1.0\r\nX: " + String(repeating: "a", count: 70_000)) == "mime.header")
        #expect(code("") == "mime.not-multipart")
        let result = StepsRecorderImporter().importCaptures(from: ForeignImportSupport.input(
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Location: x.htm\r\n\r\nno report\r\n--b--\r\n", path: "g.mht"))
        #expect(result.diagnostics.map(\.code) == ["psr.no-report"])
        #expect(result.hasErrors)
    }
}

@Suite("Steps Recorder: large archives")
struct StepsRecorderLargeArchiveTests {
    @Test("A 100 MB .mht is indexed without decoding parts nobody asked for")
    func largeArchive() throws {
        // Forty 2.5 MB base64 screenshots that the report does not name, plus the two it does.
        var shots: [String: Data] = [:]
        shots["screenshot0001.JPEG"] = StepsRecorderFixtures.jpeg(width: 1920, height: 540)
        shots["screenshot0002.JPEG"] = StepsRecorderFixtures.jpeg(width: 1920, height: 540)
        let filler = Data(repeating: 0xAB, count: 1_900_000)
        for i in 0..<40 { shots[String(format: "unused%02d.JPEG", i)] = filler }
        let data = StepsRecorderFixtures.mht(screenshots: shots)
        #expect(data.count > 100_000_000)
        let clock = ContinuousClock()
        var result = ImportResult()
        let elapsed = clock.measure {
            result = StepsRecorderImporter().importCaptures(from: CaptureInput(path: "big.mht", data: data))
        }
        #expect(result.captures.first?.steps.count == 6)
        #expect(result.captures.first?.steps.first?.screenshot?.width == 1920)
        #expect(elapsed < .seconds(15), "indexing must stay linear and copy-free")
    }
}
