import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One upsert that leaves an existing pause as it is and returns it.
    public func pauseQueue(_ queue: String, by actor: String?, at date: Date) async throws -> PausedQueue {
        let rows = try await connection.query(
            """
            INSERT INTO paused_queues (queue, paused_at, paused_by) VALUES (?, ?, ?)
            ON CONFLICT (queue) DO UPDATE SET queue = excluded.queue
            RETURNING queue, paused_at, paused_by
            """,
            [.text(queue), .integer(Int(date.microseconds)), actor.map(SQLiteData.text) ?? .null])
        guard let row = rows.first else { throw MalformedRow(column: "queue") }
        return try Self.pausedQueue(row)
    }

    /// The deletion and the history row in one transaction.
    public func resumeQueue(_ queue: String, by actor: String?, at date: Date) async throws -> Bool {
        let resumed = try await transactions.run { connection in
            guard
                try await !connection.query("DELETE FROM paused_queues WHERE queue = ? RETURNING queue", [.text(queue)])
                    .isEmpty
            else { return false }
            _ = try await connection.query(
                "INSERT INTO queue_actions (queue, at, action, actor) VALUES (?, ?, 'resume', ?)",
                [.text(queue), .integer(Int(date.microseconds)), actor.map(SQLiteData.text) ?? .null])
            return true
        }
        if resumed { readySignals.broadcast(queue) }
        return resumed
    }

    public func queueActions(_ queue: String, from start: Date, through end: Date) async throws -> [QueueAction] {
        try await connection.query(
            """
            SELECT at, action, actor FROM (
                SELECT * FROM (
                    SELECT seq, at, action, actor FROM queue_actions WHERE queue = ?1 AND at < ?2
                    ORDER BY at DESC, seq DESC LIMIT 1
                ) WHERE action = 'pause'
                UNION ALL
                SELECT seq, at, action, actor FROM queue_actions WHERE queue = ?1 AND at BETWEEN ?2 AND ?3
            ) ORDER BY at, seq
            """,
            [.text(queue), .integer(Int(start.microseconds)), .integer(Int(end.microseconds))]
        ).map { row in
            guard let kind = QueueAction.Kind(rawValue: try row.required("action", \.string)) else {
                throw MalformedRow(column: "action")
            }
            return QueueAction(queue: queue, at: try row.date("at"), kind: kind, actor: row.optional("actor", \.string))
        }
    }

    public func pausedQueues() async throws -> [PausedQueue] {
        try await connection.query("SELECT queue, paused_at, paused_by FROM paused_queues ORDER BY queue")
            .map(Self.pausedQueue)
    }

    private static func pausedQueue(_ row: SQLiteRow) throws -> PausedQueue {
        PausedQueue(
            name: try row.required("queue", \.string),
            pausedAt: Date(microseconds: Int64(try row.required("paused_at", \.integer))),
            pausedBy: row.optional("paused_by", \.string))
    }
}
