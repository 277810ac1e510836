import Foundation
import TaskRuntime
import Testing

/// Batched finishes and attempts that killed their worker process.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func aBatchedFinishWritesOnlyTheLeasesStillHeld(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let lostFirst = try await store.enqueue([.sample(priority: 3)])[0]
            let lostSecond = try await store.enqueue([.sample(priority: 2)])[0]
            let heldFirst = try await store.enqueue([.sample(priority: 1)])[0]
            let heldSecond = try await store.enqueue([.sample(priority: 0)])[0]
            let stale = try await store.claim(
                queues: ["default"], limit: 2, worker: "dead", leaseDuration: .seconds(10))
            #expect(stale.map(\.id) == [lostFirst.id, lostSecond.id])
            let held = try await store.claim(queues: ["default"], limit: 2, worker: "w1", leaseDuration: .seconds(3600))
            #expect(held.map(\.id) == [heldFirst.id, heldSecond.id])
            _ = try await store.rescueExpiredLeases(now: Date().addingTimeInterval(60))
            let reclaimed = try await store.claim(
                queues: ["default"], limit: 2, worker: "w2", leaseDuration: .seconds(3600))
            #expect(Set(reclaimed.map(\.id)) == [lostFirst.id, lostSecond.id])

            let error = JobError(code: .taskFailed, message: "boom", retryable: true)
            let later = Date().addingTimeInterval(600)
            let written = try await store.finish([
                Completion(lease: stale[0].lease, outcome: .succeeded(output: ["stale": true]), handlerVersion: 1),
                Completion(lease: held[0].lease, outcome: .succeeded(output: ["fresh": true]), handlerVersion: 2),
                Completion(lease: stale[1].lease, outcome: .failed(error, progress: 10), handlerVersion: 1),
                Completion(
                    lease: held[1].lease, outcome: .retry(error, retryAt: later, progress: 20), handlerVersion: 2),
                Completion(
                    lease: Lease(jobID: UUID(), fence: 1), outcome: .cancelled(progress: 0), handlerVersion: nil),
            ])
            #expect(written == [false, true, false, true, false])
            #expect(try await store.finish([]) == [])

            for job in reclaimed {
                let untouched = try #require(try await store.job(id: job.id))
                #expect(untouched.state == .running && untouched.fence == job.fence && untouched.leaseOwner == "w2")
                #expect(untouched.output == nil && untouched.progress == 0 && untouched.handlerVersion == nil)
            }
            let succeeded = try #require(try await store.job(id: heldFirst.id))
            #expect(
                succeeded.state == .succeeded && succeeded.output == ["fresh": true] && succeeded.handlerVersion == 2)
            #expect(succeeded.finishedAt != nil && succeeded.leaseOwner == nil)
            let retried = try #require(try await store.job(id: heldSecond.id))
            #expect(
                retried.state == .pending && retried.error == error && retried.progress == 20
                    && retried.finishedAt == nil)
            #expect(abs(retried.runAt.timeIntervalSince(later)) < 0.001)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aCrashWithARetryTimeSendsTheJobBackAndCountsTheCrash(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 3)])[0]
            let first = try await store.claimOne()
            #expect(
                try await store.finish(first.lease, .crashed(.crash, retryAt: Date(), progress: 30), handlerVersion: 1))
            let afterFirst = try #require(try await store.job(id: job.id))
            #expect(afterFirst.state == .pending && afterFirst.crashes == 1 && afterFirst.attempt == 1)
            #expect(afterFirst.error == .crash && afterFirst.progress == 30 && afterFirst.finishedAt == nil)
            #expect(afterFirst.leaseOwner == nil)

            let second = try await store.claimOne()
            #expect(second.id == job.id && second.attempt == 2 && second.crashes == 1)
            let later = Date().addingTimeInterval(600)
            #expect(
                try await store.finish(second.lease, .crashed(.crash, retryAt: later, progress: 5), handlerVersion: 1))
            let afterSecond = try #require(try await store.job(id: job.id))
            #expect(afterSecond.state == .pending && afterSecond.crashes == 2 && afterSecond.attempt == 2)
            #expect(abs(afterSecond.runAt.timeIntervalSince(later)) < 0.001)
            #expect(
                try await store.claim(queues: ["default"], limit: 1, worker: "w1", leaseDuration: .seconds(30)).isEmpty)

            let events = try await store.events(forJob: job.id)
            #expect(events.map(\.state) == [.pending, .running, .pending, .running, .pending])
            #expect(events.map(\.attempt) == [0, 1, 1, 2, 2])
            #expect(events.map(\.error?.code) == [nil, nil, .workerCrashed, .workerCrashed, .workerCrashed])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aCrashWithoutARetryTimeQuarantinesTheJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(maxAttempts: 5)])[0]
            _ = try await store.enqueue([NewJob(task: "other", version: 1, queue: "io", input: [:], maxAttempts: 1)])
            let claimed = try await store.claimOne()
            #expect(
                try await store.finish(claimed.lease, .crashed(.crash, retryAt: nil, progress: 60), handlerVersion: 1))

            let quarantined = try #require(try await store.job(id: job.id))
            #expect(quarantined.state == .quarantined && quarantined.state.isTerminal)
            #expect(quarantined.crashes == 1 && quarantined.attempt == 1 && quarantined.error == .crash)
            #expect(quarantined.progress == 60 && quarantined.finishedAt != nil && quarantined.leaseOwner == nil)
            #expect(try await store.unfinishedJobCounts() == ["other": 1])
            #expect(
                try await store.claim(queues: ["default"], limit: 1, worker: "w1", leaseDuration: .seconds(30)).isEmpty)
            #expect(try await store.rescueExpiredLeases(now: Date().addingTimeInterval(3600)).isEmpty)
            #expect(try await store.heartbeat([claimed.lease], leaseDuration: .seconds(30)).isEmpty)
            #expect(try await store.requestCancel(id: job.id) == .alreadyFinished(quarantined))
            #expect(try await store.events(forJob: job.id).map(\.state) == [.pending, .running, .quarantined])
        }
    }
}
