import Testing
import WaymarkModel
import WaymarkRender

/// Property-style checks of the caption timing model over many generated scripts.
@Suite struct NarrationTimingTests {
    static let vocabulary = [
        "Click", "the", "Save", "button", "a", "in", "field,", "type", "Berlin", "report.", "configuration",
        "administrator", "Übersicht", "👩🏽‍💻", "🇩🇪", "שלום", "עולם", "مرحبا", "&", "<tag>", "\"quoted\"", "I",
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenhalterung", "x", "42", "e\u{301}te\u{301}",
        String(repeating: "W", count: 97), "then", "choose", "Control", "plus", "S.",
    ]

    static func randomScript(_ rng: inout SplitMix64) -> NarrationScript {
        func sentence() -> SpokenSentence {
            let count = Int.random(in: 1...40, using: &rng)
            let words = (0..<count).map { _ in vocabulary.randomElement(using: &rng)! }
            return SpokenSentence(words: words.joined(separator: " ") + ".")
        }
        var segments = [NarrationSegment(kind: .intro, sentences: (0..<Int.random(in: 1...3, using: &rng)).map { _ in sentence() })]
        for n in 1...Int.random(in: 1...12, using: &rng) {
            segments.append(NarrationSegment(kind: .step(number: n), sentences: (0..<Int.random(in: 1...3, using: &rng)).map { _ in sentence() }))
        }
        segments.append(NarrationSegment(kind: .outro, sentences: [sentence()]))
        return NarrationScript(title: "Generated", language: "en", segments: segments)
    }

    @Test func invariantsHoldForGeneratedScripts() {
        var rng = SplitMix64(seed: 20261122)
        for _ in 0..<150 {
            let script = Self.randomScript(&rng)
            let timing = SpeechTimingModel(wordsPerMinute: Int.random(in: 80...400, using: &rng),
                                           pauseMilliseconds: Int.random(in: 0...3000, using: &rng))
            let timeline = CaptionTimeline(script: script, timing: timing)
            check(timeline, covers: script, timing: timing)
        }
    }

    private func check(_ timeline: CaptionTimeline, covers script: NarrationScript, timing: SpeechTimingModel,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let cues = timeline.cues
        #expect(cues.first?.startMilliseconds == 0, sourceLocation: sourceLocation)
        #expect(timeline.totalMilliseconds == cues.last?.endMilliseconds, sourceLocation: sourceLocation)
        for (index, cue) in cues.enumerated() {
            #expect(cue.startMilliseconds < cue.endMilliseconds, "empty cue", sourceLocation: sourceLocation)
            if index > 0 {
                #expect(cues[index - 1].endMilliseconds <= cue.startMilliseconds, "cues overlap", sourceLocation: sourceLocation)
            }
            #expect((1...2).contains(cue.lines.count), "cue has \(cue.lines.count) lines", sourceLocation: sourceLocation)
            for line in cue.lines {
                #expect(line.count <= 42 && !line.isEmpty, "line of \(line.count) characters: \(line)", sourceLocation: sourceLocation)
            }
            // ≤ 17 characters per second, in exact integer arithmetic.
            #expect(cue.characterCount * 1000 <= 17 * cue.durationMilliseconds, "too fast: \(cue.text)", sourceLocation: sourceLocation)
        }
        // Coverage: every segment's words appear in its cues, in order, and nothing else does.
        #expect(timeline.segments.count == script.segments.count, sourceLocation: sourceLocation)
        for (index, segment) in script.segments.enumerated() {
            let shown = cues.filter { $0.segmentIndex == index }.flatMap { $0.lines }.joined()
            let spoken = segment.sentences.map(\.spokenText).joined().filter { !$0.isWhitespace }
            #expect(shown.filter { !$0.isWhitespace } == spoken, "segment \(index) not covered", sourceLocation: sourceLocation)
            let span = timeline.segments[index]
            for cue in cues where cue.segmentIndex == index {
                #expect(cue.startMilliseconds >= span.startMilliseconds && cue.endMilliseconds <= span.endMilliseconds,
                        sourceLocation: sourceLocation)
            }
            if index > 0 {
                #expect(span.startMilliseconds - timeline.segments[index - 1].endMilliseconds == timing.pauseMilliseconds,
                        "pause between segments", sourceLocation: sourceLocation)
            }
            // Speech never runs faster than the model says: each segment lasts at least its spoken time.
            let spokenMs = segment.sentences.reduce(0) { $0 + timing.sentenceMilliseconds($1.spokenText) }
            #expect(span.endMilliseconds - span.startMilliseconds >= spokenMs - segment.sentences.count,
                    sourceLocation: sourceLocation)
        }
    }

    @Test func exampleCaptionsFollowTheModel() {
        // The shared example: "Click New report." at 150 wpm is (3 + 1.5) × 400 ms = 1.8 s.
        let timing = SpeechTimingModel(wordsPerMinute: 150, pauseMilliseconds: 800)
        #expect(timing.sentenceMilliseconds("Click New report.") == 1800)
        #expect(SpeechTimingModel.wordUnits("configuration") == 13.0 / 7.0)
        // A breath at the comma: (7 + 1.5 + 0.5) × 400 ms.
        #expect(timing.sentenceMilliseconds("In the Title field, type Berlin trip.") == 3600)
        // An address: "docs dot example dot com" is five words; digits one word each.
        #expect(SpeechTimingModel.wordUnits("docs.example.com") == 5)
        #expect(SpeechTimingModel.wordUnits("4410") == 4)
        #expect(SpeechTimingModel.minimumMilliseconds(forCharacters: 84) == 4942)
        #expect(SpeechTimingModel.minimumMilliseconds(forCharacters: 5) == 1000)
    }

    @Test func linesBreakAtWordsAndBalance() {
        let cues = CaptionLineBreaker.standard.cues(for: "In this video you'll learn to submit an expense report for a trip.")
        #expect(cues == [["In this video you'll learn to submit", "an expense report for a trip."]])
        let short = CaptionLineBreaker.standard.cues(for: "Click New report.")
        #expect(short == [["Click New report."]])
    }

    @Test func timestampsUseEachFormatsSeparator() {
        #expect(CaptionTimestamp.format(3_723_004, fractionSeparator: ".") == "01:02:03.004")
        #expect(CaptionTimestamp.format(4400, fractionSeparator: ",") == "00:00:04,400")
        #expect(CaptionTimestamp.seconds(4400) == "4.400")
        #expect(CaptionTimestamp.seconds(12) == "0.012")
    }
}
