/// The W3C WebDriver location strategies ("Locator strategies"), the primitive that every `ElementQuery` ends in.
///
/// Shadow roots accept only `css` and the two link-text strategies in chromedriver; the others are refused there with
/// `browser.invalid-query`.
public enum WebDriverLocator: Hashable, Sendable, CustomStringConvertible {
    case css(String)
    case xpath(String)
    /// An `<a>` whose rendered text is exactly this.
    case linkText(String)
    /// An `<a>` whose rendered text contains this.
    case partialLinkText(String)
    case tagName(String)

    /// The strategy name on the wire.
    var strategy: String {
        switch self {
        case .css: "css selector"
        case .xpath: "xpath"
        case .linkText: "link text"
        case .partialLinkText: "partial link text"
        case .tagName: "tag name"
        }
    }

    var value: String {
        switch self {
        case .css(let v), .xpath(let v), .linkText(let v), .partialLinkText(let v), .tagName(let v): v
        }
    }

    public var description: String { "\(strategy) \(value)" }
}
