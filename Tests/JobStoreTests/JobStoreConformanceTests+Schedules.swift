import Foundation
import Logging
import TaskRuntime
import Testing

/// `enqueueScheduled` and the ``Scheduler`` on top of it: one job per schedule tick, whatever the
/// number of schedulers.
extension JobStoreConformanceTests {
    @Test(arguments: StoreKind.allCases)
    func aTickIsEnqueuedOnce(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let tick = try Date("2026-01-01T00:15:00Z", strategy: .iso8601)
            #expect(try await store.latestScheduledTick(scheduleID: "report:a") == nil)
            let first = try #require(try await store.enqueueScheduled(.sample(), scheduleID: "report:a", tick: tick))
            #expect(first.state == .pending)
            #expect(try await store.events(forJob: first.id).map(\.state) == [.pending])
            #expect(try await store.enqueueScheduled(.sample(), scheduleID: "report:a", tick: tick) == nil)
            let otherSchedule = try await store.enqueueScheduled(.sample(), scheduleID: "report:b", tick: tick)
            let nextTick = try await store.enqueueScheduled(.sample(), scheduleID: "report:a", tick: tick + 900)
            #expect(otherSchedule != nil && nextTick != nil)
            #expect(try await store.latestScheduledTick(scheduleID: "report:a") == tick + 900)
            #expect(
                try await store.recentScheduledTicks(scheduleID: "report:a", limit: 5) == [
                    ScheduledTick(tick: tick + 900, jobID: try #require(nextTick).id),
                    ScheduledTick(tick: tick, jobID: first.id),
                ])
            #expect(try await store.recentScheduledTicks(scheduleID: "report:a", limit: 1).map(\.tick) == [tick + 900])
            #expect(try await store.jobs(matching: JobQuery(limit: 100)).jobs.count == 3)
            #expect(try await store.claimOne().id == first.id)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func concurrentEnqueuesOfOneTickMakeOneJob(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let tick = try Date("2026-01-01T00:15:00Z", strategy: .iso8601)
            let jobs = try await withThrowingTaskGroup(of: Job?.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await store.enqueueScheduled(.sample(), scheduleID: "report:a", tick: tick) }
                }
                return try await group.reduce(into: [Job]()) { if let job = $1 { $0.append(job) } }
            }
            #expect(jobs.count == 1)
            #expect(try await store.jobs(matching: JobQuery(limit: 100)).jobs.map(\.id) == jobs.map(\.id))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func threeSchedulersEnqueueEachTickExactlyOnce(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let catalog = scheduleCatalog([
                ("*/5 * * * *", .all, ["dataset": "five"]), ("*/10 * * * *", .latest, ["dataset": "ten"]),
            ])
            let schedulers = (0..<3).map { _ in Scheduler(store: store, catalog: catalog, logger: Logger(label: "test"))
            }
            let start = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
            var total = 0
            for minute in 0...30 {
                // Seconds into the minute, so that the tick is not the pass time itself.
                let now = start.addingTimeInterval(Double(minute * 60 + 17))
                let jobs = try await withThrowingTaskGroup(of: [Job].self) { group in
                    for scheduler in schedulers {
                        group.addTask { try await scheduler.enqueueDueTicks(now: now) }
                    }
                    return try await group.reduce(into: [Job]()) { $0 += $1 }
                }
                let expected = (minute % 5 == 0 ? 1 : 0) + (minute % 10 == 0 ? 1 : 0)
                #expect(jobs.count == expected, "minute \(minute): \(jobs.map(\.input))")
                total += jobs.count
            }
            #expect(total == 7 + 4)
            let stored = try await store.jobs(matching: JobQuery(limit: 100)).jobs
            #expect(stored.count == total)
            #expect(stored.filter { $0.input["dataset"] == "five" }.count == 7)
            for scheduled in catalog.schedules {
                let expectedLast = start.addingTimeInterval(30 * 60)
                #expect(try await store.latestScheduledTick(scheduleID: scheduled.id) == expectedLast)
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func scheduledJobsAreBuiltLikeSubmissions(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let scheduler = Scheduler(
                store: store, catalog: scheduleCatalog([("0 * * * *", .latest, ["dataset": "a"])]),
                logger: Logger(label: "test"))
            let jobs = try await scheduler.enqueueDueTicks(now: try Date("2026-01-01T10:00:30Z", strategy: .iso8601))
            let job = try #require(jobs.first)
            #expect(jobs.count == 1)
            #expect(job.task == "report" && job.version == 1 && job.queue == "cron" && job.priority == 3)
            #expect(job.maxAttempts == 2 && job.input == ["dataset": "a", "limit": 10])
            // A new schedule has no history: a pass outside a tick enqueues nothing.
            let fresh = Scheduler(
                store: store, catalog: scheduleCatalog([("0 * * * *", .all, ["dataset": "b"])]),
                logger: Logger(label: "test"))
            #expect(try await fresh.enqueueDueTicks(now: try Date("2026-01-01T10:07:00Z", strategy: .iso8601)).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func missedTicksFollowTheCatchUpPolicy(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let catalog = scheduleCatalog([
                ("*/10 * * * *", .all, ["dataset": "all"]), ("*/10 * * * *", .latest, ["dataset": "latest"]),
                ("*/10 * * * *", .none, ["dataset": "none"]),
            ])
            let scheduler = Scheduler(store: store, catalog: catalog, logger: Logger(label: "test"))
            let start = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
            /// The jobs a pass at `minute` enqueued, counted by the schedule's dataset.
            func pass(atMinute minute: Int) async throws -> [String: Int] {
                let jobs = try await scheduler.enqueueDueTicks(now: start.addingTimeInterval(Double(minute * 60)))
                return jobs.reduce(into: [:]) { counts, job in
                    counts[job.input["dataset"]?.stringValue ?? "", default: 0] += 1
                }
            }
            #expect(try await pass(atMinute: 0) == ["all": 1, "latest": 1, "none": 1])
            // Down from 00:00 to 01:05: ticks 00:10 ... 01:00 were missed.
            #expect(try await pass(atMinute: 65) == ["all": 6, "latest": 1])
            for scheduled in catalog.schedules {
                let last = try await store.latestScheduledTick(scheduleID: scheduled.id)
                let expected = scheduled.schedule.catchUp == .none ? start : start.addingTimeInterval(3600)
                #expect(last == expected, "\(scheduled.schedule.catchUp)")
            }
            #expect(try await pass(atMinute: 70) == ["all": 1, "latest": 1, "none": 1])
            #expect(try await pass(atMinute: 70).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func catchUpAllIsCappedPerPass(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let scheduler = Scheduler(
                store: store, catalog: scheduleCatalog([("* * * * *", .all, ["dataset": "a"])]),
                logger: Logger(label: "test"))
            let start = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
            #expect(try await scheduler.enqueueDueTicks(now: start).count == 1)
            let later = start.addingTimeInterval(1500 * 60)
            #expect(try await scheduler.enqueueDueTicks(now: later).count == Scheduler.maxTicksPerPass)
            #expect(try await scheduler.enqueueDueTicks(now: later).count == 500)
            #expect(try await store.latestScheduledTick(scheduleID: scheduler.schedules[0].id) == later)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func pruningKeepsTheNewestTickOfEachSchedule(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let start = try Date("2026-01-01T00:00:00Z", strategy: .iso8601)
            for minute in 0..<3 {
                _ = try await store.enqueueScheduled(.sample(), scheduleID: "a", tick: start + Double(minute * 60))
            }
            _ = try await store.enqueueScheduled(.sample(), scheduleID: "b", tick: start)
            #expect(try await store.pruneScheduledTicks(before: start + 3600) == 2)
            #expect(try await store.latestScheduledTick(scheduleID: "a") == start + 120)
            #expect(try await store.latestScheduledTick(scheduleID: "b") == start)
            // The pruned ticks are older than the newest, so no scheduler enqueues them again.
            #expect(try await store.enqueueScheduled(.sample(), scheduleID: "a", tick: start + 120) == nil)
        }
    }
}

/// A catalog of one task, `report` (queue `cron`, priority 3, two attempts, input `dataset` and
/// `limit` defaulting to 10), with the given schedules.
func scheduleCatalog(_ schedules: [(cron: String, catchUp: CatchUpPolicy, input: JSONValue)]) -> TaskCatalog {
    let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
    let definition = TaskDefinition(
        name: "report", version: 1, summary: "R.", queue: "cron", priority: 3, timeout: .seconds(5),
        retry: RetryPolicy(maxAttempts: 2),
        input: Schema(
            type: [.object],
            properties: [
                .init("dataset", Schema(type: [.string])), .init("limit", Schema(type: [.integer], default: 10)),
            ]),
        output: Schema(type: [.object]),
        schedules: schedules.map {
            Schedule(cron: CronExpression(validated: $0.cron), input: $0.input, catchUp: $0.catchUp, location: location)
        },
        location: location)
    return TaskCatalog([TaskEntry(definition) { (input: JSONValue, _: JobContext) in input }])
}
