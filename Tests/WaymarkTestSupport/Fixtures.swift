import Foundation

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

    /// `../shared` beside the checkout, or nil when it is absent outside CI.
    ///
    /// Under CI (`CI=true`) a missing shared folder is a failure, not a skip: tests that need it must not pass
    /// silently on a machine that lacks their inputs.
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("captures").path) { return url }
        if isCI { fatalError("../shared/captures is missing beside the checkout at \(url.path); CI needs it.") }
        return nil
    }

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
