import Foundation
import WaymarkModel
internal import WaymarkXML

/// Reads Windows Steps Recorder (psr.exe) recordings: the `.zip` it saves, the `.mht` inside, or the bare XML
/// report cut out of the `.mht`.
///
/// The path is `.zip` → `.mht` (MIME multipart/related) → the `main.htm` part → the XML report inside
/// `<script id="myXML" type="text/xml">` → `Report/UserActionData/RecordSession/EachAction` → steps. The zip is
/// read defensively to memory (`ZipArchiveReader`), the `.mht` is indexed without copying and only the parts that
/// are needed are decoded (`MIMEMultipartReader`), and the XML goes through the one safe libxml2 adapter.
public struct StepsRecorderImporter: CaptureImporter {
    public init() {}

    public var format: CaptureFormat { .stepsRecorder }

    enum Kind { case zip, mime, xml }

    static func kind(of prefix: Data) -> Kind? {
        let bytes = [UInt8](prefix.prefix(4096))
        if bytes.count >= 30, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            // The first local header's file name, or any ".mht" in the first bytes (central names come later).
            let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
            let end = min(bytes.count, 30 + nameLength)
            let name = String(decoding: bytes[30..<end], as: UTF8.self).lowercased()
            if name.hasSuffix(".mht") || name.hasSuffix(".mhtml") { return .zip }
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            return text.contains(".mht") ? .zip : nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let lower = text.lowercased()
        // MIME: a multipart/related content type in the header block (MIME-Version is usual but not required).
        let headerBlock = lower.components(separatedBy: "\r\n\r\n").first.map { $0.components(separatedBy: "\n\n").first ?? $0 } ?? lower
        if headerBlock.contains("multipart/related"), headerBlock.contains("mime-version:") || headerBlock.contains("content-type:") {
            return .mime
        }
        // XML: the first element is <Report> and the report's sections follow.
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        rest = rest.drop { $0.isWhitespace }
        if rest.hasPrefix("<?xml"), let end = rest.range(of: "?>") { rest = rest[end.upperBound...].drop { $0.isWhitespace } }
        while rest.hasPrefix("<!--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...].drop { $0.isWhitespace } }
        if rest.hasPrefix("<Report>") || rest.hasPrefix("<Report "),
           rest.contains("<UserActionData") || rest.contains("<System") || bytes.count < 4096 {
            return .xml
        }
        return nil
    }

    public func recognizes(_ input: CaptureInput) -> Bool {
        Self.kind(of: input.prefix) != nil
    }

    public func importCaptures(from input: CaptureInput) -> ImportResult {
        switch Self.kind(of: input.prefix) {
        case .zip:
            let member = ZipArchiveReader().readMember(of: input) { name in
                let lower = name.lowercased()
                return lower.hasSuffix(".mht") || lower.hasSuffix(".mhtml")
            }
            switch member {
            case .failure(let error): return ImportResult(captures: [], diagnostics: error.diagnostics)
            case .success(let member): return importArchive(member.data, path: input.path, recordingName: member.name, inZip: true)
            }
        case .mime:
            return importArchive(input.data, path: input.path, recordingName: input.path)
        case .xml:
            var reader = StepsRecorderReportReader(path: input.path, recordingName: input.path, screenshot: { _ in nil })
            return reader.read(xml: input.data)
        case nil:
            return .failure(Diagnostic(
                .psrNotARecording, "The file is not a Steps Recorder .zip, .mht or XML report.",
                hint: "Pass the .zip that Steps Recorder saved.", at: SourceLocation(file: input.path)))
        }
    }

    /// Reads the `.mht`: finds the report page, cuts the XML report out of it and hands screenshots on request.
    func importArchive(_ data: Data, path: String, recordingName: String, inZip: Bool = false) -> ImportResult {
        let archive: MIMEMultipartReader
        do {
            archive = try MIMEMultipartReader(data: data, file: path)
        } catch {
            return ImportResult(captures: [], diagnostics: error.diagnostics)
        }
        var diagnostics = archive.diagnostics
        guard let page = archive.part(named: "main.htm") ?? archive.parts.first(where: { $0.contentType == "text/html" }) else {
            return ImportResult(captures: [], diagnostics: diagnostics + [Diagnostic(
                .psrNoReport, "The archive has no report page (main.htm).",
                hint: "This .mht was not saved by Steps Recorder.", at: SourceLocation(file: path))])
        }
        let html: Data
        switch archive.body(of: page, maxBytes: 64 * 1024 * 1024) {
        case .failure(let error): return ImportResult(captures: [], diagnostics: diagnostics + error.diagnostics)
        case .success(let d): html = d
        }
        guard let (xml, xmlStart) = Self.reportXML(in: html) else {
            return ImportResult(captures: [], diagnostics: diagnostics + [Diagnostic(
                .psrNoReport, "The report page holds no recorded steps (no <script id=\"myXML\"> block).",
                hint: "This .mht was not saved by Steps Recorder, or it was edited.", at: SourceLocation(file: path))])
        }
        // Line numbers of the report map onto the .mht only when the page was stored as plain text.
        var lineOffset: Int?
        if !inZip, ["7bit", "8bit", "binary"].contains(page.transferEncoding) {
            lineOffset = Self.newlines(in: data.prefix(page.bodyRange.lowerBound)) + Self.newlines(in: html.prefix(xmlStart))
        }
        var reader = StepsRecorderReportReader(path: path, recordingName: recordingName, lineOffset: lineOffset) { name in
            guard let part = archive.part(named: name) else { return nil }
            return try? archive.body(of: part, maxBytes: 64 * 1024 * 1024).get()
        }
        var result = reader.read(xml: xml)
        diagnostics.append(contentsOf: result.diagnostics)
        result.diagnostics = diagnostics
        return result
    }

    static func newlines(in data: Data) -> Int {
        data.withUnsafeBytes { raw in raw.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }

    /// The XML between `<script id="myXML" …>` and `</script>`, starting at its `<?xml` declaration, with the byte
    /// offset where it starts in the page.
    static func reportXML(in html: Data) -> (Data, Int)? {
        let open = Array("id=\"myXML\"".utf8)
        let close = Array("</script>".utf8)
        return html.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Data, Int)? in
            let b = raw.bindMemory(to: UInt8.self)
            guard let id = MIMEMultipartReader.find(open, in: b, from: 0),
                  let tagEnd = MIMEMultipartReader.find([UInt8(ascii: ">")], in: b, from: id),
                  let end = MIMEMultipartReader.find(close, in: b, from: tagEnd) else { return nil }
            var start = tagEnd + 1
            while start < end, b[start] == 0x20 || b[start] == 0x0A || b[start] == 0x0D || b[start] == 0x09 { start += 1 }
            var stop = end
            while stop > start, b[stop - 1] == 0x20 || b[stop - 1] == 0x0A || b[stop - 1] == 0x0D || b[stop - 1] == 0x09 { stop -= 1 }
            guard stop > start else { return nil }
            return (Data(UnsafeBufferPointer(rebasing: b[start..<stop])), start)
        }
    }
}
