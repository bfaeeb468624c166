/// One recorded process: what a learner is taught, who owns it, and the steps as recorded.
///
/// This is the single model every importer produces and every renderer consumes. It holds only what a recording
/// says about the process — never layout, never output paths — so the same capture always yields the same materials.
public struct Capture: Sendable, Hashable, Codable {
    /// Stable slug (`[a-z0-9-]`), used as the output folder name and the key in the lock.
    public var id: String
    public var title: String
    public var application: String?
    public var owner: String?
    public var audience: String?
    public var purpose: String?
    public var objectives: [String]
    public var prerequisites: [String]
    /// Date after which the material must be reviewed again.
    public var reviewBy: CalendarDate?
    /// When the process was recorded, as the recorder wrote it (ISO 8601 preferred).
    public var recordedAt: String?
    public var recordedBy: String?
    /// BCP 47 language tag of the capture's wording; `en` when absent.
    public var language: String?
    /// The share of knowledge-check answers (0–100 %) a learner needs to pass, for LMS packages (SCORM, cmi5).
    /// Nil: the project's `mastery_score`, else 80.
    public var masteryScore: Int?
    /// The file this capture was read from in this run. Not part of the native format (it is where the file is).
    public var source: CaptureSource
    /// For captures converted from another tool: the original recording. Kept by the native formats.
    public var origin: CaptureSource?
    public var steps: [Step]

    public init(
        id: String,
        title: String,
        application: String? = nil,
        owner: String? = nil,
        audience: String? = nil,
        purpose: String? = nil,
        objectives: [String] = [],
        prerequisites: [String] = [],
        reviewBy: CalendarDate? = nil,
        recordedAt: String? = nil,
        recordedBy: String? = nil,
        language: String? = nil,
        source: CaptureSource = CaptureSource(format: .waymarkJSON, path: ""),
        origin: CaptureSource? = nil,
        steps: [Step] = [],
        masteryScore: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.application = application
        self.owner = owner
        self.audience = audience
        self.purpose = purpose
        self.objectives = objectives
        self.prerequisites = prerequisites
        self.reviewBy = reviewBy
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.language = language
        self.source = source
        self.origin = origin
        self.steps = steps
        self.masteryScore = masteryScore
    }
}

extension Capture {
    /// The BCP 47 tag every output declares (HTML `lang`, SSML `xml:lang`, package metadata): the capture's
    /// `language` when it is a well-formed tag, else `en`. One rule, so a guide and its narration never disagree.
    public var languageTag: String {
        guard let language, !language.isEmpty, language.count <= 35,
              language.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }),
              language.first?.isLetter == true, !language.hasSuffix("-"), !language.contains("--") else { return "en" }
        return language
    }
}

/// Where a capture came from: the format it was read as and its path (relative where possible).
public struct CaptureSource: Sendable, Hashable, Codable {
    public var format: CaptureFormat
    public var path: String

    public init(format: CaptureFormat, path: String) {
        self.format = format
        self.path = path
    }
}

/// Every recording format Waymark reads. Raw values are the names used on the command line (`--format`).
public enum CaptureFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case waymarkJSON = "waymark-json"
    case waymarkXML = "waymark-xml"
    case chromeRecorder = "chrome-recorder"
    case seleniumIDE = "selenium-ide"
    case stepsRecorder = "steps-recorder"
    /// Selenium IDE 1–2 and Katalon Recorder HTML test cases and suites.
    case seleneseHTML = "selenese-html"
    /// UI.Vision RPA macros (JSON).
    case uiVision = "uivision"

    public var isNative: Bool { self == .waymarkJSON || self == .waymarkXML }
}

/// A calendar date without time or zone (`YYYY-MM-DD`), as used for review dates.
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        // On the bytes: ten of them, ASCII digits with dashes at 4 and 7 (every lock entry has a date to read).
        var fields = (year: 0, month: 0, day: 0)
        var position = 0
        for byte in text.utf8 {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position < 10 else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch position {
                case ..<4: fields.year = fields.year * 10 + digit
                case ..<7: fields.month = fields.month * 10 + digit
                default: fields.day = fields.day * 10 + digit
                }
            }
            position += 1
        }
        guard position == 10 else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic without Foundation calendars.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
