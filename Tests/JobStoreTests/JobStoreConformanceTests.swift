import Foundation
import TaskRuntime
import Testing

/// The behaviour every `JobStore` must have; runs unchanged against each ``StoreKind``.
@Suite("JobStore conformance")
struct JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func enqueueStoresJobsInOrderAsPending(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let new = [NewJob.sample(input: ["n": 1]), .sample(input: ["n": 2]), .sample(input: ["n": 3])]
            let stored = try await store.enqueue(new)
            #expect(stored.map(\.id) == new.map(\.id))
            #expect(stored.allSatisfy { $0.state == .pending && $0.attempt == 0 && $0.progress == 0 })
            #expect(stored.map(\.input) == [["n": 1], ["n": 2], ["n": 3]])
            let fetched = try #require(try await store.job(id: new[1].id))
            #expect(fetched == stored[1])
            #expect(try await store.job(id: UUID()) == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func listingIsNewestFirstWithFiltersAndCursor(kind: StoreKind) async throws {
        try await kind.withStore { store in
            var ids: [UUID] = []
            for index in 0..<5 {
                ids += try await store.enqueue([
                    NewJob(
                        task: index.isMultiple(of: 2) ? "echo" : "sleep", version: 1, queue: "default", input: [:],
                        maxAttempts: 1)
                ]).map(\.id)
            }
            let first = try await store.jobs(matching: JobQuery(limit: 2))
            #expect(first.jobs.map(\.id) == [ids[4], ids[3]])
            let firstCursor: Int64 = try #require(first.nextBefore)
            let second = try await store.jobs(matching: JobQuery(limit: 2, before: firstCursor))
            #expect(second.jobs.map(\.id) == [ids[2], ids[1]])
            let secondCursor: Int64 = try #require(second.nextBefore)
            let last = try await store.jobs(matching: JobQuery(limit: 2, before: secondCursor))
            #expect(last.jobs.map(\.id) == [ids[0]])
            #expect(last.nextBefore == nil)
            let echoes = try await store.jobs(matching: JobQuery(task: "echo"))
            #expect(echoes.jobs.map(\.id) == [ids[4], ids[2], ids[0]])
            _ = try await store.claimOne()
            let running = try await store.jobs(matching: JobQuery(state: .running))
            #expect(running.jobs.map(\.id) == [ids[0]])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func claimTakesHighestPriorityThenOldestAndLeavesFutureJobs(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let low = NewJob.sample(priority: 0)
            let highFirst = NewJob.sample(priority: 5)
            let highSecond = NewJob.sample(priority: 5)
            let future = NewJob.sample(priority: 9, runAt: Date().addingTimeInterval(3600))
            let otherQueue = NewJob.sample(queue: "io", priority: 9)
            for job in [low, highFirst, highSecond, future, otherQueue] { _ = try await store.enqueue([job]) }
            let claimed = try await store.claim(
                queues: ["default"], limit: 10, worker: "w1", leaseDuration: .seconds(30))
            #expect(claimed.map(\.id) == [highFirst.id, highSecond.id, low.id])
            #expect(
                claimed.allSatisfy {
                    $0.state == .running && $0.attempt == 1 && $0.leaseOwner == "w1" && $0.startedAt != nil
                })
            #expect(
                try await store.claim(queues: ["default"], limit: 10, worker: "w1", leaseDuration: .seconds(30)).isEmpty
            )
            #expect(try await store.job(id: future.id)?.state == .pending)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentClaimsNeverShareAJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.enqueue((0..<200).map { NewJob.sample(input: ["n": .integer($0)]) })
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [UUID] = []
                        while true {
                            let jobs = try await store.claim(
                                queues: ["default"], limit: 7, worker: "w\(worker)", leaseDuration: .seconds(30))
                            if jobs.isEmpty { return mine }
                            mine += jobs.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [UUID]()) { $0 += $1 }
            }
            #expect(claimed.count == 200)
            #expect(Set(claimed).count == 200)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func writesWithAStaleLeaseAreRefused(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample()])[0]
            let first = try await store.claimOne(lease: .seconds(30))
            let rescued = try await store.rescueExpiredLeases(now: Date().addingTimeInterval(60))
            #expect(rescued.map(\.id) == [job.id])
            let second = try await store.claimOne(worker: "w2")
            #expect(second.fence > first.fence)
            #expect(second.attempt == 2)
            #expect(
                try await store.finish(first.lease, .succeeded(output: ["stale": true]), handlerVersion: 1) == false)
            #expect(try await store.reportProgress(first.lease, progress: 50, stage: nil) == false)
            #expect(try await store.heartbeat([first.lease], leaseDuration: .seconds(30)).isEmpty)
            #expect(
                try await store.finish(second.lease, .succeeded(output: ["fresh": true]), handlerVersion: 1) == true)
            let finished = try #require(try await store.job(id: job.id))
            #expect(finished.state == .succeeded)
            #expect(finished.output == ["fresh": true])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func finishRecordsEachOutcome(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.enqueue((0..<5).map { _ in NewJob.sample() })
            let error = JobError(code: .taskFailed, message: "boom", retryable: true)

            let succeeded = try await store.claimOne()
            try await store.finish(succeeded.lease, .succeeded(output: ["ok": true]), handlerVersion: 2)
            let done = try #require(try await store.job(id: succeeded.id))
            #expect(
                done.state == .succeeded && done.progress == 100 && done.output == ["ok": true]
                    && done.finishedAt != nil)
            #expect(done.version == 1 && done.handlerVersion == 2)

            let failed = try await store.claimOne()
            try await store.finish(failed.lease, .failed(error, progress: 40), handlerVersion: 1)
            let failedJob = try #require(try await store.job(id: failed.id))
            #expect(failedJob.state == .failed && failedJob.error == error && failedJob.progress == 40)

            let retried = try await store.claimOne()
            let later = Date().addingTimeInterval(60)
            try await store.finish(retried.lease, .retry(error, retryAt: later, progress: 10), handlerVersion: 1)
            let retriedJob = try #require(try await store.job(id: retried.id))
            #expect(retriedJob.state == .pending && retriedJob.attempt == 1 && retriedJob.error == error)
            #expect(abs(retriedJob.runAt.timeIntervalSince(later)) < 0.001)

            let cancelled = try await store.claimOne()
            try await store.finish(cancelled.lease, .cancelled(progress: 70), handlerVersion: 1)
            let cancelledJob = try #require(try await store.job(id: cancelled.id))
            #expect(
                cancelledJob.state == .cancelled && cancelledJob.error?.code == .cancelled
                    && cancelledJob.progress == 70)

            let released = try await store.claimOne()
            try await store.finish(released.lease, .released, handlerVersion: 1)
            let releasedJob = try #require(try await store.job(id: released.id))
            #expect(releasedJob.state == .pending && releasedJob.attempt == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func cancelDependsOnTheState(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let pending = try await store.enqueue([.sample(priority: 0)])[0]
            let running = try await store.enqueue([.sample(priority: 1)])[0]
            let claimed = try await store.claimOne()
            #expect(claimed.id == running.id)

            guard case .cancelled(let cancelled) = try await store.requestCancel(id: pending.id) else {
                Issue.record("a pending job is cancelled at once")
                return
            }
            #expect(cancelled.state == .cancelled && cancelled.finishedAt != nil)

            guard case .requested(let requested) = try await store.requestCancel(id: running.id) else {
                Issue.record("a running job gets a cancel request")
                return
            }
            #expect(requested.state == .running && requested.cancelRequested)
            let statuses = try await store.heartbeat([claimed.lease], leaseDuration: .seconds(30))
            #expect(statuses[claimed.lease]?.cancelRequested == true)

            guard case .alreadyFinished = try await store.requestCancel(id: pending.id) else {
                Issue.record("a finished job cannot be cancelled")
                return
            }
            #expect(try await store.requestCancel(id: UUID()) == .notFound)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func expiredLeasesAreRetriedOrFailWhenAttemptsAreSpent(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let retryable = try await store.enqueue([.sample(priority: 2, maxAttempts: 2)])[0]
            let spent = try await store.enqueue([.sample(priority: 1, maxAttempts: 1)])[0]
            let healthy = try await store.enqueue([.sample(priority: 0)])[0]
            _ = try await store.claim(queues: ["default"], limit: 2, worker: "dead", leaseDuration: .seconds(10))
            _ = try await store.claimOne(worker: "alive", lease: .seconds(3600))
            let rescued = try await store.rescueExpiredLeases(now: Date().addingTimeInterval(60))
            #expect(Set(rescued.map(\.id)) == [retryable.id, spent.id])
            #expect(try await store.job(id: retryable.id)?.state == .pending)
            let lost = try #require(try await store.job(id: spent.id))
            #expect(lost.state == .failed && lost.error?.code == .workerLost)
            #expect(try await store.job(id: healthy.id)?.state == .running)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func progressAndEventsAreRecorded(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample()])[0]
            let claimed = try await store.claimOne()
            #expect(try await store.reportProgress(claimed.lease, progress: 42.5, stage: "reading"))
            let midway = try #require(try await store.job(id: job.id))
            #expect(midway.progress == 42.5 && midway.stage == "reading")
            try await store.finish(claimed.lease, .succeeded(output: [:]), handlerVersion: 1)
            let events = try await store.events(forJob: job.id)
            #expect(events.map(\.state) == [.pending, .running, .running, .succeeded])
            #expect(events.map(\.stage) == [nil, nil, "reading", "reading"])
            #expect(events.map(\.sequence) == events.map(\.sequence).sorted())
        }
    }

    @Test(arguments: StoreKind.allCases)
    func enqueueSignalsWaitingWorkers(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let signals = store.readyJobSignals()
            _ = try await store.enqueue([.sample(queue: "io")])
            var iterator = signals.makeAsyncIterator()
            #expect(await iterator.next() == "io")
        }
    }
}

