import Testing
import Foundation
@testable import WaymarkActions
import WaymarkTestSupport

/// Pinning the timestamps of PDFs that Chromium printed, on real bytes (Fixtures/pdf: one page printed twice).
@Suite struct PrintedPDFTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/WaymarkActionsTests/Fixtures/pdf")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    @Test func twoPrintsOfOnePageBecomeByteIdentical() throws {
        let first = try Self.fixture("printed-first.pdf"), second = try Self.fixture("printed-second.pdf")
        #expect(first != second, "the fixtures were printed at different times")
        let pinnedFirst = PrintedPDF.pinningTimestamps(first)
        #expect(pinnedFirst == PrintedPDF.pinningTimestamps(second))
        #expect(pinnedFirst.count == first.count)
        let text = String(decoding: pinnedFirst, as: Unicode.ASCII.self)
        #expect(text.contains("/CreationDate (D:19800101000000+00'00')"))
        #expect(text.contains("/ModDate (D:19800101000000+00'00')"))
        #expect(!text.contains("D:2026"))
        // Pinning twice changes nothing more.
        #expect(PrintedPDF.pinningTimestamps(pinnedFirst) == pinnedFirst)
    }

    @Test func everyCrossReferenceStillPointsAtItsObject() throws {
        let pinned = PrintedPDF.pinningTimestamps(try Self.fixture("printed-first.pdf"))
        let text = String(decoding: pinned, as: Unicode.ASCII.self)
        let startxref = try #require(text.range(of: "startxref", options: .backwards))
        let tail = text[startxref.upperBound...].split(whereSeparator: \.isWhitespace)
        let xrefOffset = try #require(tail.first.flatMap { Int($0) })
        let bytes = Array(pinned)
        #expect(String(decoding: bytes[xrefOffset..<xrefOffset + 4], as: UTF8.self) == "xref")
        let lines = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n").map(String.init)
        let header = lines[1].split(separator: " ")
        let first = try #require(Int(header[0])), count = try #require(Int(header[1]))
        var checked = 0
        for (index, line) in lines[2..<2 + count].enumerated() where line.hasPrefix("0") && line.contains(" n") {
            let offset = try #require(Int(line.prefix(10)))
            let object = "\(first + index) 0 obj"
            #expect(String(decoding: bytes[offset..<offset + object.utf8.count], as: UTF8.self) == object)
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test func countsPagesNotPageTrees() throws {
        #expect(PrintedPDF.pageCount(try Self.fixture("printed-first.pdf")) == 1)
        let twoPages = Array("<</Type /Pages /Count 2>> <</Type /Page /Parent 2 0 R>> <</Type/Page>>".utf8)
        #expect(PrintedPDF.pageCount(twoPages) == 2)
    }

    @Test func aDocumentIDBecomesADigestOfTheDocumentWithTheSameLength() {
        func document(id: String, date: String) -> [UInt8] {
            Array("%PDF-1.4\n1 0 obj <</CreationDate (D:\(date)-05'00')>> endobj\ntrailer <</ID [<\(id)> <\(id)>]>>\n%%EOF\n".utf8)
        }
        let a = document(id: "0A1B2C3D4E5F60718293A4B5C6D7E8F9", date: "20261201101112")
        let b = document(id: "FFEEDDCCBBAA99887766554433221100", date: "20270304050607")
        let pinned = PrintedPDF.pinningTimestamps(a)
        #expect(pinned == PrintedPDF.pinningTimestamps(b))
        #expect(pinned.count == a.count)
        let text = String(decoding: pinned, as: UTF8.self)
        #expect(text.contains("(D:19800101000000+00'00')"))
        #expect(!text.contains("<00000000000000000000000000000000>"))
        #expect(text.range(of: "<[0-9A-F]{32}> <[0-9A-F]{32}>", options: .regularExpression) != nil)
    }
}
