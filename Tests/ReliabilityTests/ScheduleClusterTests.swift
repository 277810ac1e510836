import Foundation
import TaskRuntime
import TaskforgeTestSupport
import Testing

/// Three worker processes, each with its scheduler, on one PostgreSQL: every tick of the testbed's
/// `ticker` (every minute, `catch_up: all`) becomes exactly one job, missed ticks included.
@Suite("Schedules across processes", .serialized)
struct ScheduleClusterTests {
    @Test func threeSchedulerProcessesEnqueueEachTickOnce() async throws {
        try await Harness.with { harness in
            let scheduleID = try Self.tickerScheduleID()
            // Ten minutes of downtime: the last recorded tick is ten minutes old.
            let minute = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
            let seeded = Date(timeIntervalSince1970: minute - 600)
            let seed = NewJob(task: "ticker", version: 1, queue: "ticks", input: [:], maxAttempts: 1)
            _ = try #require(try await harness.store.enqueueScheduled(seed, scheduleID: scheduleID, tick: seeded))

            let workers = try (0..<3).map { _ in try harness.worker(["--queues", "default=1"], schedules: true) }
            // A scheduler logs that it started just before its first pass, and a graceful stop lets a
            // pass finish: once all three have started and stopped, all three made at least one pass.
            try await eventually("every scheduler to start") {
                workers.allSatisfy { $0.log.contains("scheduler started") }
            }
            for worker in workers { #expect(await worker.terminate() == 0) }

            let latest = try #require(try await harness.store.latestScheduledTick(scheduleID: scheduleID))
            #expect(latest.timeIntervalSince(seeded) >= 600, "caught up to the minute the schedulers started in")
            let ticks = Int(latest.timeIntervalSince(seeded) / 60) + 1
            let jobs = try await harness.store.jobs(matching: JobQuery(task: "ticker", limit: 1000)).jobs
            #expect(jobs.count == ticks, "one job per tick from \(seeded) to \(latest)")
        }
    }

    /// The schedule's id as every process derives it from the testbed's `tasks.yaml`.
    static func tickerScheduleID() throws -> String {
        let file = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../Testbed/tasks.yaml")
        let parsed = RegistryParser.parse(try String(contentsOf: file, encoding: .utf8), file: file.path)
        let ticker = try #require(parsed.registry?.tasks.first { $0.name == "ticker" })
        let schedule = try #require(ticker.schedules.first)
        return schedule.id(task: ticker.name)
    }
}
