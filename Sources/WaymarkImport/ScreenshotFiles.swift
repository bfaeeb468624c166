import Foundation
import WaymarkModel

/// Checks that the screenshots a capture refers to exist beside it, so `validate` catches a missing image before
/// `build` needs it.
public enum ScreenshotFiles {
    /// A warning for each distinct screenshot path that is not a file relative to `capturePath`'s folder.
    /// Screenshots carried inside the recording (`embeddedData`) are not looked up.
    public static func check(_ captures: [Capture], capturePath: String) -> [Diagnostic] {
        let folder = URL(fileURLWithPath: capturePath).deletingLastPathComponent()
        var reported = Set<String>()
        var out: [Diagnostic] = []
        for capture in captures {
            for (index, step) in capture.steps.enumerated() {
                guard let shot = step.screenshot, shot.embeddedData == nil, !reported.contains(shot.path) else { continue }
                let url = folder.appendingPathComponent(shot.path)
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                    reported.insert(shot.path)
                    out.append(Diagnostic(
                        .captureScreenshotMissing, "Step \(index + 1): the screenshot '\(shot.path)' does not exist.",
                        hint: "Put the image beside the capture at that relative path, or remove the screenshot.",
                        at: SourceLocation(file: capturePath)))
                }
            }
        }
        return out
    }
}
