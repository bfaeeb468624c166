import Foundation
import WaymarkBrowser
import WaymarkModel
import WaymarkRender

extension BuildPipeline {
    /// The printed files of `--package pdf`, by the page each is printed from, in the capture's folder.
    static let printedPages: [(page: String, pdf: String, kind: GuidePrinter.Page)] = [
        ("guide.html", "guide.pdf", .guide), ("job-aid.html", "job-aid.pdf", .jobAid),
    ]

    /// With `--package pdf`: prints `guide.pdf` and `job-aid.pdf` of every capture built this run from the
    /// `guide.html` and `job-aid.html` just written, and adds them to the capture's outputs (so the lock records them,
    /// the write guard protects hand edits and the dashboard links them).
    ///
    /// Runs after every capture is built and the stylesheet is written, because the pages are printed as they are on
    /// disk, stylesheet and screenshots included. One browser serves the whole build; it starts with the first page
    /// and is stopped when printing ends, whatever happened. A browser that cannot start (`browser.driver-missing`,
    /// `browser.browser-missing` …) is an error on each capture that needed it; its other materials stay built.
    func printPDFs(into results: inout [BuildReport.CaptureResult], outputRoot: URL, templates: TemplateSet) {
        guard options.packages.contains(.pdf) else { return }
        struct Job: Sendable {
            var result: Int
            var source: URL
            var pdf: String
            var kind: GuidePrinter.Page
        }
        var jobs: [Job] = []
        for (index, result) in results.enumerated() {
            let written = Set(result.outputs.map(\.path))
            for printed in Self.printedPages where written.contains(result.id + "/" + printed.page) {
                jobs.append(Job(
                    result: index, source: outputRoot.appendingPathComponent(result.id + "/" + printed.page),
                    pdf: printed.pdf, kind: printed.kind))
            }
        }
        guard !jobs.isEmpty else { return }
        let printer = GuidePrinter(
            paper: options.paper, printStylesheet: templates.sources[Self.printStylesheetName] ?? "",
            endpoint: .local(LocalDriverOptions(chromedriverPath: options.chromedriverPath, chromiumPath: options.chromiumPath)))
        let jobList = jobs
        let outcomes: [Result<GuidePrinter.Printed, BrowserError>] = BlockingTask.run {
            var outcomes: [Result<GuidePrinter.Printed, BrowserError>] = []
            for job in jobList {
                do throws(BrowserError) {
                    outcomes.append(.success(try await printer.print(job.source, as: job.kind)))
                } catch {
                    outcomes.append(.failure(error))
                }
            }
            await printer.stop()
            return outcomes
        }
        for (job, outcome) in zip(jobs, outcomes) {
            let id = results[job.result].id
            let display = results[job.result].sourcePath
            switch outcome {
            case .failure(let error):
                var diagnostic = error.diagnostic
                diagnostic.message = "\(job.pdf) was not printed: " + diagnostic.message
                results[job.result].diagnostics.append(diagnostic.inFile(display))
            case .success(let printed):
                if job.kind == .jobAid, printed.pages > 1 {
                    results[job.result].diagnostics.append(Diagnostic(
                        .packageJobAidPages,
                        "The printed job aid needs \(printed.pages) pages even at \(Int((GuidePrinter.jobAidScales.last ?? 1) * 100)) %.",
                        at: SourceLocation(file: display)))
                }
                let file = RenderedFile(path: job.pdf, contents: Data(printed.pdf))
                let (output, problem) = write(file, relativePath: id + "/" + job.pdf, root: outputRoot)
                if let output {
                    results[job.result].outputs.append(output)
                    results[job.result].dashboard?.files?.insert(job.pdf)
                }
                if let problem { results[job.result].diagnostics.append(problem) }
            }
        }
        for index in results.indices { results[index].outputs.sort { $0.path < $1.path } }
    }

    /// The stylesheet added to pages while they are printed (overridable like the other package files).
    static let printStylesheetName = "packages/pdf/print.css"
}
