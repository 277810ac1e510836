import Foundation
import TaskRuntime
import Testing

/// What the dashboard reads: jobs filtered by queue and by the start of their id, bounded counts,
/// and the live workers with the jobs they hold.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func jobsAreFilteredByQueueAndIdPrefix(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let geo = try await store.enqueue([.sample(queue: "geo"), .sample(queue: "geo")])
            let io = try await store.enqueue([.sample(queue: "io")])[0]
            #expect(try await store.jobs(matching: JobQuery(queue: "geo")).jobs.map(\.id) == geo.reversed().map(\.id))
            #expect(try await store.jobs(matching: JobQuery(queue: "io")).jobs.map(\.id) == [io.id])

            let id = geo[1].id.lowercasedString
            for prefix in [String(id.prefix(1)), String(id.prefix(9)), String(id.prefix(14)), id, id.uppercased()] {
                let found = try await store.jobs(matching: JobQuery(idPrefix: try #require(JobIDPrefix(prefix)))).jobs
                #expect(found.contains { $0.id == geo[1].id }, "prefix \(prefix)")
                #expect(found.allSatisfy { $0.id.lowercasedString.hasPrefix(prefix.lowercased()) }, "prefix \(prefix)")
            }
            let exact = try #require(JobIDPrefix(id))
            #expect(try await store.jobs(matching: JobQuery(queue: "io", idPrefix: exact)).jobs.isEmpty)
        }
    }

    @Test func anIdPrefixIsHexDigitsWithDashesWhereAUUIDHasThem() throws {
        #expect(JobIDPrefix("6f1c")?.lowerBound == "6f1c0000-0000-0000-0000-000000000000")
        #expect(JobIDPrefix("6F1C9A2E-01")?.upperBound == "6f1c9a2e-01ff-ffff-ffff-ffffffffffff")
        for bad in ["", "xyz", "6f1c-9a", "6f1c9a2e01-", String(repeating: "a", count: 33), "6f1c%"] {
            #expect(JobIDPrefix(bad) == nil, "\(bad)")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func countsStopAtTheirLimit(kind: StoreKind) async throws {
        try await kind.withStore { store in
            _ = try await store.enqueue((0..<7).map { _ in .sample(queue: "geo") } + [.sample(queue: "io")])
            #expect(try await store.countJobs(matching: JobQuery(queue: "geo"), upTo: 100) == 7)
            #expect(try await store.countJobs(matching: JobQuery(queue: "geo"), upTo: 5) == 5)
            #expect(try await store.countJobs(matching: JobQuery(state: .running), upTo: 100) == 0)
            #expect(try await store.countJobs(matching: JobQuery(), upTo: 100) == 8)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func liveWorkersShowWhereTheyRunAndWhatTheyHold(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = Date()
            try await store.registerWorker(
                id: "w1", queues: ["geo": 2, "io": 1], expiresAt: now.addingTimeInterval(90))
            try await store.registerWorker(id: "gone", queues: ["geo": 1], expiresAt: now.addingTimeInterval(-1))
            _ = try await store.enqueue([.sample(queue: "geo"), .sample(queue: "geo")])
            let held = try await store.claim(queues: ["geo"], limit: 1, worker: "w1", leaseDuration: .seconds(30))

            let workers = try await store.liveWorkers(now: now)
            #expect(workers.map(\.id) == ["w1"])
            let worker = try #require(workers.first)
            #expect(worker.queues == ["geo": 2, "io": 1])
            #expect(worker.host == ProcessInfo.processInfo.hostName)
            #expect(worker.pid == Int(ProcessInfo.processInfo.processIdentifier))
            #expect(worker.running == held.map(\.id))
            #expect(abs(worker.lastSeen.timeIntervalSince(now)) < 60 && worker.startedAt <= worker.lastSeen)

            // A renewal keeps when it started and moves its last heartbeat.
            try await store.registerWorker(id: "w1", queues: ["geo": 2], expiresAt: now.addingTimeInterval(120))
            let renewed = try #require(try await store.liveWorkers(now: now).first)
            #expect(renewed.startedAt == worker.startedAt && renewed.lastSeen >= worker.lastSeen)
            #expect(renewed.queues == ["geo": 2])
        }
    }
}

/// Who did what: the worker in each event, and the operators' actions kept until the job is pruned.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func eventsNameTheWorkerAndActionsAreKeptUntilPruning(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let job = try await store.enqueue([.sample(queue: "geo")])[0]
            let claimed = try #require(
                try await store.claim(queues: ["geo"], limit: 1, worker: "w7", leaseDuration: .seconds(30)).first)
            #expect(try await store.finish(claimed.lease, .succeeded(output: [:]), handlerVersion: 1))
            let events = try await store.events(forJob: job.id)
            #expect(events.map(\.state) == [.pending, .running, .succeeded])
            #expect(events.map(\.worker) == [nil, "w7", "w7"])

            let at = Date(timeIntervalSince1970: 1_800_000_000)
            try await store.recordAction(JobAction(jobID: job.id, at: at, kind: .retry, actor: "tok1"))
            try await store.recordAction(
                JobAction(jobID: job.id, at: at.addingTimeInterval(1), kind: .cancel, actor: nil))
            #expect(
                try await store.actions(forJob: job.id) == [
                    JobAction(jobID: job.id, at: at, kind: .retry, actor: "tok1"),
                    JobAction(jobID: job.id, at: at.addingTimeInterval(1), kind: .cancel, actor: nil),
                ])
            #expect(try await store.pruneFinishedJobs(finishedBefore: Date().addingTimeInterval(60), limit: 10) == 1)
            #expect(try await store.actions(forJob: job.id).isEmpty)
        }
    }
}

/// The overview's last hour: finished jobs counted per queue, minute and final state.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func finishedJobsAreCountedPerQueueMinuteAndState(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let start = Date()
            _ = try await store.enqueue(
                (0..<4).map { _ in .sample(queue: "geo", maxAttempts: 1) } + [.sample(queue: "io")])
            let failure = JobError(code: .taskFailed, message: "no", retryable: false)
            for outcome: AttemptOutcome in [
                .succeeded(output: [:]), .succeeded(output: [:]), .failed(failure, progress: 0),
                .crashed(.crash, retryAt: nil, progress: 0),
            ] {
                #expect(
                    try await store.finish(try await store.claimOne(queue: "geo").lease, outcome, handlerVersion: 1))
            }
            let counts = try await store.finishedCounts(since: start.addingTimeInterval(-60))
            var totals: [JobState: Int] = [:]
            for count in counts {
                #expect(count.queue == "geo")
                #expect(count.minute <= Date() && count.minute >= FinishedCount.minute(of: start))
                totals[count.state, default: 0] += count.count
            }
            #expect(totals == [.succeeded: 2, .failed: 1, .quarantined: 1])
            #expect(try await store.finishedCounts(since: Date().addingTimeInterval(60)).isEmpty)
        }
    }
}
