import Foundation
import TaskRuntime
import Testing

/// Operator retries, pruning and cancel signals.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func retrySendsFailedCancelledAndQuarantinedJobsBack(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let failed = try await store.enqueue([.sample(priority: 2, maxAttempts: 1)])[0]
            let quarantined = try await store.enqueue([.sample(priority: 1, maxAttempts: 1)])[0]
            let cancelled = try await store.enqueue([.sample(priority: 0, maxAttempts: 1)])[0]
            let error = JobError(code: .taskFailed, message: "boom", retryable: false)
            try await store.finish(try await store.claimOne().lease, .failed(error, progress: 50), handlerVersion: 1)
            try await store.finish(
                try await store.claimOne().lease, .crashed(.crash, retryAt: nil, progress: 0), handlerVersion: 1)
            let running = try await store.claimOne()
            _ = try await store.requestCancel(id: cancelled.id)
            try await store.finish(running.lease, .cancelled(progress: 0), handlerVersion: 1)
            #expect(try await store.job(id: cancelled.id)?.cancelRequested == true)

            for (job, previous) in [(failed, JobState.failed), (quarantined, .quarantined), (cancelled, .cancelled)] {
                guard case .retried(let retried) = try await store.retry(id: job.id, additionalAttempts: 2) else {
                    Issue.record("a \(previous) job is retried")
                    continue
                }
                #expect(retried.state == .pending && retried.attempt == 1 && retried.maxAttempts == 3)
                #expect(retried.crashes == 0 && retried.finishedAt == nil && retried.output == nil)
                #expect(retried.leaseOwner == nil && !retried.cancelRequested && retried.runAt <= Date())
                let events = try await store.events(forJob: job.id)
                #expect(events.suffix(2).map(\.state) == [previous, .pending])
            }
            let again = try await store.claim(queues: ["default"], limit: 10, worker: "w2", leaseDuration: .seconds(30))
            #expect(again.map(\.id) == [failed.id, quarantined.id, cancelled.id])
            #expect(again.allSatisfy { $0.attempt == 2 && $0.maxAttempts == 3 && !$0.cancelRequested })
        }
    }

    @Test(arguments: StoreKind.allCases)
    func retryRefusesJobsThatArePendingRunningOrSucceeded(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let succeeded = try await store.enqueue([.sample(priority: 2)])[0]
            let running = try await store.enqueue([.sample(priority: 1)])[0]
            let pending = try await store.enqueue([.sample(priority: 0)])[0]
            try await store.finish(try await store.claimOne().lease, .succeeded(output: [:]), handlerVersion: 1)
            _ = try await store.claimOne()
            for (job, state) in [(succeeded, JobState.succeeded), (running, .running), (pending, .pending)] {
                let current = try #require(try await store.job(id: job.id))
                #expect(current.state == state)
                #expect(try await store.retry(id: job.id, additionalAttempts: 1) == .notRetryable(current))
                #expect(try await store.job(id: job.id) == current)
            }
            #expect(try await store.retry(id: UUID(), additionalAttempts: 1) == .notFound)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func pruningDeletesOnlyOldSucceededFailedAndCancelledJobsWithTheirEvents(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let error = JobError(code: .taskFailed, message: "boom", retryable: false)
            let old = try await store.enqueue((0..<4).map { NewJob.sample(priority: 10 - $0) })
            let written = try await store.finish([
                Completion(
                    lease: try await store.claimOne().lease, outcome: .succeeded(output: [:]), handlerVersion: 1),
                Completion(
                    lease: try await store.claimOne().lease, outcome: .failed(error, progress: 0), handlerVersion: 1),
                Completion(
                    lease: try await store.claimOne().lease, outcome: .crashed(.crash, retryAt: nil, progress: 0),
                    handlerVersion: 1),
            ])
            #expect(written == [true, true, true])
            _ = try await store.requestCancel(id: old[3].id)
            var oldJobs: [Job] = []
            for job in old { oldJobs.append(try #require(try await store.job(id: job.id))) }
            #expect(oldJobs.map(\.state) == [.succeeded, .failed, .quarantined, .cancelled])
            let cutoff = try #require(oldJobs.compactMap(\.finishedAt).max()).addingTimeInterval(0.001)
            while Date() <= cutoff { await Task.yield() }

            let recent = try await store.enqueue([.sample(priority: 1)])[0]
            let running = try await store.enqueue([.sample(priority: 0)])[0]
            let pending = try await store.enqueue([.sample(runAt: Date().addingTimeInterval(3600))])[0]
            try await store.finish(try await store.claimOne().lease, .succeeded(output: [:]), handlerVersion: 1)
            _ = try await store.claimOne()
            #expect(try #require(try await store.job(id: recent.id)?.finishedAt) > cutoff)

            #expect(try await store.pruneFinishedJobs(finishedBefore: cutoff, limit: 2) == 2)
            #expect(try await store.pruneFinishedJobs(finishedBefore: cutoff, limit: 10) == 1)
            #expect(try await store.pruneFinishedJobs(finishedBefore: cutoff, limit: 10) == 0)
            for job in [old[0], old[1], old[3]] {
                #expect(try await store.job(id: job.id) == nil)
                #expect(try await store.events(forJob: job.id).isEmpty)
            }
            for job in [old[2], recent, running, pending] {
                #expect(try await store.job(id: job.id) != nil)
                #expect(try await !store.events(forJob: job.id).isEmpty)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func cancelSignalsNameRunningJobsAskedToStop(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let running = try await store.enqueue([.sample(priority: 1)])[0]
            let pending = try await store.enqueue([.sample(priority: 0)])[0]
            _ = try await store.claimOne()
            let signals = store.cancelSignals()
            #expect(try await store.requestCancel(id: pending.id) != .notFound)
            #expect(try await store.requestCancel(id: running.id) != .notFound)
            // A pending job is cancelled outright: the first signal is the running job's.
            #expect(try await firstValue(of: signals, within: .seconds(5)) == running.id)
        }
    }
}
