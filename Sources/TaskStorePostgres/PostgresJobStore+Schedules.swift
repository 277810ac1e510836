import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One statement: the tick row is inserted unless the `(schedule_id, tick)` key exists (a
    /// concurrent insert of the same key waits for the other transaction and then does nothing), and
    /// the job is inserted from the inserted tick row, so there is a job exactly when there is a new
    /// tick. The insert trigger logs the job's event and sends the ready notification.
    public func enqueueScheduled(_ job: NewJob, scheduleID: String, tick: Date) async throws -> Job? {
        try await rows(
            """
            WITH recorded AS (
                INSERT INTO schedule_ticks (schedule_id, tick, job_id) VALUES (\(scheduleID), \(tick), \(job.id))
                ON CONFLICT (schedule_id, tick) DO NOTHING
                RETURNING job_id)
            INSERT INTO jobs (id, task, version, queue, priority, state, input, max_attempts, run_at)
            SELECT job_id, \(job.task), \(job.version), \(job.queue), \(job.priority), 'pending',
                \(job.input.canonicalString())::jsonb, \(job.maxAttempts), \(job.runAt)
            FROM recorded
            RETURNING *
            """
        ).first.map(Job.init(row:))
    }

    public func latestScheduledTick(scheduleID: String) async throws -> Date? {
        try await rows("SELECT max(tick) FROM schedule_ticks WHERE schedule_id = \(scheduleID)")
            .first?.decode(Date?.self)
    }

    public func recentScheduledTicks(scheduleID: String, limit: Int) async throws -> [ScheduledTick] {
        try await rows(
            "SELECT tick, job_id FROM schedule_ticks WHERE schedule_id = \(scheduleID) ORDER BY tick DESC LIMIT \(limit)"
        ).map { row in
            let (tick, jobID) = try row.decode((Date, UUID).self)
            return ScheduledTick(tick: tick, jobID: jobID)
        }
    }

    @discardableResult
    public func pruneScheduledTicks(before: Date) async throws -> Int {
        let rows = try await rows(
            """
            WITH deleted AS (
                DELETE FROM schedule_ticks AS t
                WHERE tick < \(before)
                    AND tick < (SELECT max(tick) FROM schedule_ticks AS newest WHERE newest.schedule_id = t.schedule_id)
                RETURNING 1)
            SELECT count(*)::bigint FROM deleted
            """)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }
}
