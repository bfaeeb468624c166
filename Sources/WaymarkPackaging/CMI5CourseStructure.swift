import WaymarkModel
import WaymarkEscaping

/// `cmi5.xml` of a one-AU course: the guide is the Assignable Unit, launched by a relative URL.
///
/// `moveOn` is `CompletedAndPassed` when the guide has a knowledge check (read every step and pass the check) and
/// `Completed` when it has none; `masteryScore` is the scaled pass mark. Valid against the cmi5 `CourseStructure.xsd`.
public struct CMI5CourseStructure: Sendable, Hashable {
    public var identity: PackageIdentity
    public var title: String
    public var description: String
    /// BCP 47 tag of the titles (`en` when the capture names none).
    public var language: String
    public var launchPath: String
    /// Nil when the guide has no knowledge check.
    public var masteryScore: MasteryScore?

    public init(
        identity: PackageIdentity, title: String, description: String, language: String, launchPath: String,
        masteryScore: MasteryScore?
    ) {
        self.identity = identity
        self.title = title
        self.description = description
        self.language = language
        self.launchPath = launchPath
        self.masteryScore = masteryScore
    }

    public var moveOn: String { masteryScore == nil ? "Completed" : "CompletedAndPassed" }

    public var xml: String {
        let lang = XMLEscaping.attribute(language)
        func text(_ element: String, _ value: String, indent: String) -> [String] {
            [
                "\(indent)<\(element)>",
                "\(indent)  <langstring lang=\"\(lang)\">\(XMLEscaping.text(PackageText.xmlSafe(value)))</langstring>",
                "\(indent)</\(element)>",
            ]
        }
        var au = #"  <au id="\#(XMLEscaping.attribute(identity.auIRI))" moveOn="\#(moveOn)""#
        if let masteryScore { au += #" masteryScore="\#(masteryScore.scaled)""# }
        au += #" launchMethod="AnyWindow">"#
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">"#,
            #"  <course id="\#(XMLEscaping.attribute(identity.courseIRI))">"#,
        ]
        lines += text("title", title, indent: "    ")
        lines += text("description", description, indent: "    ")
        lines += ["  </course>", au]
        lines += text("title", title, indent: "    ")
        lines += text("description", description, indent: "    ")
        lines += ["    <url>\(XMLEscaping.text(launchPath))</url>", "  </au>", "</courseStructure>", ""]
        return lines.joined(separator: "\n")
    }
}
