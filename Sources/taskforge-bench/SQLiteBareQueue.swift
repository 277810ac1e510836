import Foundation
import Logging
import SQLiteNIO
import TaskRuntime

/// ``BareQueue`` on SQLite through sqlite-nio: one connection to the store's file, set up as the
/// store sets up its own (WAL, `synchronous = NORMAL`).
final class SQLiteBareQueue: BareQueue {
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    static func open(path: String, logger: Logger) async throws -> SQLiteBareQueue {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 10000"] {
            _ = try await connection.query(pragma)
        }
        return SQLiteBareQueue(connection: connection)
    }

    func insert(_ jobs: [NewJob]) async throws {
        let now = Int(Date().microseconds)
        let rows = Array(repeating: "(?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)", count: jobs.count).joined(separator: ", ")
        var binds: [SQLiteData] = []
        binds.reserveCapacity(jobs.count * 9)
        for job in jobs {
            binds += [
                .text(job.id.lowercasedString), .text(job.task), .integer(job.version), .text(job.queue),
                .integer(job.priority), .text(job.input.canonicalString()), .integer(job.maxAttempts),
                .integer(now), .integer(Int(job.runAt.microseconds)),
            ]
        }
        _ = try await connection.query(
            """
            INSERT INTO jobs (id, task, version, queue, priority, state, input, max_attempts, created_at, run_at)
            VALUES \(rows)
            """, binds)
    }

    func claim(queue: String, limit: Int, worker: String) async throws -> [BareClaim] {
        let now = Date()
        let rows = try await connection.query(
            """
            UPDATE jobs SET state = 'running', attempt = attempt + 1, fence = fence + 1,
                started_at = ?1, heartbeat_at = ?1, lease_owner = ?2, lease_expires_at = ?3, cancel_requested = 0
            WHERE seq IN (
                SELECT seq FROM jobs WHERE state = 'pending' AND run_at <= ?1 AND queue = ?4
                ORDER BY priority DESC, run_at, seq LIMIT ?5)
            RETURNING id, fence, input
            """,
            [
                .integer(Int(now.microseconds)), .text(worker),
                .integer(Int(now.addingTimeInterval(30).microseconds)), .text(queue), .integer(limit),
            ])
        return rows.compactMap { row in
            guard let id = row.column("id")?.string.flatMap(UUID.init(uuidString:)),
                let fence = row.column("fence")?.integer, let input = row.column("input")?.string
            else { return nil }
            return BareClaim(id: id, fence: fence, input: input)
        }
    }

    func complete(_ claims: [BareClaim]) async throws {
        guard !claims.isEmpty else { return }
        let pairs = Array(repeating: "(?, ?)", count: claims.count).joined(separator: ", ")
        _ = try await connection.query(
            """
            UPDATE jobs SET state = 'succeeded', output = '{}', error = NULL, progress = 100, finished_at = ?,
                handler_version = 1, lease_owner = NULL, lease_expires_at = NULL
            WHERE state = 'running' AND (id, fence) IN (VALUES \(pairs))
            """,
            [.integer(Int(Date().microseconds))]
                + claims.flatMap { [SQLiteData.text($0.id.lowercasedString), .integer($0.fence)] })
    }

    func startListening() async throws {}

    func waitUntilReady(timeout: Duration) async {}

    func counts() async throws -> StoreCounts {
        var byState: [String: Int] = [:]
        var maxAttempt = 0
        for row in try await connection.query("SELECT state, count(*) AS n, max(attempt) AS a FROM jobs GROUP BY state")
        {
            guard let state = row.column("state")?.string else { continue }
            byState[state] = row.column("n")?.integer ?? 0
            maxAttempt = max(maxAttempt, row.column("a")?.integer ?? 0)
        }
        let events = try await connection.query("SELECT count(*) AS n FROM job_events WHERE state = 'succeeded'")
        return StoreCounts(
            byState: byState, maxAttempt: maxAttempt, succeededEvents: events.first?.column("n")?.integer ?? 0)
    }

    func databaseVersion() async throws -> String {
        let rows = try await connection.query("SELECT sqlite_version() AS v")
        return "SQLite \(rows.first?.column("v")?.string ?? "")"
    }

    func close() async {
        try? await connection.close()
    }
}
