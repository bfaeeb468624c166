import WaymarkModel

/// Makes deterministic synthetic captures: capture N of a given seed is always the same, whatever the corpus size.
///
/// Each capture starts with a navigation, visits a menu, fills fields (with values shaped like their labels), picks
/// options, ticks a box, presses keys, enters one sensitive value, carries a writer's note, navigates once more and
/// ends with a button and a check of the confirmation. Every eighth step of a capture with screenshots shows one of
/// the shared PNG screens with a highlight rectangle.
struct SyntheticCaptureFactory {
    var seed: UInt64
    var stepsPerCapture: Int
    /// Paths (relative to the capture's folder) of the shared screen images; empty for no screenshots.
    var screenshotPaths: [String]
    var screenshotSize: (width: Int, height: Int)

    func capture(_ index: Int) -> Capture {
        var rng = SeededGenerator.forItem(index, seed: seed)
        let app = rng.pick(BusinessVocabulary.applications)
        let verb = rng.pick(BusinessVocabulary.verbs)
        let object = rng.pick(BusinessVocabulary.objects)
        let number = (index + 1).leftPadded(6)
        let title = "\(verb) \(object.withArticle) in \(app.name) (process \(number))"
        let id = Slug.make("\(verb) \(object) \(number)")
        let team = rng.pick(BusinessVocabulary.teams)
        let domain = app.host.split(separator: ".").dropFirst().joined(separator: ".")
        let reviewYear = 2027 + rng.below(2)
        var capture = Capture(
            id: id,
            title: title,
            application: app.name,
            owner: "\(team)@\(domain)",
            audience: rng.pick(BusinessVocabulary.audiences),
            purpose: "\(verb) the \(object) correctly the first time, so nobody has to chase or correct it later.",
            objectives: [
                "Find the \(object) in \(app.name)",
                "Fill in the fields the approver checks",
                "\(verb) it and confirm the result",
            ],
            prerequisites: ["An account in \(app.name) with the right role", "The documents for the \(object)"],
            reviewBy: CalendarDate(year: reviewYear, month: rng.int(1...12), day: rng.int(1...28)),
            recordedAt: "2026-\(rng.int(1...10).leftPadded(2))-\(rng.int(1...28).leftPadded(2))T\(rng.int(7...17).leftPadded(2)):\(rng.int(0...59).leftPadded(2)):00Z",
            recordedBy: rng.pick(BusinessVocabulary.people),
            language: "en",
            source: CaptureSource(format: .waymarkXML, path: ""),
            steps: [])
        capture.steps = steps(app: app, verb: verb, object: object, number: number, rng: &rng)
        return capture
    }

    private func steps(app: BusinessVocabulary.Application, verb: String, object: String, number: String,
                       rng: inout SeededGenerator) -> [Step] {
        let count = max(1, stepsPerCapture)
        let base = "https://\(app.host)"
        var steps: [Step] = []
        steps.reserveCapacity(count)
        var page = rng.pick(BusinessVocabulary.pages)
        let secretAt = count >= 6 ? 2 : -1
        let noteAt = count >= 8 ? count / 2 : -1
        let navigateAt = count >= 12 ? (count * 3) / 4 : -1
        for position in 0..<count {
            var step: Step
            if position == 0 {
                step = Step(action: .navigate, url: "\(base)/\(object.slugPath)?ref=\(number)")
            } else if position == count - 1 && count >= 3 {
                step = Step(action: .assert, target: Target(label: "Status", role: "text", selectors: ["#status"], context: page),
                            value: "\(verb == "Cancel" ? "Cancelled" : "Completed") — reference \(number)")
            } else if position == 1 {
                let menu = rng.pick(app.menus)
                step = Step(action: .click, target: Target(label: menu, role: "menu item",
                                                           selectors: ["aria/\(menu)", "nav a[data-menu='\(menu.slugPath)']"],
                                                           context: "Main menu"))
            } else if position == secretAt {
                let secret = rng.pick(BusinessVocabulary.secrets)
                step = Step(action: .type, target: Target(label: secret.label, role: "text field",
                                                          selectors: ["#\(secret.label.slugPath)"], context: "Sign in"),
                            value: secret.value, sensitive: true)
            } else if position == noteAt {
                step = Step(action: .note, note: rng.pick(BusinessVocabulary.notes))
            } else if position == navigateAt {
                page = rng.pick(BusinessVocabulary.pages)
                step = Step(action: .navigate, url: "\(base)/\(object.slugPath)/\(number)/\(page.slugPath)")
            } else {
                step = ordinaryStep(page: page, rng: &rng)
            }
            if !screenshotPaths.isEmpty, position % 8 == 1 {
                let w = screenshotSize.width, h = screenshotSize.height
                let x = rng.int(0...(w / 2)), y = rng.int(0...(h / 2))
                step.screenshot = Screenshot(
                    path: screenshotPaths[(position / 8) % screenshotPaths.count],
                    highlight: Rect(x: x, y: y, width: rng.int(8...(w / 3)), height: rng.int(6...(h / 6))),
                    width: w, height: h)
            }
            steps.append(step)
        }
        return steps
    }

