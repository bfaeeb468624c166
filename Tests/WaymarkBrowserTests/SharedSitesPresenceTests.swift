import Testing

/// The browser suites need the real pages in `../shared/replay-sites`. Locally a checkout without them skips those
/// suites (with the reason); under CI that would be a silent pass, so this test fails instead.
@Suite struct SharedSitesPresenceTests {
    @Test func replaySitesArePresentWhenRunningInCI() {
        #expect(!BrowserTestEnvironment.isCI || BrowserTestEnvironment.replaySitesAvailable,
                "CI=true but \(BrowserTestEnvironment.replaySites.path) is missing: the browser tests cannot run")
    }
}
