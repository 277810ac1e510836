import Foundation
import Logging
import ServiceLifecycle
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A real ``Worker`` running the two-stage ``StagedCatalog`` task in process on each store.
@Suite("Staged worker")
struct StagedWorkerTests {
    @Test(arguments: StoreKind.allCases)
    func aFailedLaterStageIsRetriedWithoutRepeatingTheStagesBefore(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let staged = StagedCatalog()
            let catalog = staged.catalog
            let submitted = try JobSubmitter(catalog: catalog, store: store)
                .prepare(task: "sum_rows", input: ["numbers": [1, 2, 3]])
            #expect(submitted.queue == "cpu")
            let job = try await store.enqueue([submitted])[0]
            let worker = Worker(
                store: store, catalog: catalog,
                configuration: WorkerConfiguration(queues: ["cpu": 1, "gpu": 1], pollInterval: .milliseconds(50)),
                logger: logger)
            let group = ServiceGroup(services: [worker], logger: logger)
            let running = Task { try await group.run() }
            let done = try await eventually("the job to finish", timeout: .seconds(120)) {
                try await store.job(id: job.id).flatMap { $0.state.isTerminal ? $0 : nil }
            }
            await group.triggerGracefulShutdown()
            try await running.value

            #expect(done.state == .succeeded, "\(String(describing: done.error))")
            #expect(done.output == ["total": 12])
            #expect(staged.calls == ["prepare", "score", "score"], "stage 1 runs once, the failed stage 2 twice")
            #expect(done.queue == "gpu" && done.stageIndex == 1 && done.stage == "score" && done.attempt == 2)
            #expect(done.progress == 100)
            let prepared = try #require(done.stageResults.first)
            #expect(done.stageResults.count == 1)
            #expect(prepared.name == "prepare" && prepared.output == ["rows": [2, 4, 6]] && prepared.attempts == 1)
            #expect(prepared.startedAt <= prepared.finishedAt)
            #expect(try #require(done.startedAt) >= prepared.finishedAt)

            let events = try await store.events(forJob: job.id)
            let handOff = try #require(events.first { $0.state == .pending && $0.stage == "score" })
            #expect(handOff.progress == 75 && handOff.attempt == 0)
        }
    }
}
