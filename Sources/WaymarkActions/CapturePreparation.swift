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
/// 4. control characters are removed and secrets marked and masked (`Redactor.prepare`, with `redact:` patterns).
public struct CapturePreparation: Sendable {
    public var configuration: ProjectConfiguration

    public init(configuration: ProjectConfiguration = ProjectConfiguration()) {
        self.configuration = configuration
    }

    /// `capture`, read from the file shown as `displayPath`, ready to render.
    public func prepare(_ capture: Capture, displayPath: String) -> Capture {
        var capture = capture
        if !Slug.isValid(capture.id) { capture.id = Slug.make(capture.id.isEmpty ? capture.title : capture.id) }
        if capture.source.path.isEmpty { capture.source.path = displayPath }
        if capture.owner == nil {
            capture.owner = configuration.defaultOwner(sourcePath: displayPath, application: capture.application)
        }
        return Redactor(patterns: configuration.redact).prepare(capture)
    }
}
