import Foundation
import WaymarkModel
import ZIPFoundation

/// Reads one member of a `.zip` into memory, defensively (Steps Recorder saves its `.mht` inside a zip).
///
/// A capture archive comes from someone else's machine, so the whole archive is checked before anything is
/// inflated: entry names that climb out of a folder (`../`, absolute paths, drive letters, backslashes) and
/// symbolic links make the archive invalid; declared sizes are capped per entry and in total, and so is the
/// compression ratio, which stops a zip bomb before a byte is inflated. While inflating, the real byte count is
/// checked again against the caps (a header may lie). Entries are only ever extracted to memory: nothing from the
/// archive is written to disk.
public struct ZipArchiveReader: Sendable {

    public struct Limits: Sendable {
        /// Largest uncompressed member read (default 512 MiB).
        public var maxEntryBytes: UInt64
        /// Largest total uncompressed size of the archive (default 1 GiB).
        public var maxTotalBytes: UInt64
        /// Largest uncompressed/compressed ratio for entries above `ratioFloorBytes` (default 100).
        public var maxCompressionRatio: UInt64
        /// Entries smaller than this are never a bomb, whatever their ratio (default 1 MiB).
        public var ratioFloorBytes: UInt64
        public var maxEntries: Int

        public init(maxEntryBytes: UInt64 = 512 << 20, maxTotalBytes: UInt64 = 1 << 30, maxCompressionRatio: UInt64 = 100,
                    ratioFloorBytes: UInt64 = 1 << 20, maxEntries: Int = 10_000) {
            self.maxEntryBytes = maxEntryBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxCompressionRatio = maxCompressionRatio
            self.ratioFloorBytes = ratioFloorBytes
            self.maxEntries = maxEntries
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Whether an entry name stays inside the folder it would be extracted to.
    public static func isSafeEntryName(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("\0") { return false }
        let chars = Array(name)
        if chars.count >= 2, chars[1] == ":", chars[0].isLetter { return false }
        let components = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return !components.contains("..")
    }

    /// A copy of `data` with general-purpose flag bit 3 cleared in every directory entry and local header, or nil
    /// when no entry sets it. Call only after `structuralProblem` found nothing.
    static func clearingDataDescriptorFlags(_ data: Data) -> Data? {
        var bytes = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1).first(where: {
                  bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
              }) else { return nil }
        var position = u32(end + 16)
        var changed = false
        for _ in 0..<u16(end + 10) {
            guard position + 46 <= bytes.count, u32(position) == 0x0201_4B50 else { return nil }
            let local = u32(position + 42)
            if bytes[position + 8] & 0x08 != 0 {
                bytes[position + 8] &= ~0x08
                if local + 30 <= bytes.count { bytes[local + 6] &= ~0x08 }
                changed = true
            }
            position += 46 + u16(position + 28) + u16(position + 30) + u16(position + 32)
        }
        return changed ? Data(bytes) : nil
    }

