import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    public func enqueueDeduplicated(_ job: NewJob, key: String, reuseResultFor: Duration) async throws -> DedupOutcome {
        let outcome = try await DedupOutcome.resolve(
            reusable: {
                guard reuseResultFor > .zero else { return nil }
                let since = Date().microseconds - Int64(reuseResultFor.seconds * 1_000_000)
                return try await connection.query(
                    """
                    SELECT * FROM jobs WHERE dedup_key = ? AND state = 'succeeded' AND finished_at >= ?
                    ORDER BY finished_at DESC LIMIT 1
                    """, [.text(key), .integer(Int(since))]
                ).first.map(Job.init(row:))
            },
            insert: {
                try await connection.query(
                    """
                    INSERT INTO jobs (
                        id, task, version, queue, priority, state, input, max_attempts, created_at, run_at, dedup_key, owner,
                        timeout_ms)
                    VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (dedup_key) WHERE state IN ('pending', 'running') DO NOTHING
                    RETURNING *
                    """,
                    [
                        .text(job.id.lowercasedString), .text(job.task), .integer(job.version), .text(job.queue),
                        .integer(job.priority), .text(job.input.canonicalString()), .integer(job.maxAttempts),
                        .integer(Int(Date().microseconds)), .integer(Int(job.runAt.microseconds)), .text(key),
                        job.owner.map { .text($0) } ?? .null,
                        job.timeout.map { .integer($0.roundedMilliseconds) } ?? .null,
                    ]
                ).first.map(Job.init(row:))
            },
            active: {
                try await connection.query(
                    "SELECT * FROM jobs WHERE dedup_key = ? AND state IN ('pending', 'running')", [.text(key)]
                ).first.map(Job.init(row:))
            })
        if case .created(let created) = outcome { readySignals.broadcast(created.queue) }
        return outcome
    }
}
