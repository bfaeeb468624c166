import WaymarkModel

/// A short multiple-choice check generated from a guide's own steps.
///
/// Questions ask what comes next ("After you type `184.50` in **Amount**, what do you click next?") or where a value
/// goes; answers and distractors are labels from the same capture, so learners choose between things they really
/// see on screen. Generation is deterministic: choices are ordered by a pseudo-random generator seeded from the
/// capture id, so rebuilding never reshuffles a published quiz.
public struct KnowledgeCheck: Sendable, Hashable {
    public struct Question: Sendable, Hashable {
        public var prompt: Instruction
        public var options: [Instruction]
        /// Index of the right option in `options`.
        public var answer: Int
        /// The guide step the question is about.
        public var stepNumber: Int
    }

    public var questions: [Question]

    /// Guides with at least this many steps get a knowledge check unless it is switched off.
    public static let automaticMinimumSteps = 5
    public static let minimumQuestions = 3
    public static let maximumQuestions = 5

    /// Option letters as printed: a), b), c), d).
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index)))
    }

    /// "1 b, 2 c, 3 a."
    public var answerKey: String {
        questions.enumerated().map { "\($0.offset + 1) \(Self.letter($0.element.answer))" }.joined(separator: ", ") + "."
    }

    /// The check for `guide`, or nil when it is switched off, the guide is short, or the capture has too few
    /// distinct labels to make at least three fair questions.
    public static func make(for guide: PhrasedGuide, mode: QuizMode) -> KnowledgeCheck? {
        switch mode {
        case .never: return nil
        case .automatic where guide.steps.count < automaticMinimumSteps: return nil
        default: break
        }
        let builder = QuestionBuilder(guide: guide)
        let candidates = builder.candidates()
        guard candidates.count >= minimumQuestions else { return nil }
        let chosen: [QuestionBuilder.Candidate]
        if candidates.count <= maximumQuestions {
            chosen = candidates
        } else {
            // Spread the questions over the whole guide.
            let n = candidates.count
            chosen = (0..<maximumQuestions).map { candidates[($0 * (n - 1) + (maximumQuestions - 1) / 2) / (maximumQuestions - 1)] }
        }
        var generator = SplitMix64(seed: guide.capture.id)
        let questions = chosen.map { builder.question(for: $0, using: &generator) }
        return KnowledgeCheck(questions: questions)
    }
}

/// Finds the steps that make good questions and the labels to offer as choices.
struct QuestionBuilder {
    struct Candidate {
        enum Kind { case nextClick, fieldForValue(String) }
        var kind: Kind
        var step: PhrasedStep
        var previous: PhrasedStep?
        var answer: String
        var pool: [String]
    }

    let guide: PhrasedGuide
    let secrets: [String]

    init(guide: PhrasedGuide) {
        self.guide = guide
        self.secrets = Redactor.secrets(of: guide.capture)
    }

    func isSecret(_ text: String) -> Bool { Redactor.reveals(text, secrets: secrets) }

    /// The human label of a step's main target, only when the capture itself names it.
    func label(of step: PhrasedStep) -> String? {
        guard let index = step.sourceIndices.last, guide.capture.steps.indices.contains(index) else { return nil }
        // Folded steps: the last event with a labelled target.
        for i in step.sourceIndices.reversed() where guide.capture.steps.indices.contains(i) {
            let described = TargetDescriber.describe(guide.capture.steps[i].target)
            if described.origin == .label, let name = described.name, !isSecret(name) { return name }
        }
        return nil
    }

