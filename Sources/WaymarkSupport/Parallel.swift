import Dispatch
import Foundation

/// Order-preserving parallel work, shared by the build and `check`: independent items spread over worker threads and
/// their results come back in input order, so a parallel run gives exactly what a serial one gives.
package enum Parallel {
    /// `transform(index)` for every index in `0..<count` on up to `workers` threads, results in index order.
    /// Worker *w* takes items *w*, *w + workers*, … so neighbouring (often similar-sized) items spread evenly.
    package static func map<Value: Sendable>(
        count: Int, workers: Int, _ transform: @Sendable (Int) -> Value
    ) -> [Value] {
        guard count > 0 else { return [] }
        let workers = max(1, min(workers, count))
        guard workers > 1 else { return (0..<count).map(transform) }
        let slots = LockedSlots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                slots.set(index, transform(index))
                index += workers
            }
        }
        return slots.values()
    }

    /// The number of cores, for work that is mostly computation.
    package static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Fixed slots that several threads fill, read back in order. `take` empties a slot, so a worker can consume its
/// input and let it go.
package final class LockedSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package init(_ values: [Value]) { slots = values }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    package func get(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }

    /// The value at `index`, leaving the slot empty (each slot is taken once).
    package func take(_ index: Int) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]!
        slots[index] = nil
        return value
    }

    /// The filled slots, in order.
    package func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
