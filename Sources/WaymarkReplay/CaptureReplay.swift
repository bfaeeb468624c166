import WaymarkModel

/// One capture replayed: the capture as prepared, what each step showed, and where replay stopped early.
public struct CaptureReplay: Sendable {
    public var capture: Capture
    /// One observation per step replay reached, in step order.
    public var observations: [StepObservation]
    /// The index of the step after which replay could not go on (a failed navigation, a page outside the capture's
    /// origins, a crashed browser); nil when every step was tried.
    public var stoppedAfter: Int?

    public init(capture: Capture, observations: [StepObservation], stoppedAfter: Int? = nil) {
        self.capture = capture
        self.observations = observations
        self.stoppedAfter = stoppedAfter
    }

    /// The observation of step `index`, if replay reached it.
    public func observation(at index: Int) -> StepObservation? {
        observations.first { $0.index == index }
    }
}
