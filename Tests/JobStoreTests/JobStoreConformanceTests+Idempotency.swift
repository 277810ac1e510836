import Foundation
import TaskRuntime
import Testing

/// Idempotency keys and the dedup history.
extension JobStoreConformanceTests {
    static func keyClaim(
        _ key: String = "k1", hash: String = "h1", principal: String = "anonymous", expiresIn: TimeInterval = 3600
    )
        -> IdempotencyClaim
    {
        IdempotencyClaim(
            principal: principal, key: key, requestHash: hash, jobID: UUID(),
            expiresAt: Date().addingTimeInterval(expiresIn))
    }

    @Test(arguments: StoreKind.allCases)
    func exactlyOneOfConcurrentClaimsOfAKeyWins(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let results = try await withThrowingTaskGroup(of: IdempotencyRecord?.self) { group in
                for _ in 0..<10 {
                    // An hour before a claim counts as abandoned: however slow the machine, none of these is.
                    group.addTask {
                        try await store.claimIdempotencyKey(Self.keyClaim(), abandonedAfter: .seconds(3600))
                    }
                }
                return try await group.reduce(into: [IdempotencyRecord?]()) { $0.append($1) }
            }
            #expect(results.count { $0 == nil } == 1)
            #expect(Set(results.compactMap { $0?.jobID }).count == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRecordedResponseIsReturnedToLaterClaimsOfTheKey(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = Self.keyClaim()
            #expect(try await store.claimIdempotencyKey(first, abandonedAfter: .seconds(30)) == nil)
            let inFlight = try #require(
                try await store.claimIdempotencyKey(Self.keyClaim(hash: "h2"), abandonedAfter: .seconds(30)))
            #expect(inFlight.jobID == first.jobID && inFlight.requestHash == "h1" && inFlight.response == nil)
            let response = StoredResponse(status: 202, body: #"{"id":"x"}"#)
            try await store.recordIdempotentResponse(principal: "anonymous", key: "k1", response: response)
            let held = try #require(try await store.claimIdempotencyKey(Self.keyClaim(), abandonedAfter: .seconds(30)))
            #expect(held.response == response && held.jobID == first.jobID)
            // Keys are per principal.
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim(principal: "ci"), abandonedAfter: .seconds(30)) == nil
            )
        }
    }

    @Test(arguments: StoreKind.allCases)
    func releasedExpiredAndAbandonedKeysCanBeClaimedAgain(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let released = Self.keyClaim("released")
            #expect(try await store.claimIdempotencyKey(released, abandonedAfter: .seconds(30)) == nil)
            try await store.releaseIdempotencyKey(principal: "anonymous", key: "released", jobID: released.jobID)
            #expect(try await store.claimIdempotencyKey(Self.keyClaim("released"), abandonedAfter: .seconds(30)) == nil)

            #expect(
                try await store.claimIdempotencyKey(
                    Self.keyClaim("expired", expiresIn: -1), abandonedAfter: .seconds(30)) == nil)
            #expect(try await store.claimIdempotencyKey(Self.keyClaim("expired"), abandonedAfter: .seconds(30)) == nil)

            // Claimed, no job inserted, no response: abandoned once `abandonedAfter` has passed (zero here).
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim("abandoned"), abandonedAfter: .seconds(30)) == nil)
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim("abandoned"), abandonedAfter: .seconds(30)) != nil)
            #expect(try await store.claimIdempotencyKey(Self.keyClaim("abandoned"), abandonedAfter: .zero) == nil)

            // A claim whose job exists is never abandoned, however old.
            let inserted = Self.keyClaim("inserted")
            #expect(try await store.claimIdempotencyKey(inserted, abandonedAfter: .zero) == nil)
            var job = NewJob.sample()
            job.id = inserted.jobID
            _ = try await store.enqueue([job])
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim("inserted"), abandonedAfter: .zero)?.jobID
                    == inserted.jobID)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func pruningForgetsExpiredKeysAndLapsedWorkers(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim("old", expiresIn: -1), abandonedAfter: .seconds(3600))
                    == nil)
            #expect(try await store.claimIdempotencyKey(Self.keyClaim("live"), abandonedAfter: .seconds(3600)) == nil)
            try await store.registerWorker(id: "gone", queues: ["default": 1], expiresAt: now.addingTimeInterval(-1))
            try await store.registerWorker(id: "here", queues: ["default": 1], expiresAt: now.addingTimeInterval(60))
            try await store.pruneExpired(now: now)
            // The live key still holds; the expired one was deleted (a claim with another hash wins it).
            // (Claims count as abandoned only after an hour here, however slow the machine.)
            #expect(
                try await store.claimIdempotencyKey(
                    Self.keyClaim("live", hash: "other"), abandonedAfter: .seconds(3600)) != nil)
            #expect(
                try await store.claimIdempotencyKey(Self.keyClaim("old", hash: "other"), abandonedAfter: .seconds(3600))
                    == nil)
            #expect(
                try await store.queueStatus(now: now.addingTimeInterval(-10)) == [
                    QueueStatus(name: "default", workers: 1, concurrency: 1)
                ])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func dedupHistoryFindsTheLatestJobAndTheLatestSuccess(kind: StoreKind) async throws {
        try await kind.withStore { store in
            #expect(try await store.dedupHistory(key: "k") == DedupHistory(latest: nil, latestSucceeded: nil))
            let first = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .zero).job
            try await store.finish(try await store.claimOne().lease, .succeeded(output: ["n": 1]), handlerVersion: 1)
            let second = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .zero).job
            let history = try await store.dedupHistory(key: "k")
            #expect(history.latest?.id == second.id && history.latest?.state == .pending)
            #expect(history.latestSucceeded?.id == first.id && history.latestSucceeded?.finishedAt != nil)
            #expect(try await store.dedupHistory(key: "other").latest == nil)
        }
    }
}
