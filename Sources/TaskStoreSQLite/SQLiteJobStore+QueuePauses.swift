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

    public func resumeQueue(_ queue: String) async throws -> Bool {
        let resumed = try await !connection.query(
            "DELETE FROM paused_queues WHERE queue = ? RETURNING queue", [.text(queue)]
        ).isEmpty
        if resumed { readySignals.broadcast(queue) }
        return resumed
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
