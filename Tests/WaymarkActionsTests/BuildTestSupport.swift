import Foundation
import WaymarkActions
import WaymarkImport
import WaymarkModel
import WaymarkTestSupport

/// Helpers for building captures into temporary folders and reading the results back.
enum BuildTestSupport {
    /// Builds `inputs` (relative to the package root) into a fresh temporary folder.
    static func build(
        _ inputs: [String], out: URL = Fixtures.temporaryDirectory("waymark-out"), jobs: Int = 2,
        base: URL = Fixtures.packageRoot, configure: (inout BuildOptions) -> Void = { _ in }
    ) -> (BuildReport, URL) {
        var options = BuildOptions(inputs: inputs, outputDirectory: out, jobs: jobs, baseDirectory: base)
        configure(&options)
        return (BuildPipeline(options: options).run(), out)
    }

    /// Relative path → bytes of every file under `folder`.
    static func tree(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        for url in Fixtures.files(under: folder) {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            out[String(path.dropFirst(root.count + 1))] = FileManager.default.contents(atPath: url.path)
        }
        return out
    }

    /// Every capture the registered importers read from the sample folder.
    static var sampleCaptures: [Capture] { captures(in: Fixtures.sampleCaptures) }

    static func captures(in folder: URL) -> [Capture] {
        let reader = CaptureReader()
        return Fixtures.files(under: folder).flatMap { url -> [Capture] in
            guard let input = try? CaptureInput.load(url), reader.detectFormat(of: input) != nil else { return [] }
            return reader.read(input).captures
        }
    }

    /// Writes a native JSON capture (and optional extra files) into a new folder; returns the folder.
    static func folder(with captures: [String: Capture], files: [String: Data] = [:]) throws -> URL {
        let folder = Fixtures.temporaryDirectory("waymark-in")
        for (name, capture) in captures {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(NativeCaptureWriter.json(capture).utf8).write(to: url)
        }
        for (name, data) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return folder
    }

    /// A tiny valid PNG of the given size (header only is enough for size detection; the bytes are a real PNG).
    static func png(width: UInt32, height: UInt32) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        for value in [width, height] { withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: [8, 2, 0, 0, 0, 0, 0, 0, 0])
        return data
    }
}
