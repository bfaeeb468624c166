import Foundation

/// One thing a person does (or checks, or is told) in a recorded process.
///
/// Fields are optional where recorders differ in what they capture; renderers turn whatever is present into prose.
/// `instruction` lets a writer replace the generated sentence inside the capture itself, so wording fixes survive
/// rebuilds instead of living as hand edits to generated files.
public struct Step: Sendable, Hashable, Codable {
    public var action: Action
    public var target: Target?
    /// Text typed, option selected, expected text of an assertion, file uploaded, scroll direction, wait condition.
    public var value: String?
    /// When true, `value` is a secret: it is never printed, spoken, fingerprinted or written to any output.
    public var sensitive: Bool
    /// Key name for `press` (`Enter`, `S`, `F5`, `Tab`), combined with `modifiers`.
    public var key: String?
    public var modifiers: [KeyModifier]
    /// Address for `navigate` (and the page a step happened on, where the recorder knows it).
    public var url: String?
    /// Where a `drag` ends.
    public var destination: Target?
    public var screenshot: Screenshot?
    /// A writer's remark shown as a callout; for `note` steps the note is the whole step.
    public var note: String?
    /// When the step happened, as the recorder wrote it. Not part of what a learner sees.
    public var time: String?
    /// A writer's own sentence that replaces the generated instruction.
    public var instruction: String?
    /// For `custom` steps: the foreign step type that Waymark did not recognise (`startTimespan`, `mouseMoveAt` …).
    public var customType: String?
    /// Recorder-generated identifier. Kept for round trips, ignored by fingerprints.
    public var id: String?

    public init(
        action: Action,
        target: Target? = nil,
        value: String? = nil,
        sensitive: Bool = false,
        key: String? = nil,
        modifiers: [KeyModifier] = [],
        url: String? = nil,
        destination: Target? = nil,
        screenshot: Screenshot? = nil,
        note: String? = nil,
        time: String? = nil,
        instruction: String? = nil,
        customType: String? = nil,
        id: String? = nil
    ) {
        self.action = action
        self.target = target
        self.value = value
        self.sensitive = sensitive
        self.key = key
        self.modifiers = modifiers
        self.url = url
        self.destination = destination
        self.screenshot = screenshot
        self.note = note
        self.time = time
        self.instruction = instruction
        self.customType = customType
        self.id = id
    }
}

/// What kind of thing a step does. Raw values are the names used in the native formats.
public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
    case navigate, click, doubleClick, rightClick, hover, type, press, select, check, uncheck, scroll, drag, upload
    case wait, assert, switchContext, note, custom
}

/// Keyboard modifiers, in the order people say them (`Ctrl+Shift+S`).
public enum KeyModifier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case ctrl, alt, shift, meta

    private var order: Int {
        switch self {
        case .ctrl: 0
        case .alt: 1
        case .shift: 2
        case .meta: 3
        }
    }

    public static func < (lhs: KeyModifier, rhs: KeyModifier) -> Bool { lhs.order < rhs.order }
}

/// The thing on screen a step acts on, described first for people (`label`, `role`) and then for machines.
public struct Target: Sendable, Hashable, Codable {
    /// What a person reads on screen: the button text, the field's label, the link text.
    public var label: String?
    /// Where `label` came from when nobody wrote it; nil when a person or the recorder gave it. Renderers warn about
    /// labels made from identifiers, and `waymark replay` replaces those (never a written one) with what the
    /// application shows.
    public var labelSource: LabelSource?
    /// What kind of control it is, in plain words: `button`, `link`, `text field`, `menu item`, `checkbox`.
    public var role: String?
    /// Machine locators as recorded (CSS, XPath, `aria/…`), best first. Never shown in prose.
    public var selectors: [String]
    /// Where the control lives: the page, window, frame or application name.
    public var context: String?

    public init(
        label: String? = nil, role: String? = nil, selectors: [String] = [], context: String? = nil,
        labelSource: LabelSource? = nil
    ) {
        self.label = label
        self.labelSource = labelSource
        self.role = role
        self.selectors = selectors
        self.context = context
    }
}

/// How a label that nobody wrote was found. Raw values are the names used in the native formats.
public enum LabelSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Human text inside a locator: an accessible name (`aria/Save`), visible text (`text/Save`, `linkText=Save`,
    /// an XPath `text()` test) or an attribute people read (`aria-label`, `placeholder`, `title`, `alt`).
    case selector
    /// Words made from an id, name, test id or class (`#expense-amount` → "Expense amount"): readable, but a guess.
    case identifier
    /// The accessible name the running application computed for the element (`waymark replay`).
    case application
}

/// A picture of the screen at a step, with the part the step acts on highlighted.
public struct Screenshot: Sendable, Hashable, Codable {
    /// Path relative to the capture file's folder; never absolute, never escaping that folder.
    public var path: String
    /// Highlight rectangle in image pixels.
    public var highlight: Rect?
    /// Natural image size in pixels, so the highlight can be scaled with the image.
    public var width: Int?
    public var height: Int?
    /// Image bytes carried inside the recording itself (a Steps Recorder .mht holds its screenshots). When set,
    /// the build writes these bytes instead of reading `path` from disk; native files never carry them.
    public var embeddedData: Data?

    public init(path: String, highlight: Rect? = nil, width: Int? = nil, height: Int? = nil, embeddedData: Data? = nil) {
        self.path = path
        self.highlight = highlight
        self.width = width
        self.height = height
        self.embeddedData = embeddedData
    }
}

/// An axis-aligned rectangle in pixels.
public struct Rect: Sendable, Hashable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