    /// Why ZIPFoundation would refuse to open the archive, or nil: it needs an end record (the last one, searched
    /// from the end like ZIPFoundation does) whose comment lies inside the data.
    static func endRecordProblem(in data: Data) -> String? {
        let bytes = [UInt8](data.suffix(min(data.count, 22 + 65_535)))
        guard bytes.count >= 22 else { return "it is too short to hold an end record" }
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
        }) else { return "it has no end record" }
        let commentLength = Int(bytes[end + 20]) | Int(bytes[end + 21]) << 8
        return end + 22 + commentLength <= bytes.count ? nil : "its end record's comment runs past the end of the file"
    }

    /// Why the archive's directory cannot be trusted, or nil: the end record, the central directory and every local
    /// header it points to must lie inside the data. Archives without an end record are refused by
    /// `endRecordProblem`. Zip64 values (0xFFFFFFFF) are refused unless `allowZip64`.
    static func structuralProblem(in data: Data, allowZip64: Bool) -> String? {
        let bytes = [UInt8](data.suffix(min(data.count, 22 + 65_535 + 20)))
        let base = data.count - bytes.count
        func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }
        guard bytes.count >= 22 else { return nil }
        var end: Int?
        for i in stride(from: bytes.count - 22, through: 0, by: -1)
        where bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
            end = i
            break
        }
        guard let end else { return nil }
        let entries = u16(bytes, end + 10), directorySize = u32(bytes, end + 12), directoryOffset = u32(bytes, end + 16)
        let isZip64 = entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
            || (end >= 20 && bytes[end - 20] == 0x50 && bytes[end - 19] == 0x4B && bytes[end - 18] == 0x06 && bytes[end - 17] == 0x07)
        if isZip64 { return allowZip64 ? nil : "it is a Zip64 archive, which is only read from a file" }
        let endPosition = base + end
        guard directoryOffset + directorySize <= endPosition else {
            return "its directory lies outside the file"
        }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let all = raw.bindMemory(to: UInt8.self)
            func r16(_ i: Int) -> Int { Int(all[i]) | Int(all[i + 1]) << 8 }
            func r32(_ i: Int) -> Int { r16(i) | r16(i + 2) << 16 }
            var position = directoryOffset
            let directoryEnd = directoryOffset + directorySize
            for _ in 0..<entries {
                guard position + 46 <= directoryEnd, r32(position) == 0x0201_4B50 else {
                    return "its directory lists more entries than it holds"
                }
                let compressed = r32(position + 20), uncompressed = r32(position + 24)
                let nameLength = r16(position + 28), extraLength = r16(position + 30), commentLength = r16(position + 32)
                let local = r32(position + 42)
                if !allowZip64, compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                    return "an entry uses Zip64 sizes, which are only read from a file"
                }
                guard local + 30 <= all.count, r32(local) == 0x0403_4B50 else {
                    return "an entry points outside the file"
                }
                let localEnd = local + 30 + r16(local + 26) + r16(local + 28)
                guard localEnd <= all.count, compressed == 0xFFFF_FFFF || localEnd + compressed <= all.count else {
                    return "an entry's data lies outside the file"
                }
                position += 46 + nameLength + extraLength + commentLength
            }
            return position <= directoryEnd ? nil : "its directory is cut short"
        }
    }

    /// Reads the first member whose name satisfies `matching` (in archive order) into memory, after checking every
    /// entry of the archive. `path` names the archive in diagnostics.
    public func readMember(
        of input: CaptureInput, matching: (String) -> Bool
    ) -> Result<(name: String, data: Data), DiagnosticError> {
        let location = SourceLocation(file: input.path)
        let archive: Archive
        // ZIPFoundation trusts the offsets in the archive's directory; reading an in-memory archive past its end
        // traps (found by fuzzing). Every offset is checked against the real size first.
        if let problem = Self.structuralProblem(in: input.data, allowZip64: input.fileURL != nil) {
            return .failure(DiagnosticError(Diagnostic(
                .zipDamaged, "The archive is damaged: \(problem).",
                hint: "Copy the archive again from where Steps Recorder saved it.", at: location)))
        }
        // ZIPFoundation refuses an archive without a readable end record, but when reading from memory it leaks the
        // stream it opened and a copy of the data (found by fuzzing: the process ran out of memory). Such archives
        // are refused here, before ZIPFoundation opens them.
        if let problem = Self.endRecordProblem(in: input.data) {
            return .failure(DiagnosticError(Diagnostic(
                .zipUnreadable, "The file is not a readable zip archive: \(problem).",
                hint: "Check that the download finished; Steps Recorder saves a .zip holding one .mht file.", at: location)))
        }
        // ZIPFoundation inflates an entry flagged "sizes in a data descriptor" (bit 3) until the deflate stream
        // ends, and loops forever on a damaged stream (found by fuzzing). The directory sizes were checked above,
        // so the flag is cleared in a copy and the checked sizes are used instead.
        let unflagged = Self.clearingDataDescriptorFlags(input.data)
        do {
            if let unflagged {
                archive = try Archive(data: unflagged, accessMode: .read)
            } else if let url = input.fileURL {
                archive = try Archive(url: url, accessMode: .read)
            } else {
                archive = try Archive(data: input.data, accessMode: .read)
            }
        } catch {
            return .failure(DiagnosticError(Diagnostic(
                .zipUnreadable, "The file is not a readable zip archive.",
                hint: "Check that the download finished; Steps Recorder saves a .zip holding one .mht file.", at: location)))
        }
        var total: UInt64 = 0
        var count = 0
        var chosen: Entry?
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                return .failure(DiagnosticError(Diagnostic(
                    .zipTooLarge, "The archive holds more than \(limits.maxEntries) entries.",
                    hint: "This is not a Steps Recorder archive.", at: location)))
            }
            let name = entry.path
            let shown = String(name.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) }.prefix(200))
            guard Self.isSafeEntryName(name) else {
                return .failure(DiagnosticError(Diagnostic(
                    .zipUnsafePath, "The archive holds the entry '\(shown)', whose path leaves its folder; the archive is refused.",
                    hint: "Do not open archives from unknown sources; ask for the recording again.", at: location)))
            }
            if entry.type == .symlink {
                return .failure(DiagnosticError(Diagnostic(
                    .zipSymlink, "The archive holds the symbolic link '\(shown)'; the archive is refused.",
                    hint: "Steps Recorder archives hold no links; ask for the recording again.", at: location)))
            }
            let size = entry.uncompressedSize
            total &+= size
            if size > limits.maxEntryBytes || total > limits.maxTotalBytes || total < size {
                return .failure(DiagnosticError(Diagnostic(
                    .zipTooLarge, "The entry '\(shown)' would unpack to \(size) bytes, over the limit of \(limits.maxEntryBytes / 1_048_576) MiB per entry and \(limits.maxTotalBytes / 1_048_576) MiB in total.",
                    hint: "This looks like a zip bomb or not a capture; it is not unpacked.", at: location)))
            }
            if size >= limits.ratioFloorBytes, entry.type == .file {
                let compressed = max(entry.compressedSize, 1)
                if size / compressed > limits.maxCompressionRatio {
                    return .failure(DiagnosticError(Diagnostic(
                        .zipCompressionRatio, "The entry '\(shown)' is compressed \(size / compressed):1, more than \(limits.maxCompressionRatio):1; it looks like a zip bomb and is not unpacked.",
                        hint: "Do not open archives from unknown sources; ask for the recording again.", at: location)))
                }
            }
            if chosen == nil, entry.type == .file, matching(name) { chosen = entry }
        }
        guard let entry = chosen else {
            return .failure(DiagnosticError(Diagnostic(
                .zipNoMember, "The archive holds no Steps Recorder recording (.mht file).",
                hint: "Pass the .zip that Steps Recorder saved, or the .mht itself.", at: location)))
        }
        // Inflate to memory, stopping as soon as more bytes arrive than declared or allowed.
        let cap = min(entry.uncompressedSize, limits.maxEntryBytes)
        var out = Data()
        // Reserve for what is declared, but never trust a header for more than 64 MiB up front.
        out.reserveCapacity(Int(min(cap, 64 << 20)))
        struct Overflow: Error {}
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if UInt64(out.count + chunk.count) > cap { throw Overflow() }
                out.append(chunk)
            }
        } catch is Overflow {
            return .failure(DiagnosticError(Diagnostic(
                .zipTooLarge, "The entry '\(entry.path)' unpacks to more bytes than its header declares; it is not read.",
                hint: "The archive is damaged or hostile; ask for the recording again.", at: location)))
        } catch {
            return .failure(DiagnosticError(Diagnostic(
                .zipDamaged, "The entry '\(entry.path)' cannot be unpacked: the archive is damaged.",
                hint: "Copy the archive again from where Steps Recorder saved it.", at: location)))
        }
        return .success((entry.path, out))
    }
}
