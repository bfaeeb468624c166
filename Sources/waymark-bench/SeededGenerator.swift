import WaymarkModel

/// The corpus generator's seeded randomness: SplitMix64 from WaymarkModel, so the same seed always yields the same
/// corpus on every platform and Swift version, plus the picking helpers the generator uses.
struct SeededGenerator: RandomNumberGenerator {
    private var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

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
