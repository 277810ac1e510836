import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    /// One upsert that leaves an existing pause as it is and returns it.
    public func pauseQueue(_ queue: String, by actor: String?, at date: Date) async throws -> PausedQueue {
        let rows = try await rows(
            """
            INSERT INTO paused_queues (queue, paused_at, paused_by) VALUES (\(queue), \(date), \(actor))
            ON CONFLICT (queue) DO UPDATE SET queue = excluded.queue
            RETURNING queue, paused_at, paused_by
            """)
        guard let row = rows.first else { throw MalformedRow(column: "queue") }
        return try Self.pausedQueue(row)
    }

    /// The notification that wakes the workers leaves with the deletion's commit, to every store's listener.
    public func resumeQueue(_ queue: String) async throws -> Bool {
        try await !rows(
            """
            WITH resumed AS (DELETE FROM paused_queues WHERE queue = \(queue) RETURNING queue)
            SELECT resumed.queue FROM resumed CROSS JOIN LATERAL pg_notify(\(PostgresMigrations.readyChannel), resumed.queue)
            """
        ).isEmpty
    }

    public func pausedQueues() async throws -> [PausedQueue] {
        try await rows("SELECT queue, paused_at, paused_by FROM paused_queues ORDER BY queue").map(Self.pausedQueue)
    }

    private static func pausedQueue(_ row: PostgresRow) throws -> PausedQueue {
        let (name, pausedAt, pausedBy) = try row.decode((String, Date, String?).self)
        return PausedQueue(name: name, pausedAt: pausedAt, pausedBy: pausedBy)
    }
}
