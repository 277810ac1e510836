import Foundation

/// Threads of their own for the metrics pass's parallel work.
///
/// Not `DispatchQueue.global()` or `concurrentPerform`: on Linux their threads are the ones that run
/// Swift tasks, one per core, and Dispatch adds none for work that keeps a core busy. Seconds of
/// parsing and sorting there held every other task of the process, a server's requests and a
/// worker's heartbeats among them, for as long (long enough for leases to lapse; found as test
/// stalls of 15 to 40 s on 2 cores).
enum WorkerThreads {
    /// Runs `first()` on the calling thread and `others(1)` ... `others(count - 1)` each on a thread
    /// of its own; returns `first()`'s value once all have returned.
    static func run<T>(count: Int, first: () throws -> T, others: @escaping @Sendable (Int) -> Void) rethrows -> T {
        let finished = DispatchGroup()
        for index in 1..<max(count, 1) {
            finished.enter()
            let thread = Thread {
                others(index)
                finished.leave()
            }
            thread.name = "dataset-worker-\(index)"
            thread.start()
        }
        defer { finished.wait() }
        return try first()
    }

    /// Calls `body` once for each of `0..<iterations`, on the calling thread and at most one more
    /// thread per further core.
    static func forEach(_ iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let next = NextIndex()
        let drain: @Sendable (Int) -> Void = { _ in
            while let index = next.take(below: iterations) { body(index) }
        }
        run(count: min(iterations, ProcessInfo.processInfo.activeProcessorCount), first: { drain(0) }, others: drain)
    }

    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below end: Int) -> Int? {
            lock.withLock {
                guard next < end else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }
}
