import Testing
import WaymarkModel
import WaymarkSupport

/// Parallel results must come back in input order whatever the number of workers (builds stay byte-identical).
@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 3, 8, 100])
    func mapKeepsInputOrder(workers: Int) {
        for count in [0, 1, 2, 7, 64, 1000] {
            #expect(Parallel.map(count: count, workers: workers) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
    }

    @Test func slotsAreTakenOnce() {
        let slots = LockedSlots(["a", "b", "c"])
        #expect(slots.take(1) == "b")
        #expect(slots.get(1) == nil)
        #expect(slots.values() == ["a", "c"])
        let empty = LockedSlots<Int>(count: 2)
        empty.set(1, 5)
        #expect(empty.values() == [5])
    }
}
