import WaymarkModel
import WaymarkEscaping

/// `imsmanifest.xml` of a single-SCO SCORM 1.2 package: one organization with one item, launching one SCO resource
/// that lists every file of the package.
///
/// It is valid against the SCORM 1.2 schemas (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1), which the package carries
/// beside it as LMSs expect. Text goes through `XMLEscaping`, so titles with `<`, `&`, quotes or `]]>` survive.
public struct SCORM12Manifest: Sendable, Hashable {
    /// The schema files every package carries, as the manifest's `xsi:schemaLocation` names them.
    public static let schemaFiles = ["adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd"]

    public var identity: PackageIdentity
    public var title: String
    /// The page the LMS launches, relative to the package root.
    public var launchPath: String
    /// Every file of the SCO (the launch page included), relative to the package root.
    public var files: [String]
    /// Written as `adlcp:masteryscore` when the guide has a knowledge check, so the LMS can judge the score too.
    public var masteryScore: MasteryScore?

    public init(identity: PackageIdentity, title: String, launchPath: String, files: [String], masteryScore: MasteryScore?) {
        self.identity = identity
        self.title = title
        self.launchPath = launchPath
        self.files = files
        self.masteryScore = masteryScore
    }

    public var xml: String {
        let title = XMLEscaping.text(PackageText.xmlSafe(self.title))
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<manifest identifier="\#(identity.manifestIdentifier)" version="1""#,
            #"          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2""#,
            #"          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2""#,
            #"          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#,
            #"          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">"#,
            "  <metadata>",
            "    <schema>ADL SCORM</schema>",
            "    <schemaversion>1.2</schemaversion>",
            "  </metadata>",
            #"  <organizations default="\#(identity.organizationIdentifier)">"#,
            #"    <organization identifier="\#(identity.organizationIdentifier)">"#,
            "      <title>\(title)</title>",
            #"      <item identifier="\#(identity.itemIdentifier)" identifierref="\#(identity.resourceIdentifier)" isvisible="true">"#,
            "        <title>\(title)</title>",
        ]
        if let masteryScore { lines.append("        <adlcp:masteryscore>\(masteryScore.percent)</adlcp:masteryscore>") }
        lines += [
            "      </item>",
            "    </organization>",
            "  </organizations>",
            "  <resources>",
            #"    <resource identifier="\#(identity.resourceIdentifier)" type="webcontent" adlcp:scormtype="sco" href="\#(XMLEscaping.attribute(launchPath))">"#,
        ]
        for file in files { lines.append(#"      <file href="\#(XMLEscaping.attribute(file))"/>"#) }
        lines += ["    </resource>", "  </resources>", "</manifest>", ""]
        return lines.joined(separator: "\n")
    }
}
