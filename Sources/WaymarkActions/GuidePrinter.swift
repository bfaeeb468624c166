import Foundation
import WaymarkBrowser
import WaymarkModel

/// Prints a build's pages — `guide.html`, `job-aid.html` — to PDF in headless Chromium, through the one browser
/// adapter (`WaymarkBrowser`).
///
/// One printer serves a whole build: it starts chromedriver and one browser session the first time it prints (so a
/// build that prints nothing starts no browser) and `stop()` ends both. The session may load nothing but local files
/// and loopback (`NetworkPolicy.loopbackOnly`): a page is opened from the output folder with a `file:` address, and
/// a guide that named an outside image could not make the browser fetch it. Each PDF is returned with its
/// timestamps pinned (`PrintedPDF`), so the same page prints to the same bytes.
actor GuidePrinter {
    /// Which page is printed; the job aid is shrunk until it fits on one sheet.
    enum Page: Sendable {
        case guide
        case jobAid
    }

    /// A printed page: the PDF's bytes and how many pages it has.
    struct Printed: Sendable {
        var pdf: [UInt8]
        var pages: Int
    }

    /// Scales the job aid is tried at, largest first, until it fits on one page.
    static let jobAidScales: [Double] = [1, 0.9, 0.8, 0.7, 0.6, 0.5]

    let paper: PaperSize
    /// `Templates/packages/pdf/print.css` (or its override), added to each page before it is printed.
    let printStylesheet: String
    let endpoint: BrowserEndpoint
    private var driver: BrowserDriver?
    private var session: BrowserSession?
    /// Why the browser could not be started: every later page fails the same way without trying again.
    private var startFailure: BrowserError?

    init(paper: PaperSize, printStylesheet: String, endpoint: BrowserEndpoint = .local()) {
        self.paper = paper
        self.printStylesheet = printStylesheet
        self.endpoint = endpoint
    }

    /// Prints the page at `file` (a local file) as `page`.
    func print(_ file: URL, as page: Page) async throws(BrowserError) -> Printed {
        let session = try await openSession()
        try await session.navigate(to: file.standardizedFileURL.absoluteString)
        _ = try await session.executeScript(Self.preparePage, [.string(printStylesheet)])
        let scales = page == .jobAid ? Self.jobAidScales : [1]
        var printed = Printed(pdf: [], pages: 0)
        for scale in scales {
            let pdf = try await session.printPage(PrintOptions(
                paper: paper == .letter ? .letter : .a4, margins: .uniform(1.2), background: true, scale: scale,
                shrinkToFit: true))
            printed = Printed(pdf: PrintedPDF.pinningTimestamps(pdf), pages: PrintedPDF.pageCount(pdf))
            if printed.pages <= 1 { break }
        }
        return printed
    }

    /// Ends the session and the driver (and every browser process it started). Safe to call when nothing started.
    func stop() async {
        if let session { await session.close() }
        session = nil
        if let driver { await driver.stop() }
        driver = nil
    }

    private func openSession() async throws(BrowserError) -> BrowserSession {
        if let session { return session }
        if let startFailure { throw startFailure }
        do {
            let driver = try await BrowserDriver.start(endpoint)
            self.driver = driver
            let session = try await driver.newSession(SessionOptions(network: .loopbackOnly()))
            self.session = session
            return session
        } catch {
            startFailure = error
            await stop()
            throw error
        }
    }

    /// Adds the print stylesheet, prints the address of each outside link whose text does not show it, and takes
    /// the address off links to files beside the page (on paper they lead nowhere, and a printed `file:` address
    /// would name folders of the machine that built it).
    static let preparePage = """
        const style = document.createElement('style');
        style.setAttribute('data-waymark', 'print');
        style.textContent = arguments[0];
        (document.head || document.documentElement).appendChild(style);
        for (const link of Array.from(document.querySelectorAll('a[href]'))) {
          const href = link.getAttribute('href');
          if (href.startsWith('#')) continue;
          if (/^(https?|mailto):/i.test(href)) {
            const address = href.replace(/^mailto:/i, '');
            const shown = link.textContent.replace(/\\s+/g, ' ').trim();
            if (!shown.includes(address) && link.closest('figure') === null) {
              const note = document.createElement('span');
              note.className = 'wm-print-address';
              note.textContent = ' (' + address + ')';
              link.after(note);
            }
          } else {
            link.removeAttribute('href');
          }
        }
        return true;
        """
}