    func candidates() -> [Candidate] {
        let steps = guide.steps
        var clickLabels: [String] = []
        var fieldLabels: [String] = []
        for step in steps {
            guard let name = label(of: step) else { continue }
            switch step.action {
            case .click, .doubleClick, .rightClick, .check, .uncheck:
                if !clickLabels.contains(name) { clickLabels.append(name) }
            case .type, .select:
                if !fieldLabels.contains(name) { fieldLabels.append(name) }
            default: break
            }
        }
        var out: [Candidate] = []
        var prompts = Set<String>()
        for (i, step) in steps.enumerated() {
            guard let answer = label(of: step) else { continue }
            switch step.action {
            case .click, .doubleClick, .check, .uncheck:
                guard i > 0 else { continue }
                let pool = (clickLabels + fieldLabels).filter { $0 != answer }
                guard pool.count >= 2 else { continue }
                let candidate = Candidate(kind: .nextClick, step: step, previous: steps[i - 1], answer: answer, pool: pool)
                let key = prompt(for: candidate).plainText
                if prompts.insert(key).inserted { out.append(candidate) }
            case .type:
                guard let value = typedValue(of: step) else { continue }
                var pool = fieldLabels.filter { $0 != answer }
                if pool.count < 2 { pool += clickLabels.filter { $0 != answer && !pool.contains($0) } }
                guard pool.count >= 2 else { continue }
                let candidate = Candidate(kind: .fieldForValue(value), step: step, previous: nil, answer: answer, pool: pool)
                let key = prompt(for: candidate).plainText
                if prompts.insert(key).inserted { out.append(candidate) }
            default:
                continue
            }
        }
        return out
    }

    /// The value typed in a step, when it may be shown and is short enough to quote.
    func typedValue(of step: PhrasedStep) -> String? {
        for i in step.sourceIndices.reversed() where guide.capture.steps.indices.contains(i) {
            let raw = guide.capture.steps[i]
            if raw.sensitive { return nil }
        }
        for segment in step.instruction.segments {
            if case .literal(let value) = segment, value.count <= 40, !isSecret(value) { return value }
        }
        return nil
    }

    func prompt(for candidate: Candidate) -> Instruction {
        switch candidate.kind {
        case .fieldForValue(let value):
            return Instruction([.text("In which field do you type "), .literal(value), .text("?")])
        case .nextClick:
            let verb: String
            switch candidate.step.action {
            case .check: verb = "which check box do you select next?"
            case .uncheck: verb = "which check box do you clear next?"
            case .doubleClick: verb = "what do you double-click next?"
            default: verb = "what do you click next?"
            }
            guard let previous = candidate.previous else { return Instruction([.text("What do you click first?")]) }
            return Instruction([.text("After you ")] + clause(for: previous) + [.text(", \(verb)")])
        }
    }

    /// The previous step as a clause: "type `184.50` in **Amount**", "click **New report**".
    func clause(for step: PhrasedStep) -> [Instruction.Segment] {
        switch step.action {
        case .navigate:
            // "On the **Reports** page" → "open the **Reports** page".
            if let section = guide.sections.first(where: { $0.steps.first?.number == step.number }),
               let title = section.title, case .text("On the ")? = title.segments.first {
                return [.text("open the ")] + title.segments.dropFirst()
            }
            return [.text("open the page")]
        case .type:
            if let name = label(of: step) {
                if let value = typedValue(of: step) { return [.text("type "), .literal(value), .text(" in "), .label(name)] }
                return [.text("fill in "), .label(name)]
            }
        case .press:
            for segment in step.instruction.segments {
                if case .keys = segment { return [.text("press "), segment] }
            }
        default:
            break
        }
        var segments = step.instruction.segments
        if case .text(var last)? = segments.last {
            while last.hasSuffix(".") || last.hasSuffix(" ") { last.removeLast() }
            if last.isEmpty { segments.removeLast() } else { segments[segments.count - 1] = .text(last) }
        }
        if case .text(let first)? = segments.first, let initial = first.first {
            segments[0] = .text(initial.lowercased() + first.dropFirst())
        }
        return segments
    }

    func question(for candidate: Candidate, using generator: inout SplitMix64) -> KnowledgeCheck.Question {
        var pool = candidate.pool
        var distractors: [String] = []
        let wanted = min(3, pool.count)
        while distractors.count < wanted, !pool.isEmpty {
            let index = Int(generator.next() % UInt64(pool.count))
            distractors.append(pool.remove(at: index))
        }
        var options = [candidate.answer] + distractors
        // Fisher–Yates with the seeded generator.
        if options.count > 1 {
            for i in stride(from: options.count - 1, to: 0, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                options.swapAt(i, j)
            }
        }
        let answer = options.firstIndex(of: candidate.answer) ?? 0
        return KnowledgeCheck.Question(
            prompt: prompt(for: candidate), options: options.map { Instruction([.label($0)]) }, answer: answer,
            stepNumber: candidate.step.number)
    }
}
