import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    public func enqueueDeduplicated(_ job: NewJob, key: String, reuseResultFor: Duration) async throws -> DedupOutcome {
        try await DedupOutcome.resolve(
            reusable: {
                guard reuseResultFor > .zero else { return nil }
                return try await rows(
                    """
                    SELECT * FROM jobs
                    WHERE dedup_key = \(key) AND state = 'succeeded'
                        AND finished_at >= now() - make_interval(secs => \(reuseResultFor.seconds))
                    ORDER BY finished_at DESC LIMIT 1
                    """
                ).first.map(Job.init(row:))
            },
            insert: {
                try await rows(
                    """
                    INSERT INTO jobs (
                        id, task, version, queue, priority, state, input, max_attempts, run_at, dedup_key, owner, timeout_ms)
                    VALUES (
                        \(job.id), \(job.task), \(job.version), \(job.queue), \(job.priority), 'pending',
                        \(job.input.canonicalString())::jsonb, \(job.maxAttempts), \(job.runAt), \(key), \(job.owner),
                        \(job.timeout.map { $0.roundedMilliseconds }))
                    ON CONFLICT (dedup_key) WHERE state IN ('pending', 'running') DO NOTHING
                    RETURNING *
                    """
                ).first.map(Job.init(row:))
            },
            active: {
                try await rows("SELECT * FROM jobs WHERE dedup_key = \(key) AND state IN ('pending', 'running')")
                    .first.map(Job.init(row:))
            })
    }
}
