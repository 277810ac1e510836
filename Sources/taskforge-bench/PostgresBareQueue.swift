import Foundation
import Logging
import PostgresNIO
import Synchronization
import TaskRuntime

/// ``BareQueue`` on PostgreSQL through postgres-nio: its own connection pool, and for pickup a
/// connection that `LISTEN`s on the channel the store's triggers notify.
final class PostgresBareQueue: BareQueue {
    private let client: PostgresClient
    private let logger: Logger
    private let running: Task<Void, Never>
    private let ready = Doorbell()
    private let listening = ListenState()

    private init(client: PostgresClient, running: Task<Void, Never>, logger: Logger) {
        self.client = client
        self.running = running
        self.logger = logger
    }

    static func connect(configuration: PostgresClient.Configuration, logger: Logger) async -> PostgresBareQueue {
        let (client, running) = await PostgresClient.started(configuration: configuration, logger: logger)
        return PostgresBareQueue(client: client, running: running, logger: logger)
    }

    func insert(_ jobs: [NewJob]) async throws {
        _ = try await client.query(
            """
            INSERT INTO jobs (id, task, version, queue, priority, state, input, max_attempts, run_at)
            SELECT id, task, version, queue, priority, 'pending', input::jsonb, max_attempts, run_at
            FROM unnest(
                \(jobs.map(\.id))::uuid[], \(jobs.map(\.task))::text[], \(jobs.map(\.version))::int8[],
                \(jobs.map(\.queue))::text[], \(jobs.map(\.priority))::int8[],
                \(jobs.map { $0.input.canonicalString() })::text[], \(jobs.map(\.maxAttempts))::int8[],
                \(jobs.map(\.runAt))::timestamptz[]
            ) AS batch (id, task, version, queue, priority, input, max_attempts, run_at)
            """, logger: logger
        ).collect()
    }

    func claim(queue: String, limit: Int, worker: String) async throws -> [BareClaim] {
        let rows = try await client.query(
            """
            UPDATE jobs SET state = 'running', attempt = attempt + 1, fence = fence + 1,
                started_at = now(), heartbeat_at = now(), lease_owner = \(worker),
                lease_expires_at = now() + interval '30 seconds', cancel_requested = false
            WHERE seq IN (
                SELECT seq FROM jobs WHERE state = 'pending' AND queue = \(queue) AND run_at <= now()
                ORDER BY priority DESC, run_at, seq LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, fence, input
            """, logger: logger)
        var claims: [BareClaim] = []
        for try await (id, fence, input) in rows.decode((UUID, Int, String).self) {
            claims.append(BareClaim(id: id, fence: fence, input: input))
        }
        return claims
    }

    func complete(_ claims: [BareClaim]) async throws {
        _ = try await client.query(
            """
            UPDATE jobs SET state = 'succeeded', output = '{}'::jsonb, error = NULL, progress = 100,
                finished_at = now(), handler_version = 1, lease_owner = NULL, lease_expires_at = NULL
            FROM unnest(\(claims.map(\.id))::uuid[], \(claims.map(\.fence))::int8[]) AS done (id, fence)
            WHERE jobs.id = done.id AND jobs.fence = done.fence AND jobs.state = 'running'
            """, logger: logger
        ).collect()
    }

    func startListening() async throws {
        let (started, startedResult) = AsyncStream.makeStream(of: Result<Void, any Error>.self)
        let task = Task.detached { [client, ready] in
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: "taskforge_ready") { notifications in
                        startedResult.yield(.success(()))
                        for try await _ in notifications { ready.ring() }
                    }
                }
            } catch {
                startedResult.yield(.failure(error))
            }
            startedResult.finish()
        }
        listening.set(task)
        for await result in started {
            try result.get()
            return
        }
    }

    func waitUntilReady(timeout: Duration) async {
        await ready.wait(timeout: timeout)
    }

    func counts() async throws -> StoreCounts {
        var byState: [String: Int] = [:]
        var maxAttempt = 0
        let rows = try await client.query(
            "SELECT state, count(*)::int8, max(attempt)::int8 FROM jobs GROUP BY state", logger: logger)
        for try await (state, count, attempts) in rows.decode((String, Int, Int).self) {
            byState[state] = count
            maxAttempt = max(maxAttempt, attempts)
        }
        var succeededEvents = 0
        for try await count in try await client.query(
            "SELECT count(*)::int8 FROM job_events WHERE state = 'succeeded'", logger: logger
        ).decode(Int.self) {
            succeededEvents = count
        }
        return StoreCounts(byState: byState, maxAttempt: maxAttempt, succeededEvents: succeededEvents)
    }

    func databaseVersion() async throws -> String {
        for try await version in try await client.query("SHOW server_version", logger: logger).decode(String.self) {
            return "PostgreSQL \(version.split(separator: " ").first ?? "")"
        }
        return "PostgreSQL"
    }

    func close() async {
        listening.cancel()
        running.cancel()
        await running.value
    }
}

/// The listening task, cancelled on close.
private final class ListenState: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    func set(_ newTask: Task<Void, Never>) {
        task.withLock { $0 = newTask }
    }

    func cancel() {
        task.withLock { $0 }?.cancel()
    }
}

extension PostgresClient {
    /// A client whose `run()` loop has started (a query before that makes postgres-nio warn), and
    /// the task running it; cancel the task to close the client.
    static func started(
        configuration: PostgresClient.Configuration, logger: Logger
    ) async -> (PostgresClient, Task<Void, Never>) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let running = Task.detached {
            signal.finish()
            await client.run()
        }
        for await _ in started {}
        return (client, running)
    }
}
