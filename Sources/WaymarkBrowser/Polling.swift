/// Deadlines and durations shared by the waits and the wire adapter.
extension Duration {
    /// Whole milliseconds, rounded down, as WebDriver timeouts and action durations are written.
    var wholeMilliseconds: Int {
        let c = components
        return Int(c.seconds) * 1000 + Int(c.attoseconds / 1_000_000_000_000_000)
    }

    /// Seconds as a short human number: "10 s", "0.5 s".
    var secondsText: String {
        let ms = wholeMilliseconds
        if ms % 1000 == 0 { return "\(ms / 1000) s" }
        let tenths = Double((ms + 50) / 100) / 10
        return "\(tenths) s"
    }
}

/// Polls `attempt` until it returns a value or `timeout` has passed, sleeping `interval` between attempts.
///
/// This is the only way Waymark waits for a page: never a fixed sleep, always a condition with a deadline. The last
/// attempt starts before the deadline, so a wait of zero still looks once. Returns nil when time ran out.
func poll<T: Sendable>(
    timeout: Duration, interval: Duration,
    _ attempt: () async throws(BrowserError) -> T?
) async throws(BrowserError) -> T? {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
        if Task.isCancelled { throw BrowserError.cancelled }
        if let value = try await attempt() { return value }
        let now = clock.now
        if now >= deadline { return nil }
        let pause = min(interval, now.duration(to: deadline))
        do { try await Task.sleep(for: pause) } catch { throw BrowserError.cancelled }
    }
}
