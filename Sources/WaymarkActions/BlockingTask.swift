import Dispatch
import Foundation

/// Runs async work from the synchronous build and waits for its result.
///
/// The build engine is synchronous (captures are built on a thread pool by `Parallel.map`), while the browser adapter
/// is async. The work runs as a detached task on the concurrency pool; the calling thread — one of the build's own,
/// never a pool thread — waits on a semaphore, so the pool always has its threads to run the task.
enum BlockingTask {
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        let outcome = Outcome<T>()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            outcome.set(await operation())
            finished.signal()
        }
        finished.wait()
        return outcome.take()
    }
}

/// The task's result, handed from the task to the waiting thread.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func set(_ newValue: T) {
        lock.lock()
        defer { lock.unlock() }
        value = newValue
    }

    func take() -> T {
        lock.lock()
        defer { lock.unlock() }
        return value!
    }
}
