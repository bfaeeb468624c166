import Foundation
import WaymarkModel

/// A capture after `StepPhraser`: numbered human steps grouped into sections, ready to be written as a guide,
/// a job aid, a quiz or narration. Every renderer reads this one value, so they all say the same thing.
public struct PhrasedGuide: Sendable, Hashable {
    public var capture: Capture
    public var sections: [GuideSection]
    /// Warnings found while phrasing (no human label for a target, a folded event …).
    public var diagnostics: [Diagnostic]

    public init(capture: Capture, sections: [GuideSection], diagnostics: [Diagnostic] = []) {
        self.capture = capture
        self.sections = sections
        self.diagnostics = diagnostics
    }

    /// All steps in order, across sections.
    public var steps: [PhrasedStep] { sections.flatMap(\.steps) }
}

/// A run of steps that happen in one place (page, window, application).
public struct GuideSection: Sendable, Hashable {
    /// Heading such as "On the **Expense report** page"; nil for steps before any place is known.
    public var title: Instruction?
    public var steps: [PhrasedStep]

    public init(title: Instruction?, steps: [PhrasedStep]) {
        self.title = title
        self.steps = steps
    }
}

/// One numbered step as a learner reads it.
public struct PhrasedStep: Sendable, Hashable {
    /// 1-based number shown to learners, continuous across sections.
    public var number: Int
    /// Indices into `capture.steps` that this step stands for (several when low-level events were folded).
    public var sourceIndices: [Int]
    public var instruction: Instruction
    /// Callouts attached to this step: the step's own note and following `note` steps.
    public var notes: [String]
    public var screenshot: Screenshot?
    /// The main action of the step (of the last folded event when several were folded).
    public var action: Action

    public init(
        number: Int, sourceIndices: [Int], instruction: Instruction, notes: [String] = [],
        screenshot: Screenshot? = nil, action: Action
    ) {
        self.number = number
        self.sourceIndices = sourceIndices
        self.instruction = instruction
        self.notes = notes
        self.screenshot = screenshot
        self.action = action
    }
}

/// One generated file of a capture's materials, relative to `out/<capture-id>/`.
public struct RenderedFile: Sendable, Hashable {
    /// Relative path with `/` separators, e.g. `guide.md`, `captions.vtt`, `images/step-02.png`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
