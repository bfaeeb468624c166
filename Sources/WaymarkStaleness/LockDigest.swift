/// The short digests lock version 2 records, and how a recorded digest is compared with a freshly computed one.
///
/// The lock's hashes detect change, not tampering. Sources, fingerprints and step summaries keep 16 hex digits (the
/// first 64 bits of a SHA-256: an accidental match of two different files about one in 10^19); each generated file
/// keeps 10 (40 bits: a hand edit goes unnoticed about once in 10^12 — there are a dozen per capture, and they are
/// what makes a lock large). A version 1 lock recorded full 64-digit hashes and early version 2 locks 12 digits for
/// outputs; every recorded digest is compared as a prefix of the full hash computed now.
public enum LockDigest {
    /// Hex digits kept of a source hash, fingerprint or step summary digest in a version 2 lock.
    public static let length = 16
    /// Hex digits kept of a generated file's SHA-256 in a version 2 lock.
    public static let outputLength = 10

    /// `hex` (a full lower-case hex digest) cut to what the lock records.
    public static func short(_ hex: String) -> String {
        hex.count <= length ? hex : String(hex.prefix(length))
    }

    /// A generated file's `hex` digest cut to what the lock records.
    public static func output(_ hex: String) -> String {
        hex.count <= outputLength ? hex : String(hex.prefix(outputLength))
    }

    /// Whether the `recorded` digest (short or full, from any lock version) is the digest `computed` in full now.
    public static func matches(_ computed: String, recorded: String) -> Bool {
        guard recorded.count >= outputLength || recorded.count == computed.count else { return false }
        return computed.hasPrefix(recorded)
    }

    /// Whether two recorded digests (each short or full) name the same content.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return a == b }
        return a.count <= b.count ? b.hasPrefix(a) : a.hasPrefix(b)
    }
}
