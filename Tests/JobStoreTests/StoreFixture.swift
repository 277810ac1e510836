import Foundation
import Logging
import PostgresNIO
import TaskRuntime
import TaskStorePostgres
import TaskStoreSQLite
import TaskforgeTestSupport
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
            return try await PostgresTestServer.fromEnvironment().withDatabase { url, _ in
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

extension NewJob {
    static func sample(
        queue: String = "default", priority: Int = 0, maxAttempts: Int = 3, runAt: Date = Date(),
        input: JSONValue = ["n": 1]
    ) -> NewJob {
        NewJob(
            task: "echo", version: 1, queue: queue, priority: priority, input: input, maxAttempts: maxAttempts,
            runAt: runAt)
    }
}

extension JobStore {
    /// Claims one job from `queue`, or fails the test.
    func claimOne(queue: String = "default", worker: String = "w1", lease: Duration = .seconds(30)) async throws -> Job
    {
        let jobs = try await claim(queues: [queue], limit: 1, worker: worker, leaseDuration: lease)
        guard let job = jobs.first else { throw TestFailure("no job could be claimed from '\(queue)'") }
        return job
    }
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
            throw TestFailure("no value within \(timeout)")
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else { throw TestFailure("the stream ended") }
        return value
    }
}

extension JobError {
    static let crash = JobError(code: .workerCrashed, message: "the worker process died", retryable: true)
}
