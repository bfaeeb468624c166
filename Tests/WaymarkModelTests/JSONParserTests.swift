import Testing
@testable import WaymarkModel

@Suite struct JSONParserTests {
    @Test func parsesAndKeepsPositions() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, 2.50, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\"\n}")
        #expect(node["a"]?.arrayValue?.count == 4)
        #expect(node["a"]?.line == 2)
        #expect(node["a"]?.column == 8)
        #expect(node["b"]?.stringValue == "xé😀")
        #expect(node["a"]?.arrayValue?[1].kind == .number("2.50"))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, JSONParser.Code.syntax),
        ("{\n  \"a\": tru\n}", 2, 8, JSONParser.Code.syntax),
        ("[1 2]", 1, 4, JSONParser.Code.syntax),
        ("", 1, 1, JSONParser.Code.empty),
        ("\"abc", 1, 5, JSONParser.Code.syntax),
        ("{\"é\": x}", 1, 7, JSONParser.Code.syntax),
    ])
    func errorsPointAtLineAndColumn(input: String, line: Int, column: Int, code: String) {
        #expect {
            _ = try JSONParser.parse(input, file: "f.json")
        } throws: { error in
            guard let d = (error as? DiagnosticError)?.diagnostics.first else { return false }
            return d.location == SourceLocation(file: "f.json", line: line, column: column) && d.code == code
        }
    }

    @Test func refusesDeepNestingUTF16AndBadUTF8() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DiagnosticError.self) { _ = try JSONParser.parse(deep) }
        #expect(throws: DiagnosticError.self) { _ = try JSONParser.parse([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]) }
        #expect(throws: DiagnosticError.self) { _ = try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: DiagnosticError.self) { _ = try JSONParser.parse([0x22, 0x00, 0x22]) }
    }

    @Test func writerIsCanonicalAndRoundTrips() throws {
        let text = "{\"b\": [1, {\"z\": null, \"a\": \"q\\\"\\n\\u0001<&>é\"}], \"a\": 2.50}"
        let written = JSONWriter.write(try JSONParser.parse(text))
        #expect(written == "{\n  \"a\": 2.50,\n  \"b\": [\n    1,\n    {\n      \"a\": \"q\\\"\\n\\u0001<&>é\",\n      \"z\": null\n    }\n  ]\n}\n")
        #expect(JSONWriter.write(try JSONParser.parse(written)) == written)
    }
}

@Suite struct JSONParserLongLineTests {
    /// Minified exports put a whole capture on one line: columns must stay right there, and computing them must
    /// not rescan the line for every value (that made a 4,000-step minified capture take minutes).
    @Test func columnsOnOneLongMinifiedLine() throws {
        let items = (0..<50_000).map { "{\"a\":\"é\($0)\"}" }
        let text = "[" + items.joined(separator: ",") + "]"
        let root = try JSONParser.parse(text)
        let array = try #require(root.arrayValue)
        #expect(array.count == 50_000)
        var expectedColumn = 2
        var lastColumn = 0
        for (i, item) in array.enumerated() {
            #expect(item.line == 1)
            if item.column != expectedColumn { Issue.record("item \(i) at column \(item.column), expected \(expectedColumn)"); break }
            lastColumn = expectedColumn
            // `{"a":"é"}` is 9 scalars, plus the digits, plus the comma.
            expectedColumn += 10 + String(i).count
        }
        // The value of "a" starts 5 scalars into its object: `{"a":` .
        #expect(array[49_999]["a"]?.column == lastColumn + 5)
    }
}
