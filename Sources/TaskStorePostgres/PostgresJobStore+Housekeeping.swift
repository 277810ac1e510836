import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One `UPDATE` whose `WHERE` admits only retryable states, so a concurrent change can never be
    /// overwritten; the job is read only to tell why nothing changed. The state-change trigger logs
    /// the event and sends the ready notification. A retried job gives up its dedup key: a newer job may
    /// hold it by now.
    public func retry(id: UUID, additionalAttempts: Int) async throws -> RetryResult {
        let retried = try await rows(
            """
            UPDATE jobs SET state = 'pending', run_at = now(), max_attempts = attempt + \(additionalAttempts), crashes = 0,
                finished_at = NULL, output = NULL, lease_owner = NULL, lease_expires_at = NULL, cancel_requested = false,
                dedup_key = NULL
            WHERE id = \(id) AND state IN ('failed', 'cancelled', 'quarantined')
            RETURNING *
            """)
        if let row = retried.first { return .retried(try Job(row: row)) }
        guard let job = try await job(id: id) else { return .notFound }
        return job.state.isRetryable
            ? try await retry(id: id, additionalAttempts: additionalAttempts) : .notRetryable(job)
    }

    /// One statement: picks the oldest prunable jobs (skipping rows another statement holds, such as
    /// an operator's retry), deletes their events and then them.
    @discardableResult
    public func pruneFinishedJobs(finishedBefore: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        let rows = try await rows(
            """
            WITH doomed AS (
                SELECT seq, id FROM jobs
                WHERE state IN ('succeeded', 'failed', 'cancelled') AND finished_at < \(finishedBefore)
                ORDER BY finished_at LIMIT \(limit) FOR UPDATE SKIP LOCKED),
            events AS (DELETE FROM job_events WHERE job_id IN (SELECT id FROM doomed)),
            actions AS (DELETE FROM job_actions WHERE job_id IN (SELECT id FROM doomed)),
            files AS (DELETE FROM job_files WHERE job_id IN (SELECT id FROM doomed)),
            deleted AS (DELETE FROM jobs WHERE seq IN (SELECT seq FROM doomed) RETURNING seq)
            SELECT count(*)::bigint FROM deleted
            """)
        return Int(try rows.first?.decode(Int64.self) ?? 0)
    }
}
