import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// `taskforge worker --queues io=2,geo=1`: each queue runs at most its slots at once, whatever waits
/// on the other.
@Suite("Per-queue concurrency")
struct QueueConcurrencyTests {
    /// Handlers hold until the test opens the gate, counting how many of each queue run at once.
    final class Gauge: Sendable {
        private struct State {
            var running: [String: Int] = [:]
            var peak: [String: Int] = [:]
            var open = false
            var waiting: [CheckedContinuation<Void, Never>] = []
        }

        private let state = Mutex(State())

        func hold(queue: String) async {
            await withCheckedContinuation { continuation in
                let admitted = state.withLock { state in
                    state.running[queue, default: 0] += 1
                    state.peak[queue] = max(state.peak[queue] ?? 0, state.running[queue] ?? 0)
                    if state.open { return true }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
            state.withLock { $0.running[queue, default: 0] -= 1 }
        }

        func open() {
            let waiting = state.withLock { state in
                state.open = true
                defer { state.waiting.removeAll() }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }

        var peak: [String: Int] { state.withLock { $0.peak } }
        /// The handlers holding a slot now, by queue.
        var running: [String: Int] { state.withLock { $0.running } }
    }

    static func catalog(_ gauge: Gauge) -> TaskCatalog {
        TaskCatalog(
            ["io", "geo"].map { queue in
                TaskEntry(
                    TaskDefinition(
                        name: "hold_\(queue)", version: 1, summary: "Holds a slot.", queue: queue,
                        timeout: .seconds(60),
                        input: Schema(type: [.object]), output: Schema(type: [.object]),
                        location: SourceLocation(file: "QueueConcurrencyTests.swift", line: 1, column: 1))
                ) { (input: JSONValue, _: JobContext) in
                    await gauge.hold(queue: queue)
                    return input
                }
            })
    }

    @Test(arguments: StoreKind.allCases)
    func eachQueueRunsAtMostItsSlots(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let gauge = Gauge()
            _ = try await store.enqueue(
                (0..<6).map { _ in NewJob(task: "hold_io", version: 1, queue: "io", input: [:], maxAttempts: 1) }
                    + (0..<3).map { _ in NewJob(task: "hold_geo", version: 1, queue: "geo", input: [:], maxAttempts: 1)
                    })
            let worker = Worker(
                store: store, catalog: Self.catalog(gauge),
                configuration: WorkerConfiguration(queues: ["io": 2, "geo": 1]),
                logger: logger)
            let group = ServiceGroup(services: [worker], logger: logger)
            let running = Task { try await group.run() }
            // Every slot taken: the rest wait, however long the worker keeps claiming. A job is
            // running in the store when it is claimed, a moment before its handler starts: the gate
            // opens only once every slot's handler holds it.
            try await eventually("both queues' handlers to hold their slots") {
                gauge.running == ["io": 2, "geo": 1]
            }
            let queues = try await store.queueStatus(now: Date())
            #expect(queues.map(\.running) == [1, 2] && queues.map(\.pending) == [2, 4])
            gauge.open()
            try await eventually("every job to finish") { try await store.unfinishedJobCounts().isEmpty }
            await group.triggerGracefulShutdown()
            try await running.value
            #expect(gauge.peak == ["io": 2, "geo": 1])
            #expect(try await store.jobs(matching: JobQuery(state: .succeeded, limit: 100)).jobs.count == 9)
        }
    }
}
