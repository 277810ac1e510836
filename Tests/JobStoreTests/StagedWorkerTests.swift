import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// A real ``Worker`` running a two-stage task in process: `prepare` (weight 3, queue `cpu`) turns
/// `{numbers}` into `{rows}`; `score` (weight 1, queue `gpu`) sums them, failing transiently once.
@Suite("Staged worker")
struct StagedWorkerTests {
    struct Input: Codable, Sendable { var numbers: [Int] }
    struct Prepared: Codable, Sendable { var rows: [Int] }
    struct Output: Codable, Sendable { var total: Int }

    /// How often each stage's handler was called.
    final class Calls: Sendable {
        let prepare = Mutex(0)
        let score = Mutex(0)
    }

    static func catalog(_ calls: Calls) -> TaskCatalog {
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        let definition = TaskDefinition(
            name: "sum_rows", version: 1, summary: "Sum rows.", queue: "default", timeout: .seconds(30),
            retry: RetryPolicy(maxAttempts: 2, backoff: .fixed, initial: .milliseconds(1), max: .milliseconds(1)),
            input: Schema(type: [.object], additionalProperties: true), output: Schema(type: [.object]),
            stages: [
                Stage(name: "prepare", queue: "cpu", timeout: .seconds(30), weight: 3, output: Schema(type: [.object]), location: location),
                Stage(name: "score", queue: "gpu", timeout: .seconds(30), weight: 1, location: location),
            ],
            location: location)
        return TaskCatalog([
            TaskEntry(definition, stages: [
                StageHandler { (input: Input, _: JobContext) -> Prepared in
                    calls.prepare.withLock { $0 += 1 }
                    return Prepared(rows: input.numbers.map { $0 * 2 })
                },
                StageHandler { (_: Input, previous: Prepared, _: JobContext) -> Output in
                    let call = calls.score.withLock { count in
                        count += 1
                        return count
                    }
                    if call == 1 { throw TaskError.transient(.taskFailed, "the model server is warming up") }
                    return Output(total: previous.rows.reduce(0, +))
                },
            ])
        ])
    }

    @Test(arguments: StoreKind.allCases)
    func aFailedLaterStageIsRetriedWithoutRepeatingTheStagesBefore(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let calls = Calls()
            let catalog = Self.catalog(calls)
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
            let done = try await eventually("the job to finish", timeout: .seconds(30)) {
                try await store.job(id: job.id).flatMap { $0.state.isTerminal ? $0 : nil }
            }
            await group.triggerGracefulShutdown()
            try await running.value

            #expect(done.state == .succeeded, "\(String(describing: done.error))")
            #expect(done.output == ["total": 12])
            #expect(calls.prepare.withLock { $0 } == 1)
            #expect(calls.score.withLock { $0 } == 2)
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
