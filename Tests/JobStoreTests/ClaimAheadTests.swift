import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A worker claims ahead of its free slots once its handlers prove short (`prefetchHorizon`): the
/// jobs it holds that way keep their leases, end cancelled when a client cancels them, and go back
/// to the queue, their attempt unspent, when the worker shuts down.
@Suite("Claiming ahead")
struct ClaimAheadTests {
    /// Counts the `quick` handler's runs and holds the `hold` handler until it is cancelled.
    final class Handlers: Sendable {
        private let counts = Mutex<(quick: Int, holding: Int)>((0, 0))

        var quickRuns: Int { counts.withLock { $0.quick } }
        var holding: Int { counts.withLock { $0.holding } }

        var catalog: TaskCatalog {
            TaskCatalog([
                TaskEntry(Self.definition("quick")) { (input: JSONValue, _: JobContext) in
                    self.counts.withLock { $0.quick += 1 }
                    return input
                },
                TaskEntry(Self.definition("hold")) { (input: JSONValue, _: JobContext) in
                    self.counts.withLock { $0.holding += 1 }
                    // Until the worker stops it: a task sleeping past the test's end is cancelled then.
                    try await Task.sleep(for: .seconds(3600))
                    return input
                },
            ])
        }

        static func definition(_ name: String) -> TaskDefinition {
            TaskDefinition(
                name: name, version: 1, summary: "A \(name) job.", queue: "q", timeout: .seconds(3600),
                input: Schema(type: [.object]), output: Schema(type: [.object]),
                location: SourceLocation(file: "ClaimAheadTests.swift", line: 1, column: 1))
        }
    }

    static func job(_ task: String) -> NewJob {
        NewJob(task: task, version: 1, queue: "q", input: [:], maxAttempts: 3)
    }

    /// A worker of one slot on queue `q` that has run one `quick` job, so it knows its pace (until
    /// then it claims for free slots only) and claims ahead as far as it may: any pace fills an hour's
    /// horizon. Leases of a minute: these tests are not about their expiry, and a process stalled for
    /// longer than a lease (on 2 cores, under the whole suite) rightly runs a job again.
    static func startWorker(
        on store: any JobStore, handlers: Handlers, pollInterval: Duration = .seconds(1)
    ) async throws -> (ServiceGroup, Task<Void, any Error>) {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let worker = Worker(
            store: store, catalog: handlers.catalog,
            configuration: WorkerConfiguration(
                queues: ["q": 1], leaseDuration: .seconds(60), heartbeatInterval: .milliseconds(50),
                pollInterval: pollInterval, prefetchHorizon: .seconds(3600), shutdownGracePeriod: .zero),
            logger: logger)
        let group = ServiceGroup(services: [worker], logger: logger)
        let running = Task { try await group.run() }
        let first = try #require(try await store.enqueue([job("quick")]).first)
        try await eventually("the first job to succeed") { try await store.job(id: first.id)?.state == .succeeded }
        return (group, running)
    }

    @Test(arguments: StoreKind.allCases)
    func jobsClaimedAheadKeepTheirLeasesEndCancelledAndGoBackAtShutdown(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let handlers = Handlers()
            let (group, running) = try await Self.startWorker(on: store, handlers: handlers)
            let jobs = try await store.enqueue([Self.job("hold"), Self.job("quick"), Self.job("quick")])
            let (hold, cancelled, givenBack) = (jobs[0].id, jobs[1].id, jobs[2].id)
            try await eventually("the slot to hold a job and two to wait claimed") {
                let states = try await jobs.asyncMap { try await store.job(id: $0.id)?.state }
                return handlers.holding == 1 && states == [.running, .running, .running]
            }
            #expect(handlers.quickRuns == 1)

            // A lease of a job claimed ahead is renewed with the running ones.
            let claimedAt = try #require(try await store.job(id: givenBack)?.heartbeatAt)
            try await eventually("the waiting job's lease to be renewed") {
                try await store.job(id: givenBack)?.heartbeatAt.map { $0 > claimedAt } ?? false
            }

            #expect(try await store.requestCancel(id: cancelled) != .notFound)
            try await eventually("the cancelled job to end without running") {
                try await store.job(id: cancelled)?.state == .cancelled
            }
            #expect(handlers.quickRuns == 1)

            await group.triggerGracefulShutdown()
            try await running.value
            let back = try #require(try await store.job(id: givenBack))
            #expect(back.state == .pending)
            #expect(back.attempt == 0)
            #expect(try await store.job(id: hold)?.state == .pending)
            #expect(handlers.quickRuns == 1)
        }
    }

    /// A claim in flight when a shutdown begins returns after the handler in the slot was stopped:
    /// the freed slot starts nothing, and the job claimed ahead goes back to the queue unspent. The
    /// worker claims back to back (a 1 ms poll), so a claim is in flight at most shutdowns; 20
    /// rounds make the race all but certain (before the fix, most rounds started the job).
    @Test(arguments: StoreKind.allCases)
    func aShutdownStartsNoJobClaimedAheadInTheSlotItFrees(kind: StoreKind) async throws {
        try await kind.withStore { store in
            for round in 1...20 {
                let handlers = Handlers()
                let (group, running) = try await Self.startWorker(
                    on: store, handlers: handlers, pollInterval: .milliseconds(1))
                let jobs = try await store.enqueue([Self.job("hold"), Self.job("quick")])
                try await eventually("round \(round): the slot to hold a job and one to wait claimed") {
                    let states = try await jobs.asyncMap { try await store.job(id: $0.id)?.state }
                    return handlers.holding == 1 && states == [.running, .running]
                }

                await group.triggerGracefulShutdown()
                try await running.value
                let waiting = try #require(try await store.job(id: jobs[1].id))
                #expect(waiting.state == .pending && waiting.attempt == 0, "round \(round)")
                #expect(handlers.quickRuns == 1, "round \(round)")
                // The next round's worker starts from an empty queue.
                for job in jobs { _ = try await store.requestCancel(id: job.id) }
            }
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
