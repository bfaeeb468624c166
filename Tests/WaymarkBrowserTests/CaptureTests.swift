import Foundation
import Testing
import WaymarkModel
@testable import WaymarkBrowser

/// Fresh screenshots (decoded and measured), element boxes in screenshot pixels, PDF printing, a page that never
/// finishes loading, and the network policy that keeps the browser on loopback — in a browser at device pixel
/// ratio 2, as a high-density guide would be captured.
@Suite(.serialized, .enabled(if: BrowserTestEnvironment.replaySitesAvailable, BrowserTestEnvironment.missingSitesReason),
       .sharedBrowser(SessionOptions(viewport: ViewportSize(width: 800, height: 600), deviceScaleFactor: 2, elementWait: .seconds(5))))
struct CaptureTests {
    /// A page with a red box at a known place, tall enough to scroll.
    private func boxPage(_ f: BrowserFixture) throws -> String {
        try f.page("box.html", """
            <!doctype html><style>body { margin: 0; background: #fff; height: 3000px }</style>
            <div id="box" style="position: absolute; left: 100px; top: 150px; width: 200px; height: 80px; background: rgb(255, 0, 0)"></div>
            <div id="low" style="position: absolute; left: 40px; top: 900px; width: 60px; height: 30px; background: rgb(0, 0, 255)"></div>
            """)
    }

