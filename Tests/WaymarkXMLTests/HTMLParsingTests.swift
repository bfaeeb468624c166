import Foundation
import Testing
import WaymarkModel
import WaymarkXML

/// libxml2's HTML parser through the adapter: a DOCTYPE is normal HTML, entities are HTML's own, and inputs that are
/// not web pages are refused before they cost time or memory.
@Suite struct HTMLParsingTests {
    @Test func aDoctypeIsNormalInHTMLButStillRefusedInXML() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html><head><title>T &amp; U</title></head><body><table><tr><td>caf&eacute;</td></tr></table></body></html>
        """
        let html = try XMLDocumentParser.parseHTML(Data(text.utf8), file: "t.html").get()
        #expect(html.name == "html")
        #expect(html.firstElement(named: "head")?.childText("title") == "T & U")
        #expect(html.firstElement(named: "body")?.text == "café")
        guard case .failure(let error) = XMLDocumentParser.parse(Data(text.utf8), file: "t.xml") else {
            Issue.record("XML with a DOCTYPE was accepted")
            return
        }
        #expect(error.diagnostics.map(\.code) == ["xml.doctype"])
    }

    @Test func elementsKeepTheirLines() throws {
        let html = try XMLDocumentParser.parseHTML(Data("<html>\n<body>\n<table>\n<tr><td>x</td></tr></table></body></html>".utf8)).get()
        let table = try #require(html.firstElement(named: "body")?.firstElement(named: "table"))
        #expect(table.line == 3)
    }

    @Test func externalEntitiesAndDTDsAreNeverRead() throws {
        let text = """
        <!DOCTYPE html [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
        <html><body><p>&leak;</p></body></html>
        """
        let html = try XMLDocumentParser.parseHTML(Data(text.utf8)).get()
        let body = html.firstElement(named: "body")?.text ?? ""
        #expect(!body.contains("root:"))
    }

    @Test func tooLargeNulAndTooDeepAreRefused() {
        let big = Data(repeating: UInt8(ascii: " "), count: XMLDocumentParser.maxHTMLBytes + 1)
        #expect(Self.codes(XMLDocumentParser.parseHTML(big)) == ["html.too-large"])
        #expect(Self.codes(XMLDocumentParser.parseHTML(Data("<html>\n\0</html>".utf8))) == ["html.nul-byte"])
        let deep = String(repeating: "<div>", count: XMLDocumentParser.maxHTMLDepth + 10)
        #expect(Self.codes(XMLDocumentParser.parseHTML(Data(("<html><body>" + deep + "</body></html>").utf8))) == ["html.too-deep"])
    }

    static func codes(_ result: Result<XMLElement, DiagnosticError>) -> [String] {
        if case .failure(let error) = result { return error.diagnostics.map(\.code) }
        return []
    }
}
