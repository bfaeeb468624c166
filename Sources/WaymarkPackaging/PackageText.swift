import WaymarkModel
import WaymarkEscaping

/// How capture text enters package metadata (manifest titles, cmi5 titles): whitespace collapsed to single spaces,
/// and the few characters XML 1.0 cannot hold at all replaced (control characters are already gone by then).
enum PackageText {
    static func xmlSafe(_ text: String) -> String {
        XMLEscaping.replacingUnrepresentable(text.collapsingWhitespace)
    }
}
