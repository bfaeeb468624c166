import Foundation
import Testing
import WaymarkImport
import WaymarkModel

/// Any XML with a DOCTYPE — whatever root name it declares — gets the clear `xml.doctype` refusal, never
/// "unknown format", and nothing the DTD names is read.
@Suite struct DoctypeRoutingTests {
    @Test(arguments: ["c", "capture", "Report", "lolz"])
    func doctypeWithAnyNameIsRefusedAsADoctype(name: String) {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE \(name) [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<capture version=\"1\">&x;</capture>\n"
        let result = CaptureReader().read(CaptureInput(path: "x.xml", data: Data(text.utf8)))
        #expect(result.captures.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["xml.doctype"])
        #expect(result.diagnostics.first?.location?.line == 2)
        #expect(!result.diagnostics.description.contains("root:"))
    }
}