    @Test func screenshotIsAPNGOfTheViewportTimesThePixelRatio() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: try boxPage(f))
        #expect(try await f.session.viewportSize() == ViewportSize(width: 800, height: 600))
        #expect(try await f.session.devicePixelRatio() == 2)
        let shot = try await f.session.screenshot()
        #expect(shot.devicePixelRatio == 2)
        #expect(shot.pixelWidth == 1600)
        #expect(shot.pixelHeight == 1200)
        let image = try DecodedPNG(shot.png)
        #expect(image.width == 1600)
        #expect(image.height == 1200)
        #expect(image.rgb(5, 5) == [255, 255, 255])

        let element = try await f.session.find(.css("#box")).screenshot()
        let elementImage = try DecodedPNG(element)
        #expect(elementImage.width == 400)
        #expect(elementImage.height == 160)
        #expect(elementImage.rgb(200, 80) == [255, 0, 0])
    }

    @Test func elementRectsLandOnTheRightScreenshotPixels() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: try boxPage(f))
        let box = try await f.session.find(.css("#box"))
        let rect = try await box.rect()
        #expect(rect == ElementRect(x: 100, y: 150, width: 200, height: 80))
        var shot = try await f.session.screenshot()
        var image = try DecodedPNG(shot.png)
        let pixels = shot.pixelRect(for: rect)
        #expect(pixels == PixelRect(x: 200, y: 300, width: 400, height: 160))
        #expect(image.rgb(pixels.x + 2, pixels.y + 2) == [255, 0, 0])
        #expect(image.rgb(pixels.x + pixels.width - 3, pixels.y + pixels.height - 3) == [255, 0, 0])
        #expect(image.rgb(pixels.x - 3, pixels.y - 3) == [255, 255, 255])
        #expect(image.rgb(pixels.x + pixels.width + 2, pixels.y + pixels.height + 2) == [255, 255, 255])

        // Scrolled: the rect stays in document coordinates, the pixels move with the viewport.
        try await f.session.scroll(toX: 0, y: 700)
        let low = try await f.session.find(.css("#low"))
        let lowRect = try await low.rect()
        #expect(lowRect == ElementRect(x: 40, y: 900, width: 60, height: 30))
        shot = try await f.session.screenshot()
        image = try DecodedPNG(shot.png)
        #expect(shot.scrollY == 700)
        let lowPixels = shot.pixelRect(for: lowRect)
        #expect(lowPixels == PixelRect(x: 80, y: 400, width: 120, height: 60))
        #expect(image.rgb(lowPixels.x + 60, lowPixels.y + 30) == [0, 0, 255])
        #expect(shot.pixelRect(for: rect).isEmpty, "the red box scrolled out of view")
    }

    @Test func printsThePageAsPDF() async throws {
        let f = try BrowserFixture.shared
        try await f.session.navigate(to: f.url("/puppeteer/main2.html"))
        let a4 = try await f.session.printPage()
        #expect(a4.starts(with: Array("%PDF-".utf8)))
        let a4Text = String(decoding: a4, as: UTF8.self)
        #expect(a4Text.contains("/MediaBox [0 0 595.91998 841.91998]"), "A4 is 595.92 × 841.92 pt")
        let letter = try await f.session.printPage(PrintOptions(paper: .letter, orientation: .landscape, margins: .uniform(0.5),
                                                                background: false, scale: 0.8))
        #expect(letter.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: letter, as: UTF8.self).contains("/MediaBox [0 0 792 612]"), "Letter landscape is 792 × 612 pt")
    }

    @Test func aPageThatNeverFinishesLoadingDoesNotHang() async throws {
        let f = try BrowserFixture.shared
        try await f.session.setTimeouts(BrowserTimeouts(pageLoad: .milliseconds(1500)))
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: BrowserError.self) {
            try await f.session.navigate(to: f.url("/never-finishes"))
        }
        #expect(error?.code == DiagnosticCode.browserPageLoadTimeout)
        #expect(started.duration(to: clock.now) < .seconds(15))
        // What did arrive is usable, and the session goes on.
        #expect(try await f.session.find(.css("#partial")).text() == "Still loading")
        try await f.session.setTimeouts(f.session.options.timeouts)
        try await f.session.navigate(to: f.url("/selenium/title.html"))
        #expect(try await f.session.title() == "test title")
    }

    @Test func theBrowserReachesOnlyLoopback() async throws {
        let f = try BrowserFixture.shared
        let blocked = await #expect(throws: BrowserError.self) {
            try await f.session.navigate(to: "http://waymark-blocked.example/")
        }
        #expect(blocked?.code == DiagnosticCode.browserNavigationFailed)
        #expect(blocked?.diagnostic.message.contains("ERR_NAME_NOT_RESOLVED") == true)
        // Not even an address written as a number: only 127.0.0.1 is excluded from the rule.
        let numeric = await #expect(throws: BrowserError.self) {
            try await f.session.navigate(to: "http://10.255.255.1:8080/")
        }
        #expect(numeric?.code == DiagnosticCode.browserNavigationFailed)

        // A page on loopback that tries to fetch from elsewhere is refused too.
        try await f.session.navigate(to: try f.page("fetch.html", """
            <!doctype html><title>fetch</title><script>
              fetch('http://waymark-blocked.example/data.json')
                .then(() => { document.title = 'reached' })
                .catch(() => { document.title = 'refused' });
            </script>
            """))
        try await f.session.waitUntil("the fetch to settle") { () throws(BrowserError) in
            try await f.session.title() != "fetch"
        }
        #expect(try await f.session.title() == "refused")

        // Allowing a host opens it, and only it: Chromium answers *.localhost with loopback once it is not mapped away.
        let allowedURL = "http://app.localhost:\(f.server.port)/selenium/title.html"
        let stillBlocked = await #expect(throws: BrowserError.self) { try await f.session.navigate(to: allowedURL) }
        #expect(stillBlocked?.code == DiagnosticCode.browserNavigationFailed)
        try await f.driver.withSession(SessionOptions(viewport: nil, network: .loopbackOnly(allowing: ["app.localhost"]))) { allowed in
            try await allowed.navigate(to: allowedURL)
            #expect(try await allowed.title() == "test title")
            let other = await #expect(throws: BrowserError.self) {
                try await allowed.navigate(to: "http://other.localhost:\(f.server.port)/selenium/title.html")
            }
            #expect(other?.code == DiagnosticCode.browserNavigationFailed)
        }
    }
}
