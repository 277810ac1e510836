import Foundation
import Logging
import ServiceLifecycle
import TaskforgeTestSupport
import Testing

@testable import TaskRuntime

/// The ``Scheduler`` as a service: its passes, its sleep, its graceful shutdown.
@Suite struct SchedulerServiceTests {
    @Test func runEnqueuesTheDueTickAndStopsOnGracefulShutdown() async throws {
        try await StoreKind.sqlite.withStore { store in
            let tick = try Date("2026-01-01T10:00:00Z", strategy: .iso8601)
            // The clock stands still 5 s after a tick: the first pass enqueues it, then the scheduler sleeps.
            let scheduler = Scheduler(
                store: store, catalog: scheduleCatalog([("0 * * * *", .latest, ["dataset": "a"])]),
                logger: Logger(label: "test"), now: { tick.addingTimeInterval(5) })
            let group = ServiceGroup(services: [scheduler], logger: Logger(label: "test"))
            let running = Task { try await group.run() }
            let jobs = try await eventually("the scheduled job") {
                let jobs = try await store.jobs(matching: JobQuery(limit: 10)).jobs
                return jobs.isEmpty ? nil : jobs
            }
            #expect(jobs.count == 1 && jobs.first?.input == ["dataset": "a", "limit": 10])
            await group.triggerGracefulShutdown()
            try await running.value
            #expect(try await store.latestScheduledTick(scheduleID: scheduler.schedules[0].id) == tick)
            #expect(try await store.jobs(matching: JobQuery(limit: 10)).jobs.count == 1)
        }
    }

    @Test func sleepsUntilJustAfterTheNextTickOfAnyScheduleAndAtMostAMinute() async throws {
        try await StoreKind.sqlite.withStore { store in
            let now = try Date("2026-01-01T10:07:30Z", strategy: .iso8601)
            let frequent = Scheduler(
                store: store,
                catalog: scheduleCatalog([
                    ("*/15 * * * *", .latest, ["dataset": "a"]), ("* * * * *", .latest, ["dataset": "b"]),
                ]), logger: Logger(label: "test"))
            #expect(frequent.delayUntilNextTick(after: now) == .seconds(30.01))
            let rare = Scheduler(
                store: store, catalog: scheduleCatalog([("0 0 1 1 *", .latest, ["dataset": "a"])]),
                logger: Logger(label: "test"))
            #expect(rare.delayUntilNextTick(after: now) == .seconds(60))
        }
    }
}
