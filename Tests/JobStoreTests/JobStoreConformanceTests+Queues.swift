import Foundation
import TaskRuntime
import Testing

/// Queue status: job counts by queue and the workers registered as serving them.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func queueStatusCountsReadyScheduledAndRunningJobsPerQueue(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            #expect(try await store.queueStatus(now: now) == [])
            _ = try await store.enqueue([
                .sample(priority: 1), .sample(), .sample(),
                .sample(runAt: now.addingTimeInterval(3600)),
                .sample(queue: "geo"), .sample(queue: "geo", runAt: now.addingTimeInterval(60)),
            ])
            _ = try await store.claimOne()
            let succeeded = try await store.claimOne()
            try await store.finish(succeeded.lease, .succeeded(output: [:]), handlerVersion: 1)

            #expect(try await store.queueStatus(now: Date()) == [
                QueueStatus(name: "default", pending: 1, scheduled: 1, running: 1),
                QueueStatus(name: "geo", pending: 1, scheduled: 1),
            ])
            // Once its time has come, a scheduled job counts as ready.
            #expect(try await store.queueStatus(now: now.addingTimeInterval(7200)) == [
                QueueStatus(name: "default", pending: 2, running: 1),
                QueueStatus(name: "geo", pending: 2),
            ])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func workersCountUntilTheyExpireOrUnregister(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            try await store.registerWorker(id: "a", queues: ["default": 4, "io": 8], expiresAt: now.addingTimeInterval(90))
            try await store.registerWorker(id: "b", queues: ["default": 1], expiresAt: now.addingTimeInterval(30))
            #expect(try await store.queueStatus(now: now) == [
                QueueStatus(name: "default", workers: 2), QueueStatus(name: "io", workers: 1),
            ])
            // Past b's expiry only a is live; renewing b (upsert) with other queues brings it back.
            #expect(try await store.queueStatus(now: now.addingTimeInterval(60)) == [
                QueueStatus(name: "default", workers: 1), QueueStatus(name: "io", workers: 1),
            ])
            try await store.registerWorker(id: "b", queues: ["geo": 2], expiresAt: now.addingTimeInterval(120))
            #expect(try await store.queueStatus(now: now.addingTimeInterval(60)) == [
                QueueStatus(name: "default", workers: 1), QueueStatus(name: "geo", workers: 1),
                QueueStatus(name: "io", workers: 1),
            ])
            try await store.unregisterWorker(id: "a")
            #expect(try await store.queueStatus(now: now) == [QueueStatus(name: "geo", workers: 1)])
            // Past every expiry nothing is listed.
            #expect(try await store.queueStatus(now: now.addingTimeInterval(3600)) == [])
        }
    }
}
