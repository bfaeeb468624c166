/// Where a step's screenshot lives in a capture's output folder: `images/step-NN.<ext>`.
///
/// The one place that names output images, so the guide, the shot list and the video assembler agree.
public enum GuideImagePath {
    /// `images/step-03.png` for step 3 of a screenshot read from `shots/login.PNG`. Steps above 99 get three digits.
    public static func path(forStep step: Int, source: String) -> String {
        let number = step < 10 ? "0\(step)" : String(step)
        return "images/step-\(number).\(fileExtension(of: source))"
    }

    /// The lowercased extension of `source` when it is a known image type, else `png`.
    static func fileExtension(of source: String) -> String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "png" }
        let ext = name[name.index(after: dot)...].lowercased()
        let known: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp"]
        return known.contains(ext) ? (ext == "jpeg" ? "jpg" : ext) : "png"
    }
}
