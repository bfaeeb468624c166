import WaymarkModel

/// The identifiers an LMS knows a capture's package by, made from the capture id so that a rebuilt package
/// replaces the old one in the LMS instead of appearing as a new course.
///
/// Capture ids are slugs (`a-z 0-9 -`), which may start with a digit; SCORM identifiers are XML `ID`s (NCNames),
/// which may not, so they get a letter prefix. cmi5 ids are IRIs; Waymark uses URNs under `urn:waymark:`.
public struct PackageIdentity: Sendable, Hashable {
    public let captureID: String

    public init(captureID: String) {
        // Ids are checked on import; a defensive slug keeps identifiers valid even for a capture built in code.
        self.captureID = Slug.isValid(captureID) ? captureID : Slug.make(captureID)
    }

    /// `waymark-<id>`: the SCORM manifest's identifier.
    public var manifestIdentifier: String { "waymark-\(captureID)" }
    /// `org-<id>`, `item-<id>`, `sco-<id>`: the SCORM organization, its one item and the SCO resource.
    public var organizationIdentifier: String { "org-\(captureID)" }
    public var itemIdentifier: String { "item-\(captureID)" }
    public var resourceIdentifier: String { "sco-\(captureID)" }

    /// `urn:waymark:course:<id>`: the cmi5 course id.
    public var courseIRI: String { "urn:waymark:course:\(captureID)" }
    /// `urn:waymark:course:<id>:au:guide`: the cmi5 AU id (the activity the LMS records results against).
    public var auIRI: String { "\(courseIRI):au:guide" }
}
