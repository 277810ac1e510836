import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One upsert of the worker's row.
    /// The host and process id recorded are this process's: a worker registers itself.
    public func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws {
        let process = WorkerRecord.thisProcess
        _ = try await connection.query(
            """
            INSERT INTO workers (id, queues, expires_at, host, pid, started_at, seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
            ON CONFLICT (id) DO UPDATE SET queues = excluded.queues, expires_at = excluded.expires_at,
                host = excluded.host, pid = excluded.pid, seen_at = excluded.seen_at
            """,
            [
                .text(id), .text(QueueStatus.workerQueuesText(queues)), .integer(Int(expiresAt.microseconds)),
                .text(process.host), .integer(process.pid), .integer(Int(Date().microseconds)),
            ])
    }

    public func finishedCounts(since: Date) async throws -> [FinishedCount] {
        let sinceBind = SQLiteData.integer(Int(since.microseconds))
        var counts: [FinishedCount] = []
        // Two statements, each matching a partial or state index exactly.
        for filter in [
            "state IN ('succeeded', 'failed', 'cancelled') AND finished_at >= ?",
            "state = 'quarantined' AND finished_at >= ?",
        ] {
            for row in try await connection.query(
                """
                SELECT queue, state, finished_at / 60000000 AS minute, count(*) AS n FROM jobs
                WHERE \(filter) GROUP BY queue, state, minute
                """, [sinceBind])
            {
                guard let state = JobState(rawValue: try row.required("state", \.string)) else { continue }
                counts.append(
                    FinishedCount(
                        queue: try row.required("queue", \.string),
                        minute: Date(timeIntervalSince1970: TimeInterval(try row.required("minute", \.integer) * 60)),
                        state: state, count: try row.required("n", \.integer)))
            }
        }
        return counts
    }

    public func liveWorkers(now: Date) async throws -> [WorkerRecord] {
        let workers = try await connection.query(
            "SELECT * FROM workers WHERE expires_at > ? ORDER BY id", [.integer(Int(now.microseconds))]
        ).map { row in
            WorkerRecord(
                id: try row.required("id", \.string), host: try row.required("host", \.string),
                pid: try row.required("pid", \.integer),
                queues: WorkerRecord.queues(fromText: try row.required("queues", \.string)),
                startedAt: Date(microseconds: Int64(try row.required("started_at", \.integer))),
                lastSeen: Date(microseconds: Int64(try row.required("seen_at", \.integer))),
                expiresAt: Date(microseconds: Int64(try row.required("expires_at", \.integer))))
        }
        let leases = try await connection.query(
            "SELECT lease_owner, id FROM jobs WHERE state = 'running' AND lease_owner IS NOT NULL"
        ).compactMap { row -> (owner: String, job: UUID)? in
            guard let id = UUID(uuidString: try row.required("id", \.string)) else { return nil }
            return (try row.required("lease_owner", \.string), id)
        }
        return WorkerRecord.attaching(leases, to: workers)
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
