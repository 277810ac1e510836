import Foundation
import Logging
import ServiceLifecycle

/// Enqueues the jobs of the catalog's schedules (`schedule:` in `tasks.yaml`) when they are due.
///
/// Any number of schedulers may run against one store, in any number of processes: each tick is
/// enqueued exactly once because the store records it under the unique key
/// `(schedule id, tick)` in the same transaction as the job
/// (``JobStore/enqueueScheduled(_:scheduleID:tick:)``); there is no leader. Ticks missed while no
/// scheduler ran are handled by each schedule's ``CatchUpPolicy``.
public final class Scheduler: Service {
    /// The most ticks of one schedule enqueued by one pass (`catch_up: all` after a long gap);
    /// the rest follow in the next passes.
    public static let maxTicksPerPass = 1000
    /// The longest sleep between passes.
    static let maxSleep: Duration = .seconds(60)
    /// How long tick records are kept (the newest of each schedule is always kept).
    static let tickRetention: TimeInterval = 30 * 86_400

    private let store: any JobStore
    private let submitter: JobSubmitter
    private let logger: Logger
    private let now: @Sendable () -> Date
    /// The catalog's schedules; a scheduler without any does nothing.
    public let schedules: [ScheduledTask]

    /// A scheduler for the schedules of `catalog`, reading the time from `now`.
    public init(
        store: any JobStore, catalog: TaskCatalog, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.submitter = JobSubmitter(catalog: catalog, store: store)
        self.logger = logger
        self.now = now
        self.schedules = catalog.schedules
    }

    /// One pass at `now`: enqueues, for every schedule, the ticks due by its ``CatchUpPolicy`` (for a
    /// schedule without recorded ticks, only the current minute) that no scheduler enqueued yet, and
    /// returns the jobs this call inserted.
    public func enqueueDueTicks(now: Date) async throws -> [Job] {
        var enqueued: [Job] = []
        for scheduled in schedules {
            let last = try await store.latestScheduledTick(scheduleID: scheduled.id)
            let due = scheduled.schedule.dueTicks(after: last, now: now, limit: Self.maxTicksPerPass)
            if due.capped {
                logger.warning(
                    "more missed ticks than one pass enqueues; the rest follow in the next passes",
                    metadata: metadata(scheduled, ["limit": "\(Self.maxTicksPerPass)"]))
            }
            for tick in due.ticks {
                if let job = try await enqueue(scheduled, tick: tick) {
                    enqueued.append(job)
                }
            }
        }
        return enqueued
    }

    private func enqueue(_ scheduled: ScheduledTask, tick: Date) async throws -> Job? {
        let newJob: NewJob
        do {
            newJob = try submitter.prepare(task: scheduled.task, input: scheduled.schedule.input)
        } catch {
            logger.error("the schedule's input was refused", metadata: metadata(scheduled, ["error": "\(error)"]))
            return nil
        }
        guard let job = try await store.enqueueScheduled(newJob, scheduleID: scheduled.id, tick: tick) else {
            return nil
        }
        logger.info(
            "enqueued a scheduled job",
            metadata: metadata(scheduled, ["tick": "\(tick.formatted(.iso8601))", "jobId": "\(job.id)"]))
        return job
    }

    /// Passes until graceful shutdown, each followed by a sleep until the next tick of any schedule
    /// (at most a minute, so a clock change is noticed). Tick records past 30 days are pruned hourly.
    public func run() async throws {
        logger.info("scheduler started", metadata: ["schedules": "\(schedules.count)"])
        var lastPrune: Date?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let passStart = now()
            do {
                _ = try await enqueueDueTicks(now: passStart)
                if lastPrune.map({ passStart.timeIntervalSince($0) >= 3_600 }) ?? true {
                    lastPrune = passStart
                    try await store.pruneScheduledTicks(before: passStart.addingTimeInterval(-Self.tickRetention))
                }
            } catch {
                logger.error("a scheduler pass failed", metadata: ["error": "\(error)"])
            }
            let delay = delayUntilNextTick(after: now())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
        }
        logger.info("scheduler stopped")
    }

    /// How long to sleep after `date` until the next tick of any schedule, just past it.
    func delayUntilNextTick(after date: Date) -> Duration {
        let next = schedules.compactMap { $0.schedule.nextFire(after: date) }.min()
        guard let next else { return Self.maxSleep }
        return min(Self.maxSleep, .seconds(max(0.05, next.timeIntervalSince(date) + 0.01)))
    }

    private func metadata(_ scheduled: ScheduledTask, _ extra: Logger.Metadata = [:]) -> Logger.Metadata {
        ["taskName": "\(scheduled.task)", "scheduleId": "\(scheduled.id)"].merging(extra) { _, new in new }
    }
}
