import Foundation
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskStoreSQLite
import TaskforgeTestSupport
import Tasks
import Testing

/// The worker's side of handler processes when they misbehave at scale.
@Suite("Handler process pool")
struct HandlerProcessPoolTests {
    /// Handler processes that die at once (a broken install, a missing library): every job ends
    /// quarantined with `worker_crashed`, and the worker keeps running without leaking the pipes
    /// of the processes it replaced (it once ran out of descriptors and crashed in `Process.run`).
    @Test func processesThatDieAtOnceQuarantineTheirJobsWithoutHarmingTheWorker() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-pool-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = try await SQLiteJobStore.open(
            path: directory.appendingPathComponent("jobs.sqlite").path, logger: logger)
        let jobs = (0..<1000).map { _ in
            NewJob(task: "echo", version: 1, queue: "default", input: ["message": "hi"], maxAttempts: 1)
        }
        let ids = try await store.enqueue(jobs).map(\.id)
        let pool = HandlerProcessPool(
            executable: URL(fileURLWithPath: "/bin/false"), arguments: [], killGrace: .milliseconds(200), logger: logger
        )
        let worker = Worker(
            store: store, catalog: GeneratedTasks.catalog, configuration: WorkerConfiguration(queues: ["default": 16]),
            runner: pool, logger: logger)
        let pipesBefore = Self.openPipes()
        let group = ServiceGroup(services: [worker], logger: logger)
        let running = Task { try await group.run() }
        // A deadline, not a delay: the whole suite beside it loads the machine.
        try await eventually("every job to finish", timeout: .seconds(180)) {
            try await store.unfinishedJobCounts().isEmpty
        }
        await group.triggerGracefulShutdown()
        try await running.value
        pool.shutdown()
        #expect(Self.openPipes() < pipesBefore + 64, "1,000 dead processes must not leave their pipes open")
        for id in ids {
            let job = try #require(try await store.job(id: id))
            #expect(job.state == .quarantined)
            #expect(job.error?.code == .workerCrashed)
        }
        try await store.close()
    }

    /// The pipes this process holds open. Only pipes: the suite's other tests, running beside this
    /// one in the same process, open and close sockets (HTTP, PostgreSQL) by the hundred.
    private static func openPipes() -> Int {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return descriptors.filter { descriptor in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"))?.hasPrefix(
                "pipe:") ?? false
        }.count
    }
}
