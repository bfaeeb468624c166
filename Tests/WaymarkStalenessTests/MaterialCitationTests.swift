import Testing
import WaymarkModel
@testable import WaymarkStaleness

@Suite("MaterialCitation")
struct MaterialCitationTests {
    @Test("finds HTML comment markers with their line and column")
    func comments() {
        let text = """
        # Refunds

        Some text. <!-- ordinary comment --> <!-- waymark: source=create-order fingerprint=ABCDEF0123456789 -->
        <!--waymark: source="refund" -->
        <!-- waymark: fingerprint=00 -->
        """
        let (citations, diagnostics) = MaterialCitationScanner.scan(text, file: "docs/refunds.md")
        #expect(citations == [
            MaterialCitation(file: "docs/refunds.md", line: 3, captureID: "create-order", fingerprint: "abcdef0123456789"),
            MaterialCitation(file: "docs/refunds.md", line: 4, captureID: "refund", fingerprint: nil),
        ])
        #expect(diagnostics.map(\.code) == ["citation.incomplete"])
        #expect(diagnostics.first?.location?.line == 5)
    }

    @Test("finds front matter keys")
    func frontMatter() {
        let text = "---\r\ntitle: Refunds\r\nwaymark_source: 'create-order'\r\nwaymark_fingerprint: abcdef012345 # pinned\r\n---\r\nBody\r\n"
        let (citations, diagnostics) = MaterialCitationScanner.scan(text, file: "r.md")
        #expect(citations == [MaterialCitation(file: "r.md", line: 3, captureID: "create-order", fingerprint: "abcdef012345")])
        #expect(diagnostics.isEmpty)
    }

    @Test("the marker printed by cite is found again")
    func roundTrip() {
        let marker = MaterialCitation.marker(captureID: "create-order", fingerprint: String(repeating: "ab", count: 32))
        #expect(marker == "<!-- waymark: source=create-order fingerprint=\(String(repeating: "ab", count: 32)) -->")
        let (citations, _) = MaterialCitationScanner.scan("x\n" + marker + "\n", file: "f.html")
        #expect(citations.first?.matches(String(repeating: "ab", count: 32)) == true)
        #expect(citations.first?.line == 2)
    }
}
