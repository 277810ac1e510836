import Foundation
import TaskRuntime
import Testing

/// Queue status: job counts by queue, the age of the oldest ready job, and the workers registered as
/// serving them with their slots.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func queueStatusCountsReadyScheduledAndRunningJobsPerQueue(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            #expect(try await store.queueStatus(now: now) == [])
            _ = try await store.enqueue([
                .sample(priority: 1), .sample(), .sample(),
                .sample(runAt: now.addingTimeInterval(3600)),
                .sample(queue: "geo"), .sample(queue: "geo", runAt: now.addingTimeInterval(1800)),
            ])
            _ = try await store.claimOne()
            let succeeded = try await store.claimOne()
            try await store.finish(succeeded.lease, .succeeded(output: [:]), handlerVersion: 1)

            #expect(
                try await store.queueStatus(now: Date()).map(\.withoutAge) == [
                    QueueStatus(name: "default", pending: 1, scheduled: 1, running: 1),
                    QueueStatus(name: "geo", pending: 1, scheduled: 1),
                ])
            // Once its time has come, a scheduled job counts as ready.
            #expect(
                try await store.queueStatus(now: now.addingTimeInterval(7200)).map(\.withoutAge) == [
                    QueueStatus(name: "default", pending: 2, running: 1),
                    QueueStatus(name: "geo", pending: 2),
                ])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func oldestPendingAgeCountsFromTheReadyTimeOfTheOldestReadyJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            // Whole seconds, so that both stores' microsecond timestamps hold them exactly.
            let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970).rounded())
            _ = try await store.enqueue([
                .sample(runAt: now.addingTimeInterval(-10)), .sample(runAt: now.addingTimeInterval(-30)),
                .sample(runAt: now.addingTimeInterval(600)),
                .sample(queue: "geo", runAt: now.addingTimeInterval(60)),
            ])
            #expect(
                try await store.queueStatus(now: now) == [
                    QueueStatus(name: "default", pending: 2, scheduled: 1, oldestPendingAge: 30),
                    QueueStatus(name: "geo", scheduled: 1),
                ])
            // A claimed job no longer waits: the next oldest ready one counts. Jobs not yet ready never do.
            _ = try await store.claim(queues: ["default"], limit: 1, worker: "w", leaseDuration: .seconds(30))
            #expect(
                try await store.queueStatus(now: now) == [
                    QueueStatus(name: "default", pending: 1, scheduled: 1, running: 1, oldestPendingAge: 10),
                    QueueStatus(name: "geo", scheduled: 1),
                ])
            #expect(
                try await store.queueStatus(now: now.addingTimeInterval(90)).last
                    == QueueStatus(name: "geo", pending: 1, oldestPendingAge: 30))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func workersCountUntilTheyExpireOrUnregister(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            try await store.registerWorker(
                id: "a", queues: ["default": 4, "io": 8], expiresAt: now.addingTimeInterval(90))
            try await store.registerWorker(id: "b", queues: ["default": 1], expiresAt: now.addingTimeInterval(30))
            #expect(
                try await store.queueStatus(now: now) == [
                    QueueStatus(name: "default", workers: 2, concurrency: 5),
                    QueueStatus(name: "io", workers: 1, concurrency: 8),
                ])
            // Past b's expiry only a is live; renewing b (upsert) with other queues brings it back.
            #expect(
                try await store.queueStatus(now: now.addingTimeInterval(60)) == [
                    QueueStatus(name: "default", workers: 1, concurrency: 4),
                    QueueStatus(name: "io", workers: 1, concurrency: 8),
                ])
            try await store.registerWorker(id: "b", queues: ["geo": 2], expiresAt: now.addingTimeInterval(120))
            #expect(
                try await store.queueStatus(now: now.addingTimeInterval(60)) == [
                    QueueStatus(name: "default", workers: 1, concurrency: 4),
                    QueueStatus(name: "geo", workers: 1, concurrency: 2),
                    QueueStatus(name: "io", workers: 1, concurrency: 8),
                ])
            try await store.unregisterWorker(id: "a")
            #expect(try await store.queueStatus(now: now) == [QueueStatus(name: "geo", workers: 1, concurrency: 2)])
            // Past every expiry nothing is listed.
            #expect(try await store.queueStatus(now: now.addingTimeInterval(3600)) == [])
        }
    }
}

extension QueueStatus {
    /// The status without ``oldestPendingAge``, which follows the clock of the test.
    fileprivate var withoutAge: QueueStatus {
        var status = self
        status.oldestPendingAge = nil
        return status
    }
}
