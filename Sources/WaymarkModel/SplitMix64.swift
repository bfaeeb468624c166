/// A small seeded pseudo-random generator (SplitMix64).
///
/// The standard library's generator is neither seedable nor stable across platforms; quiz distractors, synthetic
/// benchmark corpora and property tests need the same sequence from the same seed everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeded from a string (64-bit FNV-1a of its UTF-8 bytes), e.g. a capture id.
    public init(seed: String) { state = FNV1a.hash(seed) }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 64-bit FNV-1a: a stable, platform-independent hash of a string (shard split, PRNG seeds). Not for security.
public enum FNV1a {
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
