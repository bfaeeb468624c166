import Foundation
import WaymarkModel
internal import CLibXML2

/// Parses XML — and HTML, for Selenese test cases — into an `XMLElement` tree with libxml2, safely.
///
/// This is the only file in Waymark that touches libxml2. Documents are parsed with network access off, no entity
/// substitution, no DTD loading or validation, no XInclude and libxml2's default size and depth limits. A document
/// that declares a DOCTYPE is refused as soon as the parser reaches it, before any internal or external subset is
/// processed, so entity expansion attacks (XXE, billion laughs) never run and nothing is read from disk or network.
public enum XMLDocumentParser {

    /// Parses `data` and returns the root element, or the first error with its line and column.
    public static func parse(_ data: Data, file: String? = nil) -> Result<XMLElement, DiagnosticError> {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(DiagnosticError(Diagnostic(
                .xmlEmpty, "The XML document is empty.",
                hint: "Export the capture again; the file has no content.",
                at: SourceLocation(file: file, line: 1, column: 1))))
        }
        guard data.count < Int(Int32.max) else {
            return .failure(DiagnosticError(Diagnostic(
                .xmlSyntax, "The XML document is larger than 2 GB.",
                hint: "Split the capture into smaller files.", at: SourceLocation(file: file))))
        }
        return data.withUnsafeBytes { raw -> Result<XMLElement, DiagnosticError> in
            if let line = firstTagWithTooManyAttributes(raw) {
                return .failure(DiagnosticError(Diagnostic(
                    .xmlTooManyAttributes, "An element has more than \(maxAttributesPerElement) attributes.",
                    hint: "Captures never need this many attributes; check that the file is really a capture.",
                    at: SourceLocation(file: file, line: line))))
            }
            return parseBytes(raw, file: file)
        }
    }

    /// Most attributes one element may carry. libxml2 2.9 checks attribute names for duplicates pairwise, so
    /// 100,000 attributes on one element take minutes; real captures use fewer than ten.
    public static let maxAttributesPerElement = 1_000

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: some Sequence<UInt8>) -> Bool {
        var position = index
        for byte in prefix {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: String) -> Bool {
        starts(bytes, at: index, with: prefix.utf8)
    }

    /// The line of the first start tag with more than `maxAttributesPerElement` attributes, found by a linear scan
    /// (each `=` outside quotes inside `<name …>` counts; comments, CDATA sections and processing instructions are
    /// skipped whole).
    static func firstTagWithTooManyAttributes(_ raw: UnsafeRawBufferPointer) -> Int? {
        let bytes = raw.bindMemory(to: UInt8.self)
        var line = 1, tagLine = 1
        var inTag = false, quote: UInt8 = 0
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if inTag {
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "=") {
                    count += 1
                    if count > maxAttributesPerElement { return tagLine }
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                }
            } else if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                // Comments, CDATA sections and processing instructions: skip to their end (their text may hold
                // anything, tags included).
                let terminator: [UInt8]? = starts(bytes, at: index, with: "<!--") ? Array("-->".utf8)
                    : starts(bytes, at: index, with: "<![CDATA[") ? Array("]]>".utf8)
                    : next == UInt8(ascii: "?") ? Array("?>".utf8) : nil
                if let terminator {
                    var end = index + 2
                    while end < bytes.count, !starts(bytes, at: end, with: terminator) {
                        if bytes[end] == 0x0A { line += 1 }
                        end += 1
                    }
                    index = end + terminator.count
                    continue
                }
                if (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || next == UInt8(ascii: "_") || next >= 0x80 {
                    inTag = true
                    count = 0
                    tagLine = line
                }
            }
            index += 1
        }
        return nil
    }

    /// libxml2 version string, for `waymark --version` style reports.
    public static var libraryVersion: String {
        String(cString: waymark_xml_parser_version())
    }

    // MARK: - libxml2

    /// Collected while libxml2 runs; reached through `ctxt->_private`.
    private final class ParseState {
        var firstError: (message: String, line: Int, column: Int)?
        var doctypeLine: Int?
    }

    private static let options: Int32 = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_BIG_LINES.rawValue)

    private static func parseBytes(_ raw: UnsafeRawBufferPointer, file: String?) -> Result<XMLElement, DiagnosticError> {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
              let ctxt = xmlCreateMemoryParserCtxt(base, Int32(raw.count)) else {
            return .failure(DiagnosticError(Diagnostic(
                .xmlSyntax, "The XML parser could not start.", hint: "Check that the file is readable XML.",
                at: SourceLocation(file: file))))
        }
        defer { xmlFreeParserCtxt(ctxt) }

        let state = ParseState()
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }

        _ = xmlCtxtUseOptions(ctxt, options)
        ctxt.pointee._private = unmanaged.toOpaque()
        // Errors arrive through the structured handler of this parser context only (no global state).
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let privateData = ctxt.pointee._private else { return }
            let state = Unmanaged<ParseState>.fromOpaque(privateData).takeUnretainedValue()
            guard state.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML syntax error"
            state.firstError = (
                message.trimming(.whitespacesAndNewlines), Int(error.pointee.line),
                Int(error.pointee.int2))
        }
        // Refuse any DOCTYPE the moment it is seen, before its subsets are read.
        ctxt.pointee.sax.pointee.internalSubset = { userData, _, _, _ in
            guard let userData else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            if let privateData = ctxt.pointee._private {
                let state = Unmanaged<ParseState>.fromOpaque(privateData).takeUnretainedValue()
                state.doctypeLine = Int(xmlSAX2GetLineNumber(userData))
            }
            xmlStopParser(ctxt)
        }

        _ = xmlParseDocument(ctxt)
        let doc = ctxt.pointee.myDoc
        defer { if let doc { xmlFreeDoc(doc) } }

        if let line = state.doctypeLine {
            return .failure(DiagnosticError(Diagnostic(
                .xmlDoctype, "The document declares a DOCTYPE; Waymark does not read DTDs or entities.",
                hint: "Remove the <!DOCTYPE …> declaration and any entity references; captures need neither.",
                at: SourceLocation(file: file, line: max(1, line)))))
        }
        if ctxt.pointee.wellFormed == 0 || doc == nil {
            let first = state.firstError
            return .failure(DiagnosticError(Diagnostic(
                .xmlSyntax, "Malformed XML: \(first?.message ?? "the document is not well-formed").",
                hint: "Fix the XML at this position, or export the capture again.",
                at: SourceLocation(file: file, line: first.map { max(1, $0.line) }, column: first.flatMap { $0.column > 0 ? $0.column : nil }))))
        }
        guard let doc, let root = xmlDocGetRootElement(doc) else {
            return .failure(DiagnosticError(Diagnostic(
                .xmlEmpty, "The XML document has no root element.", hint: "Export the capture again.",
                at: SourceLocation(file: file, line: 1))))
        }
        return .success(convert(root))
    }

    // MARK: - HTML

    /// Largest HTML file read: recorded test cases and suites are a few kilobytes, and a tree of Swift values for a
    /// much larger table would cost hundreds of megabytes.
    public static let maxHTMLBytes = 8 << 20

    /// Deepest element nesting read from HTML. libxml2's HTML parser does not limit depth the way its XML parser
    /// does, and real test cases nest fewer than ten elements deep.
    public static let maxHTMLDepth = 256

    private static let htmlOptions: Int32 = Int32(
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)

    /// Parses an HTML page (Selenium IDE 1–2 / Katalon Recorder test cases and suites) with libxml2's HTML parser
    /// and returns the `html` element (or whatever the root is).
    ///
    /// HTML is not XML: a DOCTYPE is normal there and the HTML parser never reads DTDs, declares no entities beyond
    /// HTML's own named characters (`&amp;`, `&nbsp;` …, decoded), and never opens the network (`HTML_PARSE_NONET`).
    /// Its error recovery is the browser's, so malformed markup is read as a browser would, not refused. Inputs
    /// that are not web pages are refused before parsing: NUL bytes (`html.nul-byte`), more than `maxHTMLBytes`
    /// (`html.too-large`) and more than `maxAttributesPerElement` attributes on a tag; markup nested deeper than
    /// `maxHTMLDepth` is refused after parsing (`html.too-deep`).
    public static func parseHTML(_ data: Data, file: String? = nil) -> Result<XMLElement, DiagnosticError> {
        guard data.count <= maxHTMLBytes else {
            return .failure(DiagnosticError(Diagnostic(
                .htmlTooLarge, "The HTML file is \(data.count / (1 << 20)) MiB; test cases larger than \(maxHTMLBytes >> 20) MiB are not read.",
                at: SourceLocation(file: file))))
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .failure(DiagnosticError(Diagnostic(
                .htmlNulByte, "The HTML file holds a NUL byte; it is not a saved web page.",
                at: SourceLocation(file: file, line: line))))
        }
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        return data.withUnsafeBytes { raw -> Result<XMLElement, DiagnosticError> in
            if let line = firstTagWithTooManyAttributes(raw) {
                return .failure(DiagnosticError(Diagnostic(
                    .xmlTooManyAttributes, "An element has more than \(maxAttributesPerElement) attributes.",
                    hint: "Test cases never need this many attributes; check that the file is really a test case.",
                    at: SourceLocation(file: file, line: line))))
            }
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let ctxt = htmlCreateMemoryParserCtxt(base, Int32(raw.count)) else {
                return .failure(DiagnosticError(Diagnostic(
                    .htmlEmpty, "The file holds no HTML.", at: SourceLocation(file: file, line: 1))))
            }
            defer { htmlFreeParserCtxt(ctxt) }
            _ = htmlCtxtUseOptions(ctxt, htmlOptions)
            ctxt.pointee.linenumbers = 1
            // Recorders save UTF-8; without this libxml2 would guess Latin-1 for a page without a charset (a
            // `<meta charset>` naming another encoding still wins, as in a browser).
            if !isUTF16 { _ = xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8) }
            _ = htmlParseDocument(ctxt)
            guard let doc = ctxt.pointee.myDoc else {
                return .failure(DiagnosticError(Diagnostic(
                    .htmlEmpty, "The file holds no HTML.", at: SourceLocation(file: file, line: 1))))
            }
            defer { xmlFreeDoc(doc) }
            guard let root = xmlDocGetRootElement(doc) else {
                return .failure(DiagnosticError(Diagnostic(
                    .htmlEmpty, "The file holds no HTML elements.", at: SourceLocation(file: file, line: 1))))
            }
            var deepest: Int?
            let tree = convert(root, depth: 1, limit: maxHTMLDepth, tooDeepAt: &deepest)
            if let line = deepest {
                return .failure(DiagnosticError(Diagnostic(
                    .htmlTooDeep, "The HTML nests elements more than \(maxHTMLDepth) deep.",
                    at: SourceLocation(file: file, line: line > 0 ? line : nil))))
            }
            return .success(tree)
        }
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        var unused: Int?
        // libxml2's XML parser already stops at depth 256 without XML_PARSE_HUGE.
        return convert(node, depth: 1, limit: Int.max, tooDeepAt: &unused)
    }

    /// The element tree under `node`; below `limit` levels nothing more is converted and `tooDeepAt` gets the line.
    private static func convert(_ node: xmlNodePtr, depth: Int, limit: Int, tooDeepAt: inout Int?) -> XMLElement {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        let line = Int(xmlGetLineNo(node))
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let attrName = a.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                waymark_xml_free(raw)
            }
            attributes.append(XMLAttribute(name: attrName, value: value, line: line))
            attr = a.pointee.next
        }
        var children: [XMLContent] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if depth >= limit {
                    if tooDeepAt == nil { tooDeepAt = Int(xmlGetLineNo(c)) }
                } else if tooDeepAt == nil {
                    children.append(.element(convert(c, depth: depth + 1, limit: limit, tooDeepAt: &tooDeepAt)))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let text = String(cString: content)
                    if case .text(let previous)? = children.last {
                        children[children.count - 1] = .text(previous + text)
                    } else {
                        children.append(.text(text))
                    }
                }
            default:
                break
            }
            child = c.pointee.next
        }
        return XMLElement(name: name, namespaceURI: namespace, attributes: attributes, children: children, line: line)
    }
}