@Suite("Undeclared tasks")
struct UndeclaredTaskTests {
    @Test(arguments: StoreKind.allCases)
    func unfinishedJobsOfATaskNoLongerDeclaredRefuseTheStart(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let echo = TaskEntry(
                TaskDefinition(
                    name: "echo", version: 1, summary: "Echo.", queue: "default", timeout: .seconds(1),
                    input: Schema(type: [.object]), output: Schema(type: [.object]),
                    location: SourceLocation(file: "tasks.yaml", line: 1, column: 1))
            ) { (input: JSONValue, _: JobContext) in input }
            _ = try await store.enqueue([
                .sample(), .sample(),
                NewJob(task: "gone", version: 1, queue: "default", input: [:], maxAttempts: 1),
                NewJob(task: "finished", version: 1, queue: "default", input: [:], maxAttempts: 1),
            ])
            _ = try await store.requestCancel(
                id: try #require(try await store.jobs(matching: JobQuery(task: "finished")).jobs.first?.id))
            #expect(try await store.unfinishedJobCounts() == ["echo": 2, "gone": 1])
            await #expect(throws: UndeclaredTasksWithJobs(counts: ["gone": 1])) {
                try await UndeclaredTaskCheck.verify(TaskCatalog([echo]), against: store)
            }
            _ = try await store.requestCancel(
                id: try #require(try await store.jobs(matching: JobQuery(task: "gone")).jobs.first?.id))
            try await UndeclaredTaskCheck.verify(TaskCatalog([echo]), against: store)
        }
    }
}
