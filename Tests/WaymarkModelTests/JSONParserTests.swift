import Testing
@testable import WaymarkModel
import WaymarkJSON

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
        ("{\"a\": 1,}", 1, 9, DiagnosticCode.jsonSyntax.id),
        ("{\n  \"a\": tru\n}", 2, 8, DiagnosticCode.jsonSyntax.id),
        ("[1 2]", 1, 4, DiagnosticCode.jsonSyntax.id),
        ("", 1, 1, DiagnosticCode.jsonEmpty.id),
        ("\"abc", 1, 5, DiagnosticCode.jsonSyntax.id),
        ("{\"é\": x}", 1, 7, DiagnosticCode.jsonSyntax.id),
    ])
    func errorsPointAtLineAndColumn(input: String, line: Int, column: Int, code: String) {
        #expect {
            _ = try JSONParser.parse(input, file: "f.json")
        } throws: { error in
            // The reader's own error, and the `json.*` diagnostic Waymark makes of it.
            guard let syntax = error as? JSONSyntaxError else { return false }
            let d = Diagnostic(syntax)
            return d.location == SourceLocation(file: "f.json", line: line, column: column) && d.code == code
        }
    }

    @Test func refusesDeepNestingUTF16AndBadUTF8() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        func kind(_ parse: () throws -> JSONNode) -> JSONSyntaxError.Kind? {
            do { _ = try parse(); return nil } catch { return (error as? JSONSyntaxError)?.kind }
        }
        #expect(kind { try JSONParser.parse(deep) } == .depth)
        #expect(kind { try JSONParser.parse([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]) } == .encoding)
        #expect(kind { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) } == .encoding)
        #expect(kind { try JSONParser.parse([0x22, 0x00, 0x22]) } == .encoding)
    }

    @Test func writerIsCanonicalAndRoundTrips() throws {
        let text = "{\"b\": [1, {\"z\": null, \"a\": \"q\\\"\\n\\u0001<&>é\"}], \"a\": 2.50}"
        let written = JSONWriter.write(try JSONParser.parse(text))
        #expect(written == "{\n  \"a\": 2.50,\n  \"b\": [\n    1,\n    {\n      \"a\": \"q\\\"\\n\\u0001<&>é\",\n      \"z\": null\n    }\n  ]\n}\n")
        #expect(JSONWriter.write(try JSONParser.parse(written)) == written)
    }

    /// Every escape the writer makes, non-ASCII text kept as UTF-8, and each of its three layouts, spelled out.
    @Test func writerEscapesAndLayoutsAreExact() throws {
        let tricky = "q\"\\\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}\u{2028}\u{2029}é日本😀\u{E2}x e\u{301}"
        #expect(JSONWriter.quoted(tricky)
                == "\"q\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\\u2028\\u2029é日本😀\u{E2}x e\u{301}\"")
        #expect(try JSONParser.parse(JSONWriter.quoted(tricky)).stringValue == tricky)
        let node = JSONNode(.object([
            JSONMember(key: "list", value: JSONNode(.array([JSONNode(.string("a")), JSONNode(.number("2")), JSONNode(.null)]))),
            JSONMember(key: "empty", value: JSONNode(.object([]))),
            JSONMember(key: "flag", value: JSONNode(.bool(false))),
            JSONMember(key: "none", value: JSONNode(.array([]))),
        ]))
        #expect(JSONWriter.write(node, pretty: false) == "{\"empty\":{},\"flag\":false,\"list\":[\"a\",2,null],\"none\":[]}")
        #expect(JSONWriter.write(node, inlineScalarArrays: true, indentation: "\t")
                == "{\n\t\"empty\": {},\n\t\"flag\": false,\n\t\"list\": [\"a\", 2, null],\n\t\"none\": []\n}\n")
        var appended = "x"
        JSONWriter.append(node, to: &appended, indent: 1)
        #expect(appended == "x{\n    \"empty\": {},\n    \"flag\": false,\n    \"list\": [\n      \"a\",\n      2,\n      null\n    ],\n    \"none\": []\n  }")
    }
}

/// Keys are ordered by code point; the writer compares UTF-8 bytes, which must give the same order — also where
/// UTF-16 would not (a character above U+FFFF against one in U+E000…U+FFFF).
@Suite struct JSONKeyOrderTests {
    @Test func utf8OrderIsCodePointOrder() {
        let keys = ["", "a", "A", "ab", "a\u{0}", "é", "e\u{301}", "z", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}",
                    "\u{FFFD}", "\u{FF5E}", "\u{E000}", "\u{1F600}", "\u{10000}", "\u{10FFFF}", "日本", "日", "💡a", "💡"]
        for a in keys {
            for b in keys {
                #expect(JSONWriter.keyPrecedes(a, b) == a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars),
                        "\(a.debugDescription) < \(b.debugDescription)")
            }
        }
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
