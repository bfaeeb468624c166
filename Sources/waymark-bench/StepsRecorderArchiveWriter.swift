import Foundation
import WaymarkEscaping

/// Writes a synthetic Windows Steps Recorder `.mht` of a chosen size, the way psr.exe lays it out: a MIME
/// multipart/related message whose `main.htm` part holds the XML report in `<script id="myXML" type="text/xml">`,
/// a stylesheet part, and one base64 JPEG part per recorded action (`screenshot0001.JPEG` …), CRLF line ends.
///
/// Everything is streamed through a `BufferedFileWriter`: only one screenshot is in memory at a time, so a 1 GB
/// archive costs no more memory than a 1 MB one.
struct StepsRecorderArchiveWriter {
    var targetBytes: Int
    var actions: Int
    var seed: UInt64
    var imageWidth = 1280
    var imageHeight = 720

    static let boundary = "=_NextPart_SMP_1da80440b4024d3_57a9be01_00000004"

    /// About 200 KB of base64 per screenshot, like a real full-HD Steps Recorder capture.
    static func defaultActions(forBytes bytes: Int) -> Int { max(1, min(9_999, bytes / 200_000)) }

    func write(to path: String) throws -> Int {
        let out = try BufferedFileWriter(path: path)
        let crlf = "\r\n"
        func line(_ text: String = "") throws { try out.write(text + crlf) }

        try line("From: <Saved by Windows Steps Recorder>")
        try line("Subject: Recorded Steps")
        try line("Date: Wed, 27 Mar 2024 20:41:00 +0100")
        try line("MIME-Version: 1.0")
        try line("Content-Type: multipart/related; type=\"text/html\";")
        try line("  boundary=\"\(Self.boundary)\"")
        try line("This is a multi-part message in MIME format.")
        try line()
        try line()
        try line("--\(Self.boundary)")
        try line("Content-Type: text/html; charset=\"UTF-8\"")
        try line("Content-Location: main.htm")
        try line()
        try out.write(mainPage().replacingOccurrences(of: "\n", with: crlf))
        try line()
        try line("--\(Self.boundary)")
        try line("Content-Type: text/css; charset=\"UTF-8\"")
        try line("Content-Location: main.css")
        try line()
        try line("body { font-family: Segoe UI, sans-serif; }")
        try line(".screenshot { width: 100%; }")
        try line()

        // Size each screenshot so the whole file lands near the target.
        try out.flush()
        let written = out.bytesWritten + 64
        let perPart = max(2_000, (targetBytes - written) / max(1, actions))
        let jpegBytes = max(1_000, perPart * 76 / 78 * 3 / 4 - 200)
        for number in 1...max(1, actions) {
            let jpeg = SyntheticImages.jpeg(width: imageWidth, height: imageHeight, minimumBytes: jpegBytes,
                                            label: "action \(number) of seed \(seed)")
            try line("--\(Self.boundary)")
            try line("Content-Type: image/jpeg")
            try line("Content-Transfer-Encoding: base64")
            try line("Content-Location: \(Self.screenshotName(number))")
            try line()
            try out.write(Data(jpeg).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))
            try line()
            try line()
        }
        try line("--\(Self.boundary)--")
        try out.close()
        return out.bytesWritten
    }

    static func screenshotName(_ number: Int) -> String { "screenshot\(number.leftPadded(4)).JPEG" }

    private func mainPage() -> String {
        var rng = SeededGenerator(seed: seed)
        let app = rng.pick(BusinessVocabulary.applications)
        let window = "\(app.name) - \(rng.pick(BusinessVocabulary.pages))"
        var xml = """
            <!DOCTYPE html>
            <html>
            <head>
            <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
            <link rel="stylesheet" type="text/css" href="main.css">
            <title id="m1">Recorded Steps</title>
            </head>
            <body>
            <!-- This is the recorded XML data that was used in generating this page. -->
            <xml id="recordeddata">
            <script id="myXML" type="text/xml">
            <?xml version="1.0" encoding="UTF-8"?>
            <Report>
              <System MajorVersion="10" MinorVersion="0" ServicePackMajor="0" ServicePackMinor="0" BuildNumber="22631" Sku="4" Platform="2" />
              <UserActionData>
                <RecordSession SessionCount="1" StartTime="8:41:04 PM" StopTime="9:12:30 PM" ActionCount="\(actions)" MissedActionCount="0">

            """
        for number in 1...max(1, actions) {
            let minute = 41 + number / 60
            let time = "\(8 + minute / 60):\((minute % 60).leftPadded(2)):\((number % 60).leftPadded(2)) PM"
            let attributes = "ActionNumber=\"\(number)\" Time=\"\(time)\" Pid=\"9584\" FileVersion=\"10.4.2\" FileDescription=\"\(XMLEscaping.attribute(app.name))\" FileCompany=\"Contoso Ltd\" FileName=\"\(XMLEscaping.attribute(app.name.slugPath)).exe\""
            xml += "      <EachAction \(attributes)>\n"
            if number % 5 == 0 {
                let key = rng.pick(["Enter", "Tab", "Ctrl+S", "F5"])
                xml += "        <Description>\(XMLEscaping.text("User keyboard input on \"\(window) (pane)\" in \"\(window)\" [... \(key) ...]"))</Description>\n"
                xml += "        <Action>Keyboard Input</Action>\n"
                xml += "        <CursorCoordsXY>0,0</CursorCoordsXY>\n"
            } else {
                let label = rng.pick(BusinessVocabulary.buttons)
                xml += "        <Description>\(XMLEscaping.text("User left click on \"\(label) (button)\" in \"\(window)\""))</Description>\n"
                xml += "        <Action>Mouse Left Click</Action>\n"
                let x = rng.int(200...2300), y = rng.int(150...1300)
                xml += "        <CursorCoordsXY>\(x),\(y)</CursorCoordsXY>\n"
                xml += "        <ScreenCoordsXYWH>0,0,2560,1440</ScreenCoordsXYWH>\n"
                xml += "        <UIAStack>\n"
                xml += "          <Level BoundingRectangle=\"\(x - 40),\(y - 14),96,32\" ControlType=\"50000\" FrameworkId=\"Win32\" Name=\"\(XMLEscaping.attribute(label))\" LocalizedControlType=\"button\" />\n"
                xml += "          <Level BoundingRectangle=\"-8,-8,2576,1456\" ControlType=\"50032\" FrameworkId=\"Win32\" Name=\"\(XMLEscaping.attribute(window))\" LocalizedControlType=\"window\" />\n"
                xml += "        </UIAStack>\n"
                xml += "        <ScreenshotFileName>\(Self.screenshotName(number))</ScreenshotFileName>\n"
                xml += "      </EachAction>\n"
                continue
            }
            xml += "        <ScreenCoordsXYWH>0,0,2560,1440</ScreenCoordsXYWH>\n"
            xml += "        <UIAStack />\n"
            xml += "        <ScreenshotFileName>\(Self.screenshotName(number))</ScreenshotFileName>\n"
            xml += "      </EachAction>\n"
        }
        xml += """
                </RecordSession>
              </UserActionData>
            </Report>
            </script>
            </xml>
            <div id="ReportTop"><h1 id="m2">Recorded Steps</h1><p>Synthetic recording made by waymark-bench for benchmarks.</p></div>
            </body>
            </html>

            """
        return xml
    }
}
