import WaymarkModel

/// The capture a refresh writes: the recording's steps with the application's screenshots, highlight boxes and
/// labels.
///
/// A label or instruction a person wrote is never replaced; labels that were missing or made from identifiers (or
/// filled by an earlier replay) take the accessible name the browser computed. `origin` keeps pointing at the
/// recording (or at what it already pointed at), so building the refreshed capture gives guides with real
/// screenshots and replaying it again refreshes them. Secrets never reach the file: sensitive values are masked.
public enum ReplayedCapture {
    /// The refreshed capture and the images it refers to (`images/<id>/step-NN.png`, relative to the capture file).
    public static func make(_ replay: CaptureReplay) -> (capture: Capture, images: [(path: String, png: [UInt8])]) {
        var capture = replay.capture
        if capture.origin == nil { capture.origin = replay.capture.source }
        var images: [(String, [UInt8])] = []
        // A screenshot path of the recording is relative to the recording's folder, not to the refreshed file's.
        for index in capture.steps.indices where replay.observation(at: index)?.screenshot == nil {
            capture.steps[index].screenshot = nil
        }
        for observation in replay.observations {
            var step = capture.steps[observation.index]
            if let label = observation.computedLabel, var target = step.target, needsLabel(target) {
                target.label = label
                target.labelSource = .application
                step.target = target
            }
            if let shot = observation.screenshot {
                let path = imagePath(captureID: capture.id, stepIndex: observation.index)
                images.append((path, shot.png))
                step.screenshot = Screenshot(path: path, highlight: observation.highlight, width: shot.width, height: shot.height)
            }
            if step.sensitive, step.value != nil { step.value = Redactor.mask }
            capture.steps[observation.index] = step
        }
        return (capture, images)
    }

    /// `images/<id>/step-NN.png` (1-based, two digits at least).
    public static func imagePath(captureID: String, stepIndex: Int) -> String {
        let n = stepIndex + 1
        return "images/\(captureID)/step-\(n < 10 ? "0" : "")\(n).png"
    }

    /// Whether the target's label is one replay may fill: none, made from an identifier, or filled by replay.
    static func needsLabel(_ target: Target) -> Bool {
        guard let label = target.label, !label.collapsingWhitespace.isEmpty else { return true }
        return target.labelSource == .identifier || target.labelSource == .application
    }
}
