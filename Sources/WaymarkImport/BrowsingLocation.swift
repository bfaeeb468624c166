import WaymarkJSON
import WaymarkModel

/// Where in the browser a Chrome DevTools Recorder step happens: which tab or pop-up (`target`, "main" or the page's
/// address) and which frame inside it (`frame`, a path of frame indexes from the top document).
///
/// The Recorder stores this on every step; people and replay need it only where it changes. So the importer keeps
/// the current location and, before a step somewhere else, adds the `switchContext` steps Selenium recordings have
/// (`selectWindow`, `selectFrame`): "Switch to the new window.", "Switch to the first frame.". Replay performs
/// them, and guides say them in the same words as for Selenium.
struct BrowsingLocation: Equatable {
    /// "main", or the address of the pop-up or tab the step happens in.
    var target = "main"
    /// Frame indexes from the top document of `target`; empty for the top document.
    var frames: [Int] = []

    init() {}

    /// The location a step names (fields it lacks mean the main page's top document). Wrong types are reported
    /// where the step's words are made (`ChromeRecorderImporter.context`) and read here as absent.
    init(_ node: JSONNode) {
        if let t = node["target"]?.stringValue, !t.isEmpty { target = t }
        for f in node["frame"]?.arrayValue ?? [] {
            if let i = f.intValue, i >= 0 { frames.append(i) }
        }
    }

    /// The steps that take the browser from here to `next`, and `next` becomes the current location.
    mutating func moves(to next: BrowsingLocation) -> [Step] {
        guard next != self else { return [] }
        var steps: [Step] = []
        if next.target != target {
            if next.target == "main" {
                steps.append(Step(action: .switchContext, target: Target(role: "window", selectors: []), value: "main"))
            } else {
                // Phrased "Switch to the new window."; replay finds the window showing this address (mapped).
                steps.append(Step(action: .switchContext, target: Target(role: "window", selectors: [next.target])))
            }
            frames = []
        }
        if next.frames != frames {
            // Up to the frame both paths share (to the top in one step), then down into the new one.
            let shared = zip(frames, next.frames).prefix { $0 == $1 }.count
            if shared == 0, !frames.isEmpty {
                steps.append(Step(action: .switchContext, target: Target(role: "frame", selectors: ["relative=top"]), value: "main"))
            } else {
                for level in stride(from: frames.count - 1, through: shared, by: -1) {
                    let parent = level == 0 ? "main" : FrameName.ordinal(index: frames[level - 1])
                    steps.append(Step(action: .switchContext, target: Target(role: "frame", selectors: ["relative=parent"]), value: parent))
                }
            }
            for index in next.frames[shared...] {
                steps.append(Step(action: .switchContext, target: Target(role: "frame", selectors: ["index=\(index)"]),
                                  value: FrameName.ordinal(index: index)))
            }
        }
        self = next
        return steps
    }
}
