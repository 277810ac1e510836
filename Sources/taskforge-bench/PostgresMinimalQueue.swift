import Logging
import PostgresNIO

/// ``MinimalQueue`` on PostgreSQL through postgres-nio, with its own connection pool.
final class PostgresMinimalQueue: MinimalQueue {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger

    init(configuration: PostgresClient.Configuration, logger: Logger) async {
        (client, running) = await PostgresClient.started(configuration: configuration, logger: logger)
        self.logger = logger
    }

    func create() async throws {
        for statement: PostgresQuery in [
            "CREATE TABLE limit_queue (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, state text NOT NULL, payload jsonb NOT NULL)",
            "CREATE INDEX limit_queue_ready ON limit_queue (id) WHERE state = 'pending'",
        ] {
            _ = try await client.query(statement, logger: logger).collect()
        }
    }

    func insert(count: Int) async throws {
        let payloads = Array(repeating: MinimalQueuePayload.json, count: count)
        _ = try await client.query(
            "INSERT INTO limit_queue (state, payload) SELECT 'pending', payload::jsonb FROM unnest(\(payloads)::text[]) AS payload",
            logger: logger
        ).collect()
    }

    func claim(limit: Int) async throws -> [Int] {
        let rows = try await client.query(
            """
            UPDATE limit_queue SET state = 'running'
            WHERE id IN (
                SELECT id FROM limit_queue WHERE state = 'pending' ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, payload::text
            """, logger: logger)
        var ids: [Int] = []
        for try await (id, _) in rows.decode((Int, String).self) { ids.append(id) }
        return ids
    }

    func complete(_ ids: [Int]) async throws {
        _ = try await client.query(
            "UPDATE limit_queue SET state = 'succeeded' WHERE id = ANY(\(ids)::int8[]) AND state = 'running'",
            logger: logger
        ).collect()
    }

    func succeededCount() async throws -> Int {
        for try await count in try await client.query(
            "SELECT count(*)::int8 FROM limit_queue WHERE state = 'succeeded'", logger: logger
        ).decode(Int.self) {
            return count
        }
        return 0
    }

    func close() async {
        running.cancel()
        await running.value
    }
}
