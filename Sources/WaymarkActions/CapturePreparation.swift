import WaymarkLocators
import WaymarkModel

/// The one way a capture is made ready for anything that renders, fingerprints or prints it.
///
/// `build`, `check`, `narrate`, `diff`, `inspect` and `replay` all prepare captures here, so they agree: the same
/// capture gets the same id, owner and redaction everywhere, and `check` never reports a capture as stale only
/// because it was prepared differently from the build that recorded it.
///
/// In order:
/// 1. an id that is not a valid slug (the importer has reported it) becomes one made from it;
/// 2. `source.path` is the path shown for the file it was read from;
/// 3. a capture without an owner gets the default owner of `waymark.yml` (`owners:` by application, then folder);
/// 4. a target without a usable label or role gets them from its selectors (`Locator.bestWords`, the one selector
///    reader importers use too), so renderers read only `label` and `role`;
/// 5. control characters are removed and secrets marked and masked (`Redactor.prepare`, with `redact:` patterns).
public struct CapturePreparation: Sendable {
    public let configuration: ProjectConfiguration
    /// The `redact:` patterns compiled once for every capture this preparation sees.
    private let redactor: Redactor

    public init(configuration: ProjectConfiguration = ProjectConfiguration()) {
        self.configuration = configuration
        self.redactor = Redactor(patterns: configuration.redact)
    }

    /// `capture`, read from the file shown as `displayPath`, ready to render.
    public func prepare(_ capture: Capture, displayPath: String) -> Capture {
        var capture = capture
        if !Slug.isValid(capture.id) { capture.id = Slug.make(capture.id.isEmpty ? capture.title : capture.id) }
        if capture.source.path.isEmpty { capture.source.path = displayPath }
        if capture.owner == nil {
            capture.owner = configuration.defaultOwner(sourcePath: displayPath, application: capture.application)
        }
        for index in capture.steps.indices {
            capture.steps[index].target = Self.described(capture.steps[index].target)
            capture.steps[index].destination = Self.described(capture.steps[index].destination)
        }
        return redactor.prepare(capture)
    }

    /// `target` with a label and role read from its selectors where it has none. A label that is itself a locator
    /// (a recorder that stored `aria/Save` as the label) is read like one.
    static func described(_ target: Target?) -> Target? {
        guard var target else { return nil }
        let selectorLabel = target.label.flatMap { LocatorText.looksLikeSelector($0) ? $0 : nil }
        let needsLabel = selectorLabel != nil || (target.label?.collapsingWhitespace.isEmpty ?? true)
        let locators = (selectorLabel.map { [$0] } ?? []) + target.selectors
        guard !locators.isEmpty, needsLabel || target.role == nil else { return target }
        let words = Locator.bestWords(locators)
        if needsLabel, let label = words.label {
            target.label = label
            target.labelSource = words.source
        }
        if target.role == nil { target.role = words.role }
        return target
    }
}
