import Foundation
import WaymarkImport
import WaymarkModel

/// Writes a synthetic corpus: `DIR/<capture-id>.<ext>` for every capture and, when screenshots are asked for,
/// `DIR/images/screen-NN.png` shared by all captures (each image is made once and referenced many times).
struct CorpusWriter {
    enum Format: String, CaseIterable {
        case json, xml, chrome, side
    }

    var captures: Int
    var steps: Int
    var format: Format
    var seed: UInt64
    var screenshots: Int
    var folder: URL

    static let screenSize = (width: 160, height: 100)

    func run() throws -> (files: Int, bytes: Int) {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        // Chrome Recorder and Selenium IDE exports carry no screenshots.
        if screenshots > 0, format != .chrome, format != .side {
            let images = folder.appendingPathComponent("images")
            try fm.createDirectory(at: images, withIntermediateDirectories: true)
            for n in 1...screenshots {
                let name = "screen-\(n.leftPadded(2)).png"
                let png = SyntheticImages.png(width: Self.screenSize.width, height: Self.screenSize.height, variant: n - 1)
                try Data(png).write(to: images.appendingPathComponent(name))
                paths.append("images/\(name)")
            }
        }
        let factory = SyntheticCaptureFactory(seed: seed, stepsPerCapture: steps, screenshotPaths: paths,
                                              screenshotSize: Self.screenSize)
        let ext = switch format {
        case .xml: "xml"
        case .side: "side"
        case .json, .chrome: "json"
        }
        let format = self.format
        let folder = self.folder
        // Captures are independent: write them in chunks across the cores.
        let chunk = 256
        let chunks = (captures + chunk - 1) / chunk
        let results = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var bytes = 0
            var failure: String?
            captureLoop: for index in (c * chunk)..<min(captures, (c + 1) * chunk) {
                var capture = factory.capture(index)
                capture.source = CaptureSource(format: format == .xml ? .waymarkXML : .waymarkJSON, path: "")
                let text: String
                switch format {
                case .json: text = NativeCaptureWriter.json(capture)
                case .chrome: text = ChromeRecorderExport.json(capture)
                case .side: text = SeleniumSideExport.json(capture)
                case .xml:
                    do { text = try NativeCaptureWriter.xml(capture) } catch {
                        failure = "capture \(capture.id): \((error as? DiagnosticError)?.diagnostics.map { $0.message }.joined(separator: "; ") ?? "\(error)")"
                        break captureLoop
                    }
                }
                let data = Data(text.utf8)
                let path = folder.appendingPathComponent("\(capture.id).\(ext)").path
                if !FileManager.default.createFile(atPath: path, contents: data) {
                    failure = "cannot write \(path)"
                    break captureLoop
                }
                bytes += data.count
            }
            results.set(c, bytes: bytes, failure: failure)
        }
        if let failure = results.firstFailure { throw BenchError(failure) }
        return (captures, results.totalBytes + paths.count)
    }
}

/// Per-chunk results written from concurrent workers (each writes only its own slot, under a lock).
final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [Int]
    private var failures: [String?]

    init(count: Int) {
        bytes = Array(repeating: 0, count: count)
        failures = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, bytes: Int, failure: String?) {
        lock.lock(); defer { lock.unlock() }
        self.bytes[index] = bytes
        failures[index] = failure
    }

    var totalBytes: Int { lock.lock(); defer { lock.unlock() }; return bytes.reduce(0, +) }
    var firstFailure: String? { lock.lock(); defer { lock.unlock() }; return failures.compactMap { $0 }.first }
}
