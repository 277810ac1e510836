import Foundation
import TaskRuntime
import Testing

/// Paused queues: left out of every claim (with and without rate limits) until resumed, shown in the
/// queue status, and a resume wakes the workers waiting for the queue.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func aPausedQueueIsNotClaimedUntilResumed(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let held = try await store.enqueue([.sample(queue: "geo", priority: 9), .sample(queue: "geo")])
            let other = try await store.enqueue([.sample(queue: "io")])[0]
            let pausedAt = Date(timeIntervalSince1970: 1_800_000_000)
            let pause = try await store.pauseQueue("geo", by: "ops", at: pausedAt)
            #expect(pause == PausedQueue(name: "geo", pausedAt: pausedAt, pausedBy: "ops"))
            // Pausing again keeps the first pause.
            #expect(try await store.pauseQueue("geo", by: "someone else", at: Date()) == pause)
            #expect(try await store.pausedQueues() == [pause])

            let claimed = try await store.claim(
                queues: ["geo", "io"], limit: 10, worker: "w1", leaseDuration: .seconds(30))
            #expect(claimed.map(\.id) == [other.id])
            var limited = ClaimRequest(
                queues: ["geo"], limit: 10, worker: "w1", leaseDuration: .seconds(30), rateLimits: [Self.slowRule])
            #expect(try await store.claim(limited).jobs.isEmpty)
            let statuses = try await store.queueStatus(now: Date())
            let geo = try #require(statuses.first { $0.name == "geo" })
            #expect(geo.pending == 2 && geo.paused == pause)
            #expect(statuses.first { $0.name == "io" }?.paused == nil)

            let woken = store.readyJobSignals()
            let resumedAt = pausedAt.addingTimeInterval(90)
            #expect(try await store.resumeQueue("geo", by: "lead", at: resumedAt))
            #expect(try await firstValue(of: woken, within: .seconds(5)) == "geo")
            #expect(try await !store.resumeQueue("geo", by: "lead", at: resumedAt.addingTimeInterval(1)))
            #expect(try await store.pausedQueues().isEmpty)
            limited.limit = 1
            #expect(try await store.claim(limited).jobs.map(\.id) == [held[0].id])
            #expect(try await store.claimOne(queue: "geo").id == held[1].id)
        }
    }

    /// Each pause that took and each resume is in the queue's history with who did it; a pause of a
    /// paused queue and a resume of a running one are not.
    @Test(arguments: StoreKind.allCases)
    func pausesAndResumesAreKeptAsTheQueuesHistory(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            _ = try await store.pauseQueue("geo", by: "ops", at: start)
            _ = try await store.pauseQueue("geo", by: "someone else", at: start.addingTimeInterval(5))
            _ = try await store.pauseQueue("io", by: "ops", at: start.addingTimeInterval(6))
            #expect(try await store.resumeQueue("geo", by: "lead", at: start.addingTimeInterval(10)))
            #expect(try await !store.resumeQueue("geo", by: "lead", at: start.addingTimeInterval(11)))
            _ = try await store.pauseQueue("geo", by: nil, at: start.addingTimeInterval(20))

            #expect(
                try await store.queueActions("geo", from: start, through: start.addingTimeInterval(60)) == [
                    QueueAction(queue: "geo", at: start, kind: .pause, actor: "ops"),
                    QueueAction(queue: "geo", at: start.addingTimeInterval(10), kind: .resume, actor: "lead"),
                    QueueAction(queue: "geo", at: start.addingTimeInterval(20), kind: .pause, actor: nil),
                ])
            // Led by the pause in force at the start; a resume before the start is left out.
            #expect(
                try await store.queueActions(
                    "geo", from: start.addingTimeInterval(1), through: start.addingTimeInterval(15))
                    == [
                        QueueAction(queue: "geo", at: start, kind: .pause, actor: "ops"),
                        QueueAction(queue: "geo", at: start.addingTimeInterval(10), kind: .resume, actor: "lead"),
                    ])
            #expect(
                try await store.queueActions(
                    "geo", from: start.addingTimeInterval(11), through: start.addingTimeInterval(15)
                ).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aPausedQueueWithoutJobsIsListed(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.pauseQueue("idle", by: nil, at: Date())
            let idle = try #require(try await store.queueStatus(now: Date()).first { $0.name == "idle" })
            #expect(idle.pending == 0 && idle.workers == 0 && idle.paused?.pausedBy == nil)
        }
    }
}
