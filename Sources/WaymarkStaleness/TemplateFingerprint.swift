import Foundation
import WaymarkModel

/// The hash of a template set: when it changes, every material rendered with the old templates is
/// `outdated-template`.
public enum TemplateFingerprint {
    /// SHA-256 over each file's relative path and bytes, in path order (so renaming a template counts as a change).
    public static func hash(files: [(path: String, data: Data)]) -> String {
        var combined = Data()
        for file in files.sorted(by: { $0.path < $1.path }) {
            combined.append(Data(file.path.utf8))
            combined.append(0)
            combined.append(Data(Fingerprint.hex(of: file.data).utf8))
            combined.append(0x0A)
        }
        return Fingerprint.hex(of: combined)
    }

    /// The hash of every regular, non-hidden file under `folder`; nil when the folder does not exist.
    public static func hash(folder: URL) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let e = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return nil }
        var files: [(String, Data)] = []
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = try? Data(contentsOf: url) else { continue }
            files.append((LockFile.relativePath(of: url, from: folder), data))
        }
        return hash(files: files)
    }
}
