import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `INSERT` into the `scheduled_enqueues` view, whose trigger records the tick unless it is
    /// recorded already and inserts the job only when the recorded tick is this job's: the statement
    /// is atomic, and processes sharing the file queue on its write lock. The job is then read back.
    public func enqueueScheduled(_ job: NewJob, scheduleID: String, tick: Date) async throws -> Job? {
        _ = try await connection.query(
            """
            INSERT INTO scheduled_enqueues (
                schedule_id, tick, id, task, version, queue, priority, input, max_attempts, created_at, run_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(scheduleID), .integer(Int(tick.microseconds)), .text(job.id.lowercasedString), .text(job.task),
                .integer(job.version), .text(job.queue), .integer(job.priority), .text(job.input.canonicalString()),
                .integer(job.maxAttempts), .integer(Int(Date().microseconds)), .integer(Int(job.runAt.microseconds)),
            ])
        let recorded = try await connection.query(
            "SELECT job_id FROM schedule_ticks WHERE schedule_id = ? AND tick = ?",
            [.text(scheduleID), .integer(Int(tick.microseconds))])
        guard recorded.first?.column("job_id")?.string == job.id.lowercasedString,
            let stored = try await self.job(id: job.id)
        else { return nil }
        readySignals.broadcast(stored.queue)
        return stored
    }

    public func latestScheduledTick(scheduleID: String) async throws -> Date? {
        try await connection.query(
            "SELECT max(tick) AS tick FROM schedule_ticks WHERE schedule_id = ?", [.text(scheduleID)]
        ).first?.column("tick")?.integer.map { Date(microseconds: Int64($0)) }
    }

    public func recentScheduledTicks(scheduleID: String, limit: Int) async throws -> [ScheduledTick] {
        try await connection.query(
            "SELECT tick, job_id FROM schedule_ticks WHERE schedule_id = ? ORDER BY tick DESC LIMIT ?",
            [.text(scheduleID), .integer(limit)]
        ).map { row in
            guard let jobID = UUID(uuidString: try row.required("job_id", \.string)) else {
                throw MalformedRow(column: "job_id")
            }
            return ScheduledTick(tick: try row.date("tick"), jobID: jobID)
        }
    }

    @discardableResult
    public func pruneScheduledTicks(before: Date) async throws -> Int {
        try await connection.query(
            """
            DELETE FROM schedule_ticks
            WHERE tick < ?
                AND tick < (SELECT max(tick) FROM schedule_ticks AS newest WHERE newest.schedule_id = schedule_ticks.schedule_id)
            RETURNING 1
            """, [.integer(Int(before.microseconds))]
        ).count
    }
}
