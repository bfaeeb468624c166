import Foundation
import Testing
import WaymarkModel

@Suite("Fingerprint")
struct FingerprintTests {
    @Test("ignores timestamps, coordinates, screenshots, ids, selectors, time and source")
    func ignoresNoise() {
        let a = TestCaptures.order()
        var b = a
        b.recordedAt = "2026-05-05T10:00:00Z"
        b.recordedBy = "someone else"
        b.source = CaptureSource(format: .chromeRecorder, path: "elsewhere/other.json")
        b.owner = "Other Owner"
        b.reviewBy = CalendarDate("2031-02-03")
        for i in b.steps.indices {
            b.steps[i].time = "00:00:\(i)"
            b.steps[i].id = "generated-\(i)"
            b.steps[i].screenshot = Screenshot(path: "shots/\(i).png", highlight: Rect(x: i, y: 2, width: 3, height: 4), width: 1280, height: 800)
            b.steps[i].target?.selectors = ["xpath//div[\(i)]", "aria/Something"]
        }
        #expect(Fingerprint.capture(a) == Fingerprint.capture(b))
        #expect(a.steps.map(Fingerprint.step) == b.steps.map(Fingerprint.step))
    }

    @Test("normalises whitespace, Unicode (NFC), URL noise and modifier order")
    func normalisesExportDifferences() {
        let a = TestCaptures.order()
        var b = a
        b.title = "  Create\u{00A0}an\n order "
        b.steps[0].url = "HTTPS://Shop.Example.com:443/admin/orders?view=list&fbclid=abc&sessionid=42#top"
        b.steps[1].target?.label = "New\torder"
        b.steps[5].modifiers = [.ctrl, .shift, .ctrl]
        #expect(Fingerprint.capture(a) == Fingerprint.capture(b))

        var decomposed = a
        decomposed.steps[2].value = "Cafe\u{0301}"
        var composed = a
        composed.steps[2].value = "Caf\u{00E9}"
        #expect(Fingerprint.step(decomposed.steps[2]) == Fingerprint.step(composed.steps[2]))
    }

    @Test("changes when what a learner sees changes")
    func changesWithVisibleContent() {
        let base = Fingerprint.capture(TestCaptures.order())
        #expect(Fingerprint.capture(TestCaptures.order(submitLabel: "Send")) != base)
        var v = TestCaptures.order(); v.steps[2].value = "Globex"
        #expect(Fingerprint.capture(v) != base)
        var u = TestCaptures.order(); u.steps[0].url = "https://shop.example.com/admin/orders?view=grid"
        #expect(Fingerprint.capture(u) != base)
        var r = TestCaptures.order(); r.steps[1].target?.role = "link"
        #expect(Fingerprint.capture(r) != base)
        var k = TestCaptures.order(); k.steps[5].modifiers = [.ctrl]
        #expect(Fingerprint.capture(k) != base)
        var i = TestCaptures.order(); i.steps[1].instruction = "Open a blank order form."
        #expect(Fingerprint.capture(i) != base)
        var n = TestCaptures.order(); n.steps[1].note = "Only managers see this button."
        #expect(Fingerprint.capture(n) != base)
        var o = TestCaptures.order(); o.steps.swapAt(1, 2)
        #expect(Fingerprint.capture(o) != base)
        var c = TestCaptures.order(); c.steps[0].url = "https://shop.example.com/admin/#/orders"
        var c2 = c; c2.steps[0].url = "https://shop.example.com/admin/#/customers"
        #expect(Fingerprint.capture(c) != Fingerprint.capture(c2), "hash routes are part of the page")
    }

    @Test("never lets a sensitive value in, not even hashed")
    func sensitiveValuesStayOut() {
        var a = TestCaptures.order()
        var b = a
        b.steps[3].value = "a completely different secret"
        #expect(Fingerprint.capture(a) == Fingerprint.capture(b))
        let canonical = JSONWriter.write(Fingerprint.canonical(a.steps[3]))
        #expect(!canonical.contains("hunter2"))
        #expect(!canonical.contains(Fingerprint.hex(of: "hunter2")))
        a.steps[3].sensitive = false
        #expect(Fingerprint.capture(a) != Fingerprint.capture(b))
    }

    @Test("URL normalisation keeps meaningful parts and drops volatile ones")
    func urlNormalisation() {
        #expect(Fingerprint.normalizedURL("https://EXAMPLE.com") == "https://example.com/")
        #expect(Fingerprint.normalizedURL("http://example.com:80/a;jsessionid=XYZ?b=2&a=1&utm_campaign=x&UTM_Source=y&gclid=1&_=123")
                == "http://example.com/a?a=1&b=2")
        #expect(Fingerprint.normalizedURL("https://user:pw@example.com/x?token=abc#section") == "https://example.com/x")
        #expect(Fingerprint.normalizedURL("https://example.com/x?q=shoes#!/cart") == "https://example.com/x?q=shoes#!/cart")
        #expect(Fingerprint.normalizedURL("  ") == nil)
        #expect(Fingerprint.normalizedURL("orders page") == "orders page")
        #expect(Fingerprint.isVolatileQueryParameter("X-Amz-Signature"))
        #expect(!Fingerprint.isVolatileQueryParameter("view"))
    }

    @Test("is a 64-digit lower-case hex SHA-256, stable across runs")
    func format() {
        let fp = Fingerprint.capture(TestCaptures.order())
        #expect(fp.count == 64)
        #expect(fp.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(Fingerprint.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        Snapshot.assertCanonical()
    }
}

import WaymarkTestSupport
import WaymarkJSON

extension Snapshot {
    /// Golden file of the canonical form, so any change to what is hashed is a visible, reviewed change.
    static func assertCanonical(filePath: String = #filePath) {
        let capture = TestCaptures.order()
        var text = JSONWriter.write(Fingerprint.canonical(capture))
        for step in capture.steps { text += JSONWriter.write(Fingerprint.canonical(step)) }
        text += Fingerprint.capture(capture) + "\n"
        assert(text, named: "canonical-order.txt", group: "Fingerprint", filePath: filePath)
    }
}
