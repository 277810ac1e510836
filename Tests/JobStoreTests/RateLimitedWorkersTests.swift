import Foundation
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A rate limit honoured by four workers sharing one store: the start times of the jobs, as the
/// store recorded them, never run ahead of the bucket. (That they keep pace with it is a matter of
/// speed, which `scripts/bench` measures, not a test under a loaded test run.)
@Suite("Rate-limited workers")
struct RateLimitedWorkersTests {
    static let rate = 5.0
    static let burst = 1
    static let jobs = 12

    static let catalog = TaskCatalog([
        TaskEntry(
            TaskDefinition(
                name: "search", version: 1, summary: "Calls a provider.", queue: "io", timeout: .seconds(10),
                input: Schema(type: [.object]), output: Schema(type: [.object]),
                rateLimit: RateLimitPolicy(key: "provider", perSecond: rate, burst: burst),
                location: SourceLocation(file: "RateLimitedWorkersTests.swift", line: 1, column: 1))
        ) { (input: JSONValue, _: JobContext) in input }
    ])

    @Test(arguments: StoreKind.allCases)
    func fourWorkersStartJobsNoFasterThanTheSharedRate(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let ids = try await store.enqueue(
                (0..<Self.jobs).map { n in
                    NewJob(task: "search", version: 1, queue: "io", input: ["n": .integer(n)], maxAttempts: 1)
                }
            ).map(\.id)
            let workers = (0..<4).map { n in
                Worker(
                    store: store, catalog: Self.catalog,
                    configuration: WorkerConfiguration(queues: ["io": 4], workerID: "worker-\(n)"), logger: logger)
            }
            let group = ServiceGroup(services: workers, logger: logger)
            let running = Task { try await group.run() }
            try await eventually("every job to succeed", timeout: .seconds(120)) {
                try await store.jobs(matching: JobQuery(task: "search", state: .succeeded, limit: 100)).jobs.count
                    == Self.jobs
            }
            await group.triggerGracefulShutdown()
            try await running.value

            var starts: [Date] = []
            var owners: Set<String> = []
            for id in ids {
                let job = try #require(try await store.job(id: id))
                starts.append(try #require(job.startedAt))
                owners.formUnion(job.leaseOwner.map { [$0] } ?? [])
            }
            starts.sort()
            // Any j - i later starts need at least (j - i - burst) refills of 1/rate seconds.
            let slack = 0.005
            for i in starts.indices {
                for j in starts.indices where j > i {
                    let needed = Double(j - i - Self.burst) / Self.rate
                    #expect(
                        starts[j].timeIntervalSince(starts[i]) >= needed - slack,
                        "start \(j) came \(starts[j].timeIntervalSince(starts[i]))s after start \(i); the bucket allows \(needed)s"
                    )
                }
            }
        }
    }
}
