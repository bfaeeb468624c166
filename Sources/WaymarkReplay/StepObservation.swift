import WaymarkBrowser
import WaymarkModel

/// What the learner would see at one step, as the browser showed it: the outcome, the element's accessible name and
/// role as the browser computes them, its box on a screenshot taken just before the action, the page, and how long
/// the step took.
public struct StepObservation: Sendable {
    /// The step's index in the capture (0-based); reports print it 1-based.
    public var index: Int
    public var outcome: StepOutcome
    /// Why the outcome is not `ok`, in one sentence naming the element.
    public var message: String?
    /// W3C Get Computed Label of the element acted on, white space collapsed (nil when there was none).
    public var computedLabel: String?
    /// W3C Get Computed Role.
    public var computedRole: String?
    /// The viewport just before the action, with sensitive fields painted over.
    public var screenshot: ObservedScreenshot?
    /// The element's box in the screenshot's pixels (device pixel ratio and scroll handled).
    public var highlight: Rect?
    /// Elements of the wanted role with their names when nothing matched, most similar first.
    public var nearby: [NearbyElement]
    /// The page after the step.
    public var url: String?
    public var title: String?
    public var duration: Duration
    /// The share of pixels (0–1) that differ from the last refreshed screenshot of this step, when there was one.
    public var variation: Double?

    public init(index: Int, outcome: StepOutcome, message: String? = nil, computedLabel: String? = nil,
                computedRole: String? = nil, screenshot: ObservedScreenshot? = nil, highlight: Rect? = nil,
                nearby: [NearbyElement] = [], url: String? = nil, title: String? = nil, duration: Duration = .zero) {
        self.index = index
        self.outcome = outcome
        self.message = message
        self.computedLabel = computedLabel
        self.computedRole = computedRole
        self.screenshot = screenshot
        self.highlight = highlight
        self.nearby = nearby
        self.url = url
        self.title = title
        self.duration = duration
    }
}

/// A viewport PNG and its pixel size.
public struct ObservedScreenshot: Sendable, Hashable {
    public var png: [UInt8]
    public var width: Int
    public var height: Int

    public init(png: [UInt8], width: Int, height: Int) {
        self.png = png
        self.width = width
        self.height = height
    }
}

/// An element on the page that is not the one a step wanted: what a report suggests instead.
public struct NearbyElement: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// `a button “Send”`.
    public var description: String { "\(DriftDetector.article(role)) \(role) “\(name)”" }
}
