import Foundation
import Testing
import WaymarkModel
@testable import WaymarkXML
import WaymarkEscaping

@Suite struct XMLDocumentParserTests {
    func parse(_ text: String) -> Result<XMLElement, DiagnosticError> {
        XMLDocumentParser.parse(Data(text.utf8), file: "t.xml")
    }

    @Test func parsesElementsAttributesTextAndLines() throws {
        let root = try parse("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\">\n  <b>hi &lt;there&gt;</b><![CDATA[<raw>]]>\n</a>").get()
        #expect(root.name == "a")
        #expect(root[attribute: "x"] == "1 & 2")
        #expect(root.elements.count == 1)
        #expect(root.firstElement(named: "b")?.text == "hi <there>")
        #expect(root.firstElement(named: "b")?.line == 3)
        #expect(root.text.contains("<raw>"))
    }

    @Test func malformedXMLReportsLineAndColumn() {
        guard case .failure(let error) = parse("<a>\n<b></c>\n</a>") else {
            Issue.record("expected failure"); return
        }
        let d = error.diagnostics[0]
        #expect(d.code == DiagnosticCode.xmlSyntax.id)
        #expect(d.location?.line == 2)
        #expect(d.location?.column != nil)
        #expect(d.location?.file == "t.xml")
    }

    @Test func refusesXXEWithoutReadingTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wm-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let secret = dir.appendingPathComponent("secret.txt")
        try "TOPSECRET-XXE".write(to: secret, atomically: true, encoding: .utf8)
        let doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<a>&x;</a>"
        guard case .failure(let error) = parse(doc) else { Issue.record("expected failure"); return }
        #expect(error.diagnostics[0].code == DiagnosticCode.xmlDoctype.id)
        #expect(!error.description.contains("TOPSECRET"))
        #expect(error.diagnostics[0].location?.line == 2)
    }

    @Test func refusesBillionLaughsAndExternalDTD() {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            lol += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">\n"
        }
        lol += "]>\n<lolz>&lol9;</lolz>"
        guard case .failure(let e1) = parse(lol) else { Issue.record("expected failure"); return }
        #expect(e1.diagnostics[0].code == DiagnosticCode.xmlDoctype.id)

        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<a/>"
        guard case .failure(let e2) = parse(external) else { Issue.record("expected failure"); return }
        #expect(e2.diagnostics[0].code == DiagnosticCode.xmlDoctype.id)
    }

    @Test func emptyAndGarbage() {
        guard case .failure(let e1) = parse("  \n") else { Issue.record("expected failure"); return }
        #expect(e1.diagnostics[0].code == DiagnosticCode.xmlEmpty.id)
        guard case .failure(let e2) = XMLDocumentParser.parse(Data([0xFF, 0x00, 0x13, 0x37, 0x80]), file: "g") else {
            Issue.record("expected failure"); return
        }
        #expect(e2.diagnostics[0].code == DiagnosticCode.xmlSyntax.id)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 100_000
        let doc = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        guard case .failure(let e) = parse(doc) else { Issue.record("expected failure"); return }
        #expect(e.diagnostics[0].code == DiagnosticCode.xmlSyntax.id)
    }

    /// libxml2 2.9 compares attribute names pairwise: 100,000 attributes on one element took two minutes.
    @Test func tooManyAttributesAreRefusedBeforeParsing() throws {
        func element(_ count: Int) -> String {
            "<a>\n<b " + (0..<count).map { "n\($0)=\"v\"" }.joined(separator: " ") + "/></a>"
        }
        let limit = XMLDocumentParser.maxAttributesPerElement
        guard case .failure(let e) = parse(element(limit + 1)) else { Issue.record("expected failure"); return }
        #expect(e.diagnostics[0].code == DiagnosticCode.xmlTooManyAttributes.id)
        #expect(e.diagnostics[0].location?.line == 2)
        #expect(try parse(element(limit)).get().name == "a")
        // Equals signs in text, CDATA, comments and quoted values are not attributes.
        let many = String(repeating: "=", count: limit * 2)
        let text = "<a x=\"\(many)\"><!-- \(many) --><![CDATA[<b \(many)>]]>\(many)</a>"
        #expect(try parse(text).get().name == "a")
        // A hundred thousand attributes are refused at once, not after minutes.
        let start = Date()
        guard case .failure = parse(element(100_000)) else { Issue.record("expected failure"); return }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func escapingRoundTrips() throws {
        let nasty = "a & b < c > d \"q\" 'apos'\nline\ttab"
        let doc = "<r v=\"\(XMLEscaping.attribute(nasty))\">\(XMLEscaping.text(nasty))</r>"
        let root = try parse(doc).get()
        #expect(root[attribute: "v"] == nasty)
        #expect(root.text == nasty)
    }
}
