import Logging
import SQLiteNIO

/// ``MinimalQueue`` on SQLite through sqlite-nio: one connection, set up as the store sets up its
/// own (WAL, `synchronous = NORMAL`).
final class SQLiteMinimalQueue: MinimalQueue {
    private let connection: SQLiteConnection

    init(path: String, logger: Logger) async throws {
        connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 10000"] {
            _ = try await connection.query(pragma)
        }
    }

    func create() async throws {
        _ = try await connection.query(
            "CREATE TABLE limit_queue (id INTEGER PRIMARY KEY, state TEXT NOT NULL, payload TEXT NOT NULL)")
        _ = try await connection.query("CREATE INDEX limit_queue_ready ON limit_queue (id) WHERE state = 'pending'")
    }

    func insert(count: Int) async throws {
        let rows = Array(repeating: "('pending', ?)", count: count).joined(separator: ", ")
        _ = try await connection.query(
            "INSERT INTO limit_queue (state, payload) VALUES \(rows)",
            Array(repeating: .text(MinimalQueuePayload.json), count: count))
    }

    func claim(limit: Int) async throws -> [Int] {
        let rows = try await connection.query(
            """
            UPDATE limit_queue SET state = 'running'
            WHERE id IN (SELECT id FROM limit_queue WHERE state = 'pending' ORDER BY id LIMIT ?)
            RETURNING id, payload
            """, [.integer(limit)])
        return rows.compactMap { $0.column("id")?.integer }
    }

    func complete(_ ids: [Int]) async throws {
        guard !ids.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        _ = try await connection.query(
            "UPDATE limit_queue SET state = 'succeeded' WHERE state = 'running' AND id IN (\(placeholders))",
            ids.map { .integer($0) })
    }

    func succeededCount() async throws -> Int {
        let rows = try await connection.query("SELECT count(*) AS n FROM limit_queue WHERE state = 'succeeded'")
        return rows.first?.column("n")?.integer ?? 0
    }

    func close() async {
        try? await connection.close()
    }
}
