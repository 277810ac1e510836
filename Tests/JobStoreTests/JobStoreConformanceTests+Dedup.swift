import Foundation
import TaskRuntime
import Testing

/// `enqueueDeduplicated`: one active job per key, reuse of recent successes.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func concurrentSubmissionsWithOneKeyCreateOneJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let outcomes = try await withThrowingTaskGroup(of: DedupOutcome.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        try await store.enqueueDeduplicated(
                            .sample(input: ["n": .integer(n)]), key: "k", reuseResultFor: .zero)
                    }
                }
                return try await group.reduce(into: [DedupOutcome]()) { $0.append($1) }
            }
            let created = outcomes.filter { if case .created = $0 { true } else { false } }
            #expect(created.count == 1)
            #expect(Set(outcomes.map(\.job.id)).count == 1)
            #expect(try await store.jobs(matching: JobQuery(limit: 100)).jobs.count == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRunningJobIsReturnedAsDeduplicated(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .seconds(3600))
            let running = try await store.claimOne()
            #expect(first == .created(first.job) && first.job.id == running.id)
            let second = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .seconds(3600))
            guard case .deduplicated(let job) = second else {
                Issue.record("expected the running job, got \(second)")
                return
            }
            #expect(job.id == running.id && job.state == .running)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aSucceededJobIsReusedOnlyWithinTheWindow(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .seconds(3600))
            try await store.finish(
                try await store.claimOne().lease, .succeeded(output: ["ok": true]), handlerVersion: 1)
            let inside = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .seconds(3600))
            #expect(inside == .reused(try #require(try await store.job(id: first.job.id))))
            // The job finished at least one round trip ago: a one-nanosecond window has passed.
            let after = try await store.enqueueDeduplicated(.sample(), key: "k", reuseResultFor: .nanoseconds(1))
            guard case .created(let fresh) = after else {
                Issue.record("expected a new job, got \(after)")
                return
            }
            #expect(fresh.id != first.job.id && fresh.state == .pending)
            let noReuse = try await store.enqueueDeduplicated(.sample(), key: "other", reuseResultFor: .zero)
            #expect(noReuse.job.id != fresh.id)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func failedAndCancelledJobsAreNeverReused(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let window = Duration.seconds(3600)
            let failed = try await store.enqueueDeduplicated(.sample(maxAttempts: 1), key: "f", reuseResultFor: window)
                .job
            let error = JobError(code: .taskFailed, message: "boom", retryable: false)
            try await store.finish(try await store.claimOne().lease, .failed(error, progress: 0), handlerVersion: 1)
            let cancelled = try await store.enqueueDeduplicated(.sample(), key: "c", reuseResultFor: window).job
            guard case .cancelled = try await store.requestCancel(id: cancelled.id) else {
                Issue.record("a pending job is cancelled at once")
                return
            }
            for (key, old) in [("f", failed), ("c", cancelled)] {
                let again = try await store.enqueueDeduplicated(.sample(), key: key, reuseResultFor: window)
                guard case .created(let job) = again else {
                    Issue.record("expected a new job for '\(key)', got \(again)")
                    continue
                }
                #expect(job.id != old.id)
            }
            // The operator's retry gives up the key, so it never collides with the newer job.
            guard case .retried(let retried) = try await store.retry(id: failed.id, additionalAttempts: 1) else {
                Issue.record("the failed job is retried")
                return
            }
            #expect(retried.state == .pending)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func differentKeysAreIndependent(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let first = try await store.enqueueDeduplicated(.sample(), key: "a", reuseResultFor: .zero)
            let second = try await store.enqueueDeduplicated(.sample(), key: "b", reuseResultFor: .zero)
            let plain = try await store.enqueue([.sample(), .sample()])
            guard case .created(let a) = first, case .created(let b) = second else {
                Issue.record("expected two new jobs, got \(first) and \(second)")
                return
            }
            #expect(Set([a.id, b.id] + plain.map(\.id)).count == 4)
        }
    }
}
