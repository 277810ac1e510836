import Foundation
import Logging
import TaskRuntime
import TaskStoreSQLite
import Testing

/// The stores every conformance test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite

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
