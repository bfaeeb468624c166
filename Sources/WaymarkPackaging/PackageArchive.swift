import Foundation
import WaymarkModel
import WaymarkRender
import ZIPFoundation

/// A zip archive built in memory with everything that could vary pinned: entries in the order given, every
/// timestamp 1980-01-01 00:00 (the earliest a zip can hold), permissions 0644, deflate. The same files always give
/// the same bytes, so a rebuilt package is only written when its content changed and the lock can vouch for it.
public enum PackageArchive {
    /// The timestamp of every entry. ZIPFoundation converts it with `gmtime`, so the time zone does not matter.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The archive of `files` (relative paths with `/`), in the given order.
    public static func zip(_ files: [RenderedFile]) throws(DiagnosticError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for file in files {
                let contents = file.contents
                try archive.addEntry(
                    with: file.path, type: .file, uncompressedSize: Int64(contents.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    contents.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw DiagnosticError(Diagnostic(.packageArchive, "The package archive has no data."))
            }
            return data
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError(Diagnostic(
                .packageArchive, "Could not assemble the package archive: \(error).",
                hint: "Report this as a bug; the guide's other materials were still written."))
        }
    }
}
