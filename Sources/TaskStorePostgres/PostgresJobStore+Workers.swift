import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One upsert of the worker's row.
    /// The host and process id recorded are this process's: a worker registers itself.
    public func registerWorker(id: String, queues: [String: Int], expiresAt: Date) async throws {
        let process = WorkerRecord.thisProcess
        _ = try await rows(
            """
            INSERT INTO workers (id, queues, expires_at, host, pid, started_at, seen_at)
            VALUES (\(id), \(QueueStatus.workerQueuesText(queues))::jsonb, \(expiresAt), \(process.host), \(process.pid), now(), now())
            ON CONFLICT (id) DO UPDATE SET queues = excluded.queues, expires_at = excluded.expires_at,
                host = excluded.host, pid = excluded.pid, seen_at = now()
            """)
    }

    public func finishedCounts(since: Date) async throws -> [FinishedCount] {
        // Two branches, each matching a partial or state index exactly.
        try await rows(
            """
            SELECT queue, state, floor(extract(epoch FROM finished_at) / 60)::bigint AS minute, count(*)::bigint FROM jobs
            WHERE state IN ('succeeded', 'failed', 'cancelled') AND finished_at >= \(since)
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT queue, state, floor(extract(epoch FROM finished_at) / 60)::bigint, count(*)::bigint FROM jobs
            WHERE state = 'quarantined' AND finished_at >= \(since)
            GROUP BY 1, 2, 3
            """
        ).compactMap { row in
            let (queue, state, minute, count) = try row.decode((String, String, Int64, Int64).self)
            guard let state = JobState(rawValue: state) else { return nil }
            return FinishedCount(
                queue: queue, minute: Date(timeIntervalSince1970: TimeInterval(minute * 60)), state: state,
                count: Int(count))
        }
    }

    public func liveWorkers(now: Date) async throws -> [WorkerRecord] {
        let workers = try await rows(
            "SELECT id, host, pid, queues::text, started_at, seen_at, expires_at FROM workers WHERE expires_at > \(now)"
        ).map { row in
            let (id, host, pid, queues, startedAt, seenAt, expiresAt) = try row.decode(
                (String, String, Int, String, Date, Date, Date).self)
            return WorkerRecord(
                id: id, host: host, pid: pid, queues: WorkerRecord.queues(fromText: queues), startedAt: startedAt,
                lastSeen: seenAt, expiresAt: expiresAt)
        }
        let leases = try await rows(
            "SELECT lease_owner, id FROM jobs WHERE state = 'running' AND lease_owner IS NOT NULL"
        ).map { row in
            let (owner, id) = try row.decode((String, UUID).self)
            return (owner: owner, job: id)
        }
        return WorkerRecord.attaching(leases, to: workers)
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
            let (queue, pending, scheduled, running, oldest) = try row.decode(
                (String, Int64, Int64, Int64, Double?).self)
            return QueueStatus(
                name: queue, pending: Int(pending), scheduled: Int(scheduled), running: Int(running),
                oldestPendingAge: oldest)
        }
        let workers = try await rows("SELECT queues::text FROM workers WHERE expires_at > \(now)")
            .map { try $0.decode(String.self) }
        return QueueStatus.combining(jobs: jobs, workerQueues: workers, paused: try await pausedQueues())
    }
}
