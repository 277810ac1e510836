import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `UPDATE` whose `WHERE` admits only retryable states, so a concurrent change can never be
    /// overwritten; the job is read only to tell why nothing changed. A retried job gives up its dedup
    /// key: a newer job may hold it by now.
    public func retry(id: UUID, additionalAttempts: Int) async throws -> RetryResult {
        let retried = try await connection.query(
            """
            UPDATE jobs SET state = 'pending', run_at = ?, max_attempts = attempt + ?, crashes = 0,
                finished_at = NULL, output = NULL, lease_owner = NULL, lease_expires_at = NULL, cancel_requested = 0,
                dedup_key = NULL
            WHERE id = ? AND state IN ('failed', 'cancelled', 'quarantined')
            RETURNING *
            """, [.integer(Int(Date().microseconds)), .integer(additionalAttempts), .text(id.lowercasedString)])
        if let row = retried.first {
            let job = try Job(row: row)
            readySignals.broadcast(job.queue)
            return .retried(job)
        }
        guard let job = try await job(id: id) else { return .notFound }
        return job.state.isRetryable
            ? try await retry(id: id, additionalAttempts: additionalAttempts) : .notRetryable(job)
    }

    /// One `DELETE` of the oldest prunable jobs; a trigger deletes their events with them.
    @discardableResult
    public func pruneFinishedJobs(finishedBefore: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        return try await connection.query(
            """
            DELETE FROM jobs WHERE seq IN (
                SELECT seq FROM jobs
                WHERE state IN ('succeeded', 'failed', 'cancelled') AND finished_at < ?
                ORDER BY finished_at LIMIT ?)
            RETURNING seq
            """, [.integer(Int(finishedBefore.microseconds)), .integer(limit)]
        ).count
    }
}
