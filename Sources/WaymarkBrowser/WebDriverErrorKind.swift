import WaymarkModel
/// The error codes of the W3C WebDriver specification (section "Errors"), as the remote end spells them.
///
/// A struct rather than an enum so that a code from a newer driver is kept as written instead of being lost; the
/// constants cover every code the specification defines. `BrowserError` carries one when the remote end reported it,
/// so callers can react to `staleElementReference` or `noSuchWindow` without parsing messages.
public struct WebDriverErrorKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let elementClickIntercepted = Self(rawValue: "element click intercepted")
    public static let elementNotInteractable = Self(rawValue: "element not interactable")
    public static let insecureCertificate = Self(rawValue: "insecure certificate")
    public static let invalidArgument = Self(rawValue: "invalid argument")
    public static let invalidCookieDomain = Self(rawValue: "invalid cookie domain")
    public static let invalidElementState = Self(rawValue: "invalid element state")
    public static let invalidSelector = Self(rawValue: "invalid selector")
    public static let invalidSessionID = Self(rawValue: "invalid session id")
    public static let javascriptError = Self(rawValue: "javascript error")
    public static let moveTargetOutOfBounds = Self(rawValue: "move target out of bounds")
    public static let noSuchAlert = Self(rawValue: "no such alert")
    public static let noSuchCookie = Self(rawValue: "no such cookie")
    public static let noSuchElement = Self(rawValue: "no such element")
    public static let noSuchFrame = Self(rawValue: "no such frame")
    public static let noSuchWindow = Self(rawValue: "no such window")
    public static let noSuchShadowRoot = Self(rawValue: "no such shadow root")
    public static let scriptTimeout = Self(rawValue: "script timeout")
    public static let sessionNotCreated = Self(rawValue: "session not created")
    public static let staleElementReference = Self(rawValue: "stale element reference")
    public static let detachedShadowRoot = Self(rawValue: "detached shadow root")
    public static let timeout = Self(rawValue: "timeout")
    public static let unableToSetCookie = Self(rawValue: "unable to set cookie")
    public static let unableToCaptureScreen = Self(rawValue: "unable to capture screen")
    public static let unexpectedAlertOpen = Self(rawValue: "unexpected alert open")
    public static let unknownCommand = Self(rawValue: "unknown command")
    public static let unknownError = Self(rawValue: "unknown error")
    public static let unknownMethod = Self(rawValue: "unknown method")
    public static let unsupportedOperation = Self(rawValue: "unsupported operation")

    public var description: String { rawValue }

    /// The Waymark diagnostic code for this W3C error.
    ///
    /// `unknown error` is refined by the caller from the message where the driver says more (a crashed browser,
    /// a failed navigation); here it is `browser.driver-error`.
    public var diagnosticCode: DiagnosticCode {
        switch self {
        case .noSuchElement: .browserElementNotFound
        case .staleElementReference, .detachedShadowRoot: .browserElementStale
        case .elementNotInteractable, .elementClickIntercepted, .invalidElementState, .moveTargetOutOfBounds:
            .browserElementNotInteractable
        case .timeout, .scriptTimeout: .browserTimeout
        case .noSuchWindow: .browserNoSuchWindow
        case .noSuchFrame: .browserNoSuchFrame
        case .noSuchShadowRoot: .browserNoSuchShadowRoot
        case .unexpectedAlertOpen: .browserUnexpectedAlert
        case .noSuchAlert: .browserNoAlert
        case .invalidSessionID: .browserSessionClosed
        case .sessionNotCreated: .browserSessionFailed
        case .javascriptError: .browserScriptError
        case .invalidSelector, .invalidArgument: .browserInvalidQuery
        case .unknownCommand, .unknownMethod, .unsupportedOperation: .browserUnsupported
        default: .browserDriverError
        }
    }
}
