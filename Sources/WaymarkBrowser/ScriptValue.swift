/// A value passed to or returned from Execute Script: JSON plus the element and shadow-root references WebDriver
/// serializes specially.
///
/// Scripts are for the few facts WebDriver has no command for (device pixel ratio, scroll position, ready state,
/// searching open shadow roots); everything else goes through real WebDriver commands.
public indirect enum ScriptValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ScriptValue])
    case object([String: ScriptValue])
    case element(ElementID)
    case shadowRoot(ShadowRootID)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: ScriptValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var doubleValue: Double? { if case .number(let n) = self { n } else { nil } }
    public var intValue: Int? {
        guard case .number(let n) = self, n.isFinite, n == n.rounded(), abs(n) < 9e15 else { return nil }
        return Int(n)
    }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: [ScriptValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: [String: ScriptValue]? { if case .object(let o) = self { o } else { nil } }
    public var elementValue: ElementID? { if case .element(let e) = self { e } else { nil } }
    public var isNull: Bool { self == .null }

    public subscript(key: String) -> ScriptValue? { objectValue?[key] }
    public subscript(index: Int) -> ScriptValue? {
        guard let a = arrayValue, a.indices.contains(index) else { return nil }
        return a[index]
    }
}
