import Foundation
import TaskRuntime
import Testing

/// Multi-stage jobs: a completed stage hands the job to the next stage's queue.
extension JobStoreConformanceTests {
    /// The outcome of a `prepare` stage (on `default`) that moves the job to `score` on `gpu`.
    private static func advance(from job: Job, output: JSONValue) -> AttemptOutcome {
        let result = StageResult(
            name: "prepare", output: output, startedAt: job.startedAt ?? Date(), finishedAt: Date(),
            attempts: job.attempt)
        return .advanced(
            StageAdvance(result: result, nextStage: 1, nextStageName: "score", nextQueue: "gpu", progress: 75))
    }

    @Test(arguments: StoreKind.allCases)
    func advancingMovesTheJobToTheNextStagesQueueWithTheStageResult(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 3)])[0]
            #expect(job.stageIndex == 0 && job.stageResults.isEmpty)
            let ready = store.readyJobSignals()
            let first = try await store.claimOne()
            #expect(
                try await store.finish(first.lease, Self.advance(from: first, output: ["rows": 3]), handlerVersion: 1))

            let advanced = try #require(try await store.job(id: job.id))
            #expect(advanced.state == .pending && advanced.queue == "gpu" && advanced.stage == "score")
            #expect(advanced.stageIndex == 1 && advanced.attempt == 0 && advanced.progress == 75)
            #expect(advanced.leaseOwner == nil && advanced.output == nil && advanced.finishedAt == nil)
            let result = try #require(advanced.stageResults.first)
            #expect(advanced.stageResults.count == 1)
            #expect(result.name == "prepare" && result.output == ["rows": 3] && result.attempts == 1)
            #expect(abs(result.startedAt.timeIntervalSince(try #require(first.startedAt))) < 0.001)
            #expect(result.finishedAt >= result.startedAt)
            // Other queues' signals (the enqueue's) may arrive first; the next stage's queue must follow.
            let gpu = AsyncStream<String> { continuation in
                let relay = Task {
                    for await queue in ready where queue == "gpu" { continuation.yield(queue) }
                    continuation.finish()
                }
                continuation.onTermination = { _ in relay.cancel() }
            }
            #expect(try await firstValue(of: gpu, within: .seconds(5)) == "gpu")

            #expect(
                try await store.claim(queues: ["default"], limit: 1, worker: "w1", leaseDuration: .seconds(30)).isEmpty)
            let second = try await store.claimOne(queue: "gpu")
            #expect(second.id == job.id && second.attempt == 1 && second.stageIndex == 1)
            #expect(second.stageResults == advanced.stageResults)
            #expect(try await store.finish(second.lease, .succeeded(output: ["risk": 0.5]), handlerVersion: 1))
            let done = try #require(try await store.job(id: job.id))
            #expect(done.state == .succeeded && done.output == ["risk": 0.5] && done.stageResults.count == 1)

            let events = try await store.events(forJob: job.id)
            #expect(events.map(\.state) == [.pending, .running, .pending, .running, .succeeded])
            #expect(events[2].stage == "score" && events[2].attempt == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func advancingWithAStaleLeaseWritesNothing(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 3)])[0]
            let stale = try await store.claimOne(lease: .seconds(1))
            _ = try await store.rescueExpiredLeases(now: Date().addingTimeInterval(60))
            let current = try await store.claimOne()
            #expect(
                try await store.finish(stale.lease, Self.advance(from: stale, output: ["rows": 1]), handlerVersion: 1)
                    == false)
            let untouched = try #require(try await store.job(id: job.id))
            #expect(untouched.state == .running && untouched.fence == current.fence && untouched.queue == "default")
            #expect(untouched.stageIndex == 0 && untouched.stageResults.isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anExpiredLeaseInALaterStageRetriesThatStageOnly(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 2)])[0]
            let first = try await store.claimOne()
            #expect(
                try await store.finish(first.lease, Self.advance(from: first, output: ["rows": 7]), handlerVersion: 1))
            let lost = try await store.claimOne(queue: "gpu", worker: "dead", lease: .seconds(1))
            #expect(lost.stageIndex == 1)

            let rescued = try await store.rescueExpiredLeases(now: Date().addingTimeInterval(60))
            #expect(rescued.map(\.id) == [job.id])
            let pending = try #require(try await store.job(id: job.id))
            #expect(pending.state == .pending && pending.queue == "gpu" && pending.stage == "score")
            #expect(pending.stageIndex == 1 && pending.stageResults.map(\.output) == [["rows": 7]])

            let retried = try await store.claimOne(queue: "gpu", worker: "w2")
            #expect(retried.id == job.id && retried.attempt == 2 && retried.stageIndex == 1)
            #expect(retried.stageResults.map(\.output) == [["rows": 7]])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aJobRetriedAfterFailingInALaterStageResumesAtThatStage(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 1)])[0]
            let first = try await store.claimOne()
            #expect(
                try await store.finish(first.lease, Self.advance(from: first, output: ["rows": 2]), handlerVersion: 1))
            let second = try await store.claimOne(queue: "gpu")
            let failure = JobError(code: .taskFailed, message: "the model crashed", retryable: false)
            #expect(try await store.finish(second.lease, .failed(failure, progress: 80), handlerVersion: 1))

            guard case .retried(let retried) = try await store.retry(id: job.id, additionalAttempts: 1) else {
                Issue.record("the failed job was not retried")
                return
            }
            #expect(retried.state == .pending && retried.queue == "gpu" && retried.stageIndex == 1)
            #expect(retried.stageResults.map(\.output) == [["rows": 2]])
            let again = try await store.claimOne(queue: "gpu")
            #expect(again.id == job.id && again.attempt == 2 && again.maxAttempts == 2 && again.stage == "score")
        }
    }
}
