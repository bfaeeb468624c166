import Testing
@testable import WaymarkModel

@Suite struct CaptureShardTests {
    @Test func parsesOnlyValidShards() {
        #expect(CaptureShard("2/4") == CaptureShard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "1/0", "a/b", "1", "1/2/3", ""] { #expect(CaptureShard(bad) == nil, "\(bad)") }
    }

    @Test func everyIdIsInExactlyOneShardAndTheSplitIsStable() {
        let ids = (0..<2_000).map { "capture-\($0)" }
        for count in [1, 2, 3, 7] {
            let shards = (1...count).map { CaptureShard(index: $0, count: count)! }
            var sizes = Array(repeating: 0, count: count)
            for id in ids {
                let owners = shards.filter { $0.contains(id) }
                #expect(owners.count == 1)
                sizes[owners[0].index - 1] += 1
            }
            // Roughly even: no shard holds more than twice its fair share.
            #expect(sizes.allSatisfy { $0 <= 2 * ids.count / count })
        }
        // Fixed values: the split must not change between versions or machines.
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
    }
}
