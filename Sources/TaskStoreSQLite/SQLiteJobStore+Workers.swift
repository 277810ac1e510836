import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One upsert of the worker's row.
    public func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws {
        _ = try await connection.query(
            """
            INSERT INTO workers (id, queues, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET queues = excluded.queues, expires_at = excluded.expires_at
            """,
            [.text(id), .text(QueueStatus.workerQueuesText(queues)), .integer(Int(expiresAt.microseconds))])
    }

    public func unregisterWorker(id: String) async throws {
        _ = try await connection.query("DELETE FROM workers WHERE id = ?", [.text(id)])
    }

    /// Counts the unfinished jobs per queue (and dates the oldest ready one) in one statement and reads the live workers in another.
    public func queueStatus(now: Date) async throws -> [QueueStatus] {
        let nowBind = SQLiteData.integer(Int(now.microseconds))
        let jobs = try await connection.query(
            """
            SELECT queue,
                sum(state = 'pending' AND run_at <= ?1) AS pending,
                sum(state = 'pending' AND run_at > ?1) AS scheduled,
                sum(state = 'running') AS running,
                ?1 - min(CASE WHEN state = 'pending' AND run_at <= ?1 THEN run_at END) AS oldest_pending_micros
            FROM jobs WHERE state IN ('pending', 'running') GROUP BY queue
            """, [nowBind]
        ).map { row in
            QueueStatus(
                name: try row.required("queue", \.string), pending: try row.required("pending", \.integer),
                scheduled: try row.required("scheduled", \.integer), running: try row.required("running", \.integer),
                oldestPendingAge: row.optional("oldest_pending_micros", \.integer).map { Double($0) / 1_000_000 })
        }
        let workers = try await connection.query("SELECT queues FROM workers WHERE expires_at > ?", [nowBind])
            .map { try $0.required("queues", \.string) }
        return QueueStatus.combining(jobs: jobs, workerQueues: workers, paused: try await pausedQueues())
    }
}