    private func ordinaryStep(page: String, rng: inout SeededGenerator) -> Step {
        switch rng.below(100) {
        case 0..<38:
            let field = rng.pick(BusinessVocabulary.fields)
            return Step(action: .type, target: Target(label: field.label, role: "text field",
                                                      selectors: ["aria/\(field.label)", "#\(field.label.slugPath)"], context: page),
                        value: Self.value(for: field.kind, rng: &rng))
        case 38..<60:
            let button = rng.pick(BusinessVocabulary.buttons)
            return Step(action: .click, target: Target(label: button, role: "button",
                                                       selectors: ["aria/\(button)", "button[data-action='\(button.slugPath)']"], context: page))
        case 60..<72:
            let select = rng.pick(BusinessVocabulary.selects)
            return Step(action: .select, target: Target(label: select.label, role: "combo box",
                                                        selectors: ["aria/\(select.label)", "select#\(select.label.slugPath)"], context: page),
                        value: rng.pick(select.options))
        case 72..<80:
            let box = rng.pick(BusinessVocabulary.checkboxes)
            return Step(action: .check, target: Target(label: box, role: "checkbox",
                                                       selectors: ["aria/\(box)", "input[name='\(box.slugPath)']"], context: page))
        case 80..<88:
            let key = rng.pick(BusinessVocabulary.keys)
            return Step(action: .press, key: key.key, modifiers: key.modifiers.compactMap(KeyModifier.init(rawValue:)))
        case 88..<95:
            let link = rng.pick(BusinessVocabulary.links)
            return Step(action: .click, target: Target(label: link, role: "link",
                                                       selectors: ["aria/\(link)", "text/\(link)"], context: page))
        default:
            let button = rng.pick(BusinessVocabulary.buttons)
            return Step(action: .hover, target: Target(label: button, role: "button",
                                                       selectors: ["aria/\(button)"], context: page))
        }
    }

    static func value(for kind: BusinessVocabulary.ValueKind, rng: inout SeededGenerator) -> String {
        switch kind {
        case .invoice: return "INV-2026-\(rng.int(1...99_999).leftPadded(5))"
        case .amount: return "\(rng.int(1...48)),\(rng.int(0...999).leftPadded(3)).\(rng.int(0...99).leftPadded(2))"
        case .date: return "2026-\(rng.int(1...12).leftPadded(2))-\(rng.int(1...28).leftPadded(2))"
        case .costCentre: return "CC-\(rng.int(1000...9999)) \(rng.pick(["Marketing", "Logistics", "Research", "Facilities"]))"
        case .text: return rng.pick(["Replacement parts for line 3", "Q4 workshop catering <12 people>",
                                     "Licence renewal \"Design Suite\"", "Freight & handling, Rotterdam → Lyon",
                                     "See the attached quote *before* approving"])
        case .code: return "\(rng.pick(["PRJ", "GL", "EMP"]))-\(rng.int(100...9999))"
        case .email: return "\(rng.pick(["billing", "accounts", "orders", "ar"]))@\(rng.pick(["northwind", "litware", "proseware"])).example"
        case .quantity: return String(rng.int(1...250))
        case .name: return rng.pick(BusinessVocabulary.people)
        case .reference: return "\(rng.pick(["PO", "REF", "SO"]))-\(rng.int(10_000...99_999))"
        }
    }
}

extension Int {
    /// Zero-padded decimal text of at least `width` digits.
    func leftPadded(_ width: Int) -> String {
        let text = String(self)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension String {
    /// "a purchase order", "an expense claim".
    var withArticle: String { ("aeiou".contains(first ?? "x") ? "an " : "a ") + self }

    /// Lowercase words joined by hyphens, for URLs and CSS selectors.
    var slugPath: String { Slug.make(self) }
}
