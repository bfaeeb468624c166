import WaymarkJSON
import WaymarkModel

/// Writes a capture the way Selenium IDE 3 saves a project: one `.side` file with one test whose commands carry a
/// `target`, the recorder's `targets` alternatives (`id=`, `css=`, `xpath=`, `linkText=` …) and a `value`.
///
/// Selenium IDE records no labels, owners or screenshots, so those parts of the capture are not written; labels
/// come back only through what the locators say, as they do for real recordings.
enum SeleniumSideExport {
    static func json(_ capture: Capture) -> String {
        let origin = capture.steps.lazy.compactMap(\.url).first.map(originOf) ?? "https://example.test"
        var commands: [JSONNode] = []
        for (index, step) in capture.steps.enumerated() {
            commands.append(contentsOf: nodes(for: step, index: index, origin: origin))
        }
        let test = JSONNode.object([("id", .string(uuid(capture.id, 0))), ("name", .string(capture.title)),
                                    ("commands", .array(commands))])
        let suite = JSONNode.object([("id", .string(uuid(capture.id, 1))), ("name", .string("Default Suite")),
                                     ("persistSession", .bool(false)), ("parallel", .bool(false)),
                                     ("timeout", .number(300)), ("tests", .array([.string(uuid(capture.id, 0))]))])
        return JSONWriter.write(.object([
            ("id", .string(uuid(capture.id, 2))), ("version", .string("2.0")), ("name", .string(capture.title)),
            ("url", .string(origin)), ("tests", .array([test])), ("suites", .array([suite])),
            ("urls", .array([.string(origin)])), ("plugins", .array([])),
        ]))
    }

    /// The scheme and host of an address (Selenium IDE keeps it as the project's base URL).
    private static func originOf(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return String(url[..<scheme.upperBound]) + host
    }

    /// A stable, UUID-shaped id (Selenium IDE writes random UUIDs; a corpus must be deterministic).
    private static func uuid(_ id: String, _ salt: Int) -> String {
        var hash: UInt64 = 0xcbf29ce484222325 &+ UInt64(salt)
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let hex = String(hash, radix: 16).leftPaddedHex(16)
        let tail = String(hash &* 31 &+ UInt64(salt), radix: 16).leftPaddedHex(16)
        let all = Array(hex + tail)
        return "\(String(all[0..<8]))-\(String(all[8..<12]))-\(String(all[12..<16]))-\(String(all[16..<20]))-\(String(all[20..<32]))"
    }

    /// Selenium IDE's locator alternatives for a target: `id=`/`name=`/`linkText=` first when the CSS allows it,
    /// then `css=` and an attribute XPath, each with the strategy name the IDE gives it.
    private static func targets(_ target: Target?) -> [(String, String)] {
        var list: [(String, String)] = []
        for selector in target?.selectors ?? [] {
            if selector.hasPrefix("aria/") { continue }
            if selector.hasPrefix("text/") {
                let text = String(selector.dropFirst(5))
                list.append(("linkText=\(text)", "linkText"))
                list.append(("xpath=//a[contains(text(),'\(text)')]", "xpath:link"))
                continue
            }
            if selector.hasPrefix("#") {
                let id = String(selector.dropFirst())
                list.append(("id=\(id)", "id"))
                list.append(("xpath=//*[@id='\(id)']", "xpath:attributes"))
            }
            list.append(("css=\(selector)", "css:finder"))
        }
        if list.isEmpty { list.append(("css=body", "css:finder")) }
        return list
    }

    private static func command(_ name: String, _ target: String, _ value: String, alternatives: [(String, String)],
                                comment: String, id: String) -> JSONNode {
        .object([("id", .string(id)), ("comment", .string(comment)), ("command", .string(name)),
                 ("target", .string(target)),
                 ("targets", .array(alternatives.map { .array([.string($0.0), .string($0.1)]) })),
                 ("value", .string(value))])
    }

    private static func nodes(for step: Step, index: Int, origin: String) -> [JSONNode] {
        let id = uuid(origin + String(index), index)
        let alternatives = targets(step.target)
        let first = alternatives.first?.0 ?? "css=body"
        switch step.action {
        case .navigate:
            let url = step.url ?? "/"
            let path = url.hasPrefix(origin) ? String(url.dropFirst(origin.count)) : url
            return [command("open", path.isEmpty ? "/" : path, "", alternatives: [], comment: "", id: id)]
        case .click, .hover:
            return [command(step.action == .click ? "click" : "mouseOver", first, "", alternatives: alternatives,
                            comment: "", id: id)]
        case .check:
            return [command("check", first, "", alternatives: alternatives, comment: "", id: id)]
        case .uncheck:
            return [command("uncheck", first, "", alternatives: alternatives, comment: "", id: id)]
        case .type:
            return [command("type", first, step.value ?? "", alternatives: alternatives, comment: "", id: id)]
        case .select:
            return [command("select", first, "label=\(step.value ?? "")", alternatives: alternatives, comment: "", id: id)]
        case .press:
            let key = "${KEY_\((step.key ?? "Enter").uppercased())}"
            return [command("sendKeys", "css=body", key, alternatives: [], comment: "", id: id)]
        case .assert, .wait:
            return [command("assertText", first, step.value ?? "", alternatives: alternatives, comment: "", id: id)]
        case .note:
            return [command("echo", step.note ?? "", "", alternatives: [], comment: step.note ?? "", id: id)]
        case .scroll, .doubleClick, .rightClick, .drag, .upload, .switchContext, .custom:
            return []
        }
    }
}

private extension String {
    func leftPaddedHex(_ width: Int) -> String {
        count >= width ? String(suffix(width)) : String(repeating: "0", count: width - count) + self
    }
}
