import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One upsert of the worker's row.
    public func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws {
        _ = try await rows(
            """
            INSERT INTO workers (id, queues, expires_at)
            VALUES (\(id), \(QueueStatus.workerQueuesText(queues))::jsonb, \(expiresAt))
            ON CONFLICT (id) DO UPDATE SET queues = excluded.queues, expires_at = excluded.expires_at
            """)
    }

    public func unregisterWorker(id: String) async throws {
        _ = try await rows("DELETE FROM workers WHERE id = \(id)")
    }

    /// Counts the unfinished jobs per queue (and dates the oldest ready one) in one statement and reads the live workers in another.
    public func queueStatus(now: Date) async throws -> [QueueStatus] {
        let jobs = try await rows(
            """
            SELECT queue,
                count(*) FILTER (WHERE state = 'pending' AND run_at <= \(now))::bigint,
                count(*) FILTER (WHERE state = 'pending' AND run_at > \(now))::bigint,
                count(*) FILTER (WHERE state = 'running')::bigint,
                extract(epoch FROM \(now) - min(run_at) FILTER (WHERE state = 'pending' AND run_at <= \(now)))::float8
            FROM jobs WHERE state IN ('pending', 'running') GROUP BY queue
            """
        ).map { row in
            let (queue, pending, scheduled, running, oldest) = try row.decode((String, Int64, Int64, Int64, Double?).self)
            return QueueStatus(
                name: queue, pending: Int(pending), scheduled: Int(scheduled), running: Int(running), oldestPendingAge: oldest)
        }
        let workers = try await rows("SELECT queues::text FROM workers WHERE expires_at > \(now)")
            .map { try $0.decode(String.self) }
        return QueueStatus.combining(jobs: jobs, workerQueues: workers, paused: try await pausedQueues())
    }
}
