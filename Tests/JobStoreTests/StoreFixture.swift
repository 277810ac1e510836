import Foundation
import Logging
import PostgresNIO
import TaskRuntime
import TaskStorePostgres
import TaskStoreSQLite
import Testing

/// The stores every conformance test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store; `body` runs with it and the store is removed afterwards.
    func withStore<T>(_ body: (any JobStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskforge-store-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try await SQLiteJobStore.open(
                path: directory.appendingPathComponent("jobs.sqlite").path, logger: Logger(label: "test"))
            do {
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        case .postgres:
            return try await PostgresTestServer.fromEnvironment().withDatabase { url in
                let store = try await PostgresJobStore.connect(to: url, logger: Logger(label: "test"))
                do {
                    let result = try await body(store)
                    await store.close()
                    return result
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }
}

/// The PostgreSQL server the tests use, named by `TASKFORGE_TEST_POSTGRES_URL` (set by `scripts/test`).
struct PostgresTestServer {
    var url: PostgresURL

    /// The server of the environment; throws (never skips) when it is not configured.
    static func fromEnvironment() throws -> PostgresTestServer {
        guard let url = ProcessInfo.processInfo.environment["TASKFORGE_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw FixtureError(
                "set TASKFORGE_TEST_POSTGRES_URL (like postgres://postgres@127.0.0.1:5432/postgres); scripts/test starts PostgreSQL")
        }
        return PostgresTestServer(url: try PostgresURL(url))
    }

    /// Runs `body` with the URL of a new, empty database, and drops the database afterwards.
    func withDatabase<T>(_ body: (PostgresURL) async throws -> T) async throws -> T {
        let name = "tf_" + UUID().lowercasedString.replacingOccurrences(of: "-", with: "")
        try await query("CREATE DATABASE \(name)")
        var database = url
        database.configuration.database = name
        do {
            let result = try await body(database)
            try await query("DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            _ = try? await query("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one SQL statement on `database` (the server's URL when nil) and returns its rows.
    @discardableResult
    func query(_ sql: String, database: String? = nil) async throws -> [PostgresRow] {
        var configuration = url.configuration
        if let database { configuration.database = database }
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await client.query(PostgresQuery(unsafeSQL: sql)).collect()
        }
    }
}

extension NewJob {
    static func sample(
        queue: String = "default", priority: Int = 0, maxAttempts: Int = 3, runAt: Date = Date(),
        input: JSONValue = ["n": 1]
    ) -> NewJob {
        NewJob(task: "echo", version: 1, queue: queue, priority: priority, input: input, maxAttempts: maxAttempts, runAt: runAt)
    }
}

extension JobStore {
    /// Claims one job from `queue`, or fails the test.
    func claimOne(queue: String = "default", worker: String = "w1", lease: Duration = .seconds(30)) async throws -> Job {
        let jobs = try await claim(queues: [queue], limit: 1, worker: worker, leaseDuration: lease)
        guard let job = jobs.first else { throw FixtureError("no job could be claimed from '\(queue)'") }
        return job
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The first value of `stream`, or an error when none arrives within `timeout` or the stream ends.
func firstValue<Value: Sendable>(of stream: AsyncStream<Value>, within timeout: Duration) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask {
            for await value in stream { return value }
            return nil
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw FixtureError("no value within \(timeout)")
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else { throw FixtureError("the stream ended") }
        return value
    }
}

extension JobError {
    static let crash = JobError(code: .workerCrashed, message: "the worker process died", retryable: true)
}
