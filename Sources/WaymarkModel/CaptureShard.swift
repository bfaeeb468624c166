import Foundation

/// One part of a stable split of captures by id, for spreading `build` and `check` over a CI matrix.
///
/// `--shard 2/4` takes the captures whose id hashes (64-bit FNV-1a of the id's UTF-8 bytes) to 1 modulo 4. The
/// split depends only on the id, so a capture stays in its shard across runs and machines, and the N shards
/// together cover every capture exactly once. Shard numbers are 1-based, as CI matrices usually count.
public struct CaptureShard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimming(.whitespaces)),
              let n = Int(parts[1].trimming(.whitespaces)) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the capture with this id belongs to this shard.
    public func contains(_ id: String) -> Bool {
        Int(FNV1a.hash(id) % UInt64(count)) == index - 1
    }
}
