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

    /// The history row and the notification that wakes the workers leave with the deletion's commit,
    /// the notification to every store's listener.
    public func resumeQueue(_ queue: String, by actor: String?, at date: Date) async throws -> Bool {
        try await !rows(
            """
            WITH resumed AS (DELETE FROM paused_queues WHERE queue = \(queue) RETURNING queue),
            logged AS (
                INSERT INTO queue_actions (queue, at, action, actor) SELECT queue, \(date), 'resume', \(actor) FROM resumed
            )
            SELECT resumed.queue FROM resumed CROSS JOIN LATERAL pg_notify(\(PostgresMigrations.readyChannel), resumed.queue)
            """
        ).isEmpty
    }

    public func queueActions(_ queue: String, from start: Date, through end: Date) async throws -> [QueueAction] {
        try await rows(
            """
            SELECT at, action, actor FROM (
                SELECT * FROM (
                    SELECT seq, at, action, actor FROM queue_actions WHERE queue = \(queue) AND at < \(start)
                    ORDER BY at DESC, seq DESC LIMIT 1
                ) AS before_start WHERE action = 'pause'
                UNION ALL
                SELECT seq, at, action, actor FROM queue_actions WHERE queue = \(queue) AND at BETWEEN \(start) AND \(end)
            ) AS actions ORDER BY at, seq
            """
        ).map { row in
            let (at, action, actor) = try row.decode((Date, String, String?).self)
            guard let kind = QueueAction.Kind(rawValue: action) else { throw MalformedRow(column: "action") }
            return QueueAction(queue: queue, at: at, kind: kind, actor: actor)
        }
    }

    public func pausedQueues() async throws -> [PausedQueue] {
        try await rows("SELECT queue, paused_at, paused_by FROM paused_queues ORDER BY queue").map(Self.pausedQueue)
    }

    private static func pausedQueue(_ row: PostgresRow) throws -> PausedQueue {
        let (name, pausedAt, pausedBy) = try row.decode((String, Date, String?).self)
        return PausedQueue(name: name, pausedAt: pausedAt, pausedBy: pausedBy)
    }
}
