import Foundation
import Testing
@testable import WaymarkImport
import WaymarkModel
import WaymarkTestSupport
import WaymarkJSON

/// Hostile and damaged inputs for the JSON importers: every one must end in an error diagnostic (exit 2), never a
/// crash, never a half-read capture passed off as fine.
enum JSONFuzz {
    /// Every object member in the tree, replaced in turn by each JSON kind other than its own, as canonical text.
    /// `skipping` names keys whose values are free-form by definition (e.g. a custom step's `parameters`).
    static func wrongTypeMutations(of text: String, skipping: Set<String> = []) throws -> [(path: String, text: String)] {
        let root = try JSONParser.parse(text)
        var out: [(String, String)] = []
        let replacements: [(String, JSONNode)] = [
            ("null", .null), ("number", .number(7)), ("string", .string("x")), ("bool", .bool(true)),
            ("array", .array([])), ("object", .object([])),
        ]
        func kindName(_ node: JSONNode) -> String {
            switch node.kind {
            case .null: "null"
            case .bool: "bool"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }
        func walk(_ node: JSONNode, path: String, rebuild: (JSONNode) -> JSONNode) {
            switch node.kind {
            case .object(let members):
                for (i, member) in members.enumerated() where !skipping.contains(member.key) {
                    let memberPath = path + "." + member.key
                    func rebuildMember(_ replacement: JSONNode) -> JSONNode {
                        var copy = members
                        copy[i].value = replacement
                        return rebuild(JSONNode(.object(copy)))
                    }
                    for (name, replacement) in replacements where name != kindName(member.value) {
                        out.append(("\(memberPath)=\(name)", JSONWriter.write(rebuildMember(replacement))))
                    }
                    walk(member.value, path: memberPath, rebuild: rebuildMember)
                }
            case .array(let items):
                for (i, item) in items.enumerated() where item.objectValue != nil {
                    walk(item, path: "\(path)[\(i)]") { replacement in
                        var copy = items
                        copy[i] = replacement
                        return rebuild(JSONNode(.array(copy)))
                    }
                }
            default:
                break
            }
        }
        walk(root, path: "$") { $0 }
        return out
    }

    /// `depth` nested arrays inside a field an importer reads.
    static func deeplyNested(_ depth: Int, key: String) -> String {
        "{\"title\":\"deep\",\"\(key)\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
    }
}

@Suite("Chrome Recorder importer: damaged and hostile input")
struct ChromeRecorderFuzzTests {
    static let sample = ChromeRecorderImporterTests.everyStepType

    func run(_ text: String) -> ImportResult {
        CaptureReader().read(ForeignImportSupport.input(text, path: "fuzz.json"), format: .chromeRecorder)
    }

    @Test("Every truncation of a recording is an error with a position")
    func truncations() {
        let bytes = Array(Self.sample.utf8)
        let jsonEnd = bytes.lastIndex(of: UInt8(ascii: "}"))!
        for length in 0...jsonEnd {
            let text = String(decoding: bytes[..<length], as: UTF8.self)
            let result = run(text)
            let rejected = result.hasErrors && result.captures.isEmpty
            #expect(rejected, "prefix \(length) was accepted")
            if length > 0, let location = result.diagnostics.first(where: { $0.severity == .error })?.location {
                #expect(location.line != nil, "prefix \(length) has no line")
            }
        }
    }

    @Test("Every field given every wrong type is an error")
    func wrongTypes() throws {
        // `parameters` (customStep) and `stepOptions` (Lighthouse) are free-form by definition.
        let mutations = try JSONFuzz.wrongTypeMutations(of: Self.sample.components(separatedBy: "//# recorderSourceMap=")[0],
                                                        skipping: ["parameters", "stepOptions"])
        #expect(mutations.count > 500)
        // A property's expected value may be any scalar, so scalar-for-scalar swaps inside `properties` are valid.
        for (path, text) in mutations where !(path.contains(".properties.") && !path.hasSuffix("=array") && !path.hasSuffix("=object") && !path.hasSuffix("=null")) {
            let result = run(text)
            let rejected = result.hasErrors
            #expect(rejected, "\(path) was accepted")
            #expect(result.diagnostics.filter { $0.severity == .error }.allSatisfy { $0.location?.file == "fuzz.json" })
        }
    }

    @Test("Deeply nested JSON is a depth error, not a stack overflow")
    func deepNesting() {
        for key in ["steps", "title"] {
            let result = run(JSONFuzz.deeplyNested(100_000, key: key))
            #expect(result.diagnostics.map(\.code) == ["json.depth"])
        }
    }

    @Test("Not JSON at all, wrong roots and empty files are errors")
    func garbage() {
        for text in ["", "   ", "\u{0}\u{1}", "[1,2]", "\"steps\"", "{\"title\":\"t\"}", "{\"title\":\"t\",\"steps\":[7,null]}",
                     "{\"title\":\"t\",\"steps\":[{\"url\":\"x\"}]}", "\u{FEFF}{\"title\":1,\"steps\":[]}"] {
            #expect(run(text).hasErrors, "\(text.debugDescription) was accepted")
        }
    }
}
