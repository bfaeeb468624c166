/// A small, fast, seeded pseudo-random generator (SplitMix64), so the same seed always yields the same corpus on
/// every platform and Swift version (the standard library's generator is neither seedable nor stable).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0). Modulo bias is irrelevant for word picking.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// A generator for one item, derived from a corpus seed and the item's index, so item N is the same whatever
    /// the corpus size (the first 1,000 captures of a 10,000 corpus equal the 1,000 corpus).
    static func forItem(_ index: Int, seed: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD134_2543_DE82_EF95))
        return SeededGenerator(seed: mixer.next())
    }
}
