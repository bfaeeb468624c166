import Foundation
import WaymarkModel
import WaymarkStaleness
import WaymarkSupport

extension LockedBuild {
    /// Deletes the outputs the last build recorded for a capture that this build rebuilt but no longer makes — an LMS
    /// package that is no longer asked for — so a stale package cannot linger untracked beside fresh materials and be
    /// uploaded by mistake. Only files that still hold exactly what that build wrote are deleted; a file changed
    /// since is someone's and stays.
    static func removeDroppedOutputs(previous: LockFile?, rebuilt: [BuildReport.CaptureResult], root: URL) {
        guard let previous else { return }
        for result in rebuilt {
            // A capture with errors may simply have failed to write an output it still makes.
            guard let entry = previous.captures[result.id], !result.diagnostics.hasErrors else { continue }
            let current = Set(result.outputs.map(\.path))
            for (path, hash) in entry.outputs where !current.contains(path) && path.hasPrefix(result.id + "/") {
                let url = root.appendingPathComponent(path)
                guard let data = AtomicFileWriter.contents(ofFile: url.path),
                      LockDigest.matches(Fingerprint.hex(of: data), recorded: hash) else { continue }
                try? FileManager.default.removeItem(at: url)
            }
        }
    }
}
