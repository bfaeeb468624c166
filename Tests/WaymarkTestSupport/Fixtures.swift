import Foundation
import Testing

/// Where test inputs live: the repository's own samples and the shared real-world captures beside the checkout.
public enum Fixtures {
    /// The package root (the folder holding Package.swift), found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static var sampleCaptures: URL { packageRoot.appendingPathComponent("SampleCaptures") }
    public static var templates: URL { packageRoot.appendingPathComponent("Templates") }

    /// `../shared` beside the checkout (real recordings, replay sites, schemas), or nil when it is absent.
    ///
    /// Tests that need it are `.enabled(if: Fixtures.hasShared, Fixtures.sharedMissing)`: disabled with the reason on a
    /// machine without it, never passed silently. Under CI (`CI=true`) `SharedFolderTests` fails loudly instead.
    public static var shared: URL? {
        let url = sharedLocation
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("captures").path) ? url : nil
    }

    /// Where `../shared` is expected.
    public static var sharedLocation: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared") }

    public static var hasShared: Bool { shared != nil }

    /// Why a test that reads `../shared` is disabled.
    public static let sharedMissing: Comment = "../shared is not beside this checkout; these tests read the real recordings in it"

    public static var isCI: Bool {
        let v = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return v == "true" || v == "1"
    }

    /// Every regular file under `folder`, recursively, sorted by path.
    public static func files(under folder: URL, extensions: Set<String>? = nil) -> [URL] {
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var out: [URL] = []
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if let extensions, !extensions.contains(url.pathExtension.lowercased()) { continue }
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }

    /// A fresh empty temporary folder.
    public static func temporaryDirectory(_ label: String = "waymark") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
