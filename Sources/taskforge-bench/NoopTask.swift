import Foundation
import TaskRuntime

/// The one task the benchmark runs: its handler returns at once, after telling the benchmark it
/// started. Declared by hand, so the benchmark needs no `tasks.yaml`.
enum NoopTask {
    static let name = "noop"
    static let queue = "bench"

    struct Input: Codable, Sendable {
        var n: Int
    }

    struct Output: Codable, Sendable {}

    static let definition = TaskDefinition(
        name: name, version: 1, summary: "Does nothing; for benchmarks.", queue: queue, timeout: .seconds(60),
        retry: .none, input: Schema(type: [.object]), output: Schema(type: [.object]),
        location: SourceLocation(file: "taskforge-bench", line: 1, column: 1))

    /// A catalog with the no-op task whose handler calls `started` with the job's id first.
    static func catalog(started: @escaping @Sendable (UUID) -> Void) -> TaskCatalog {
        TaskCatalog([
            TaskEntry(definition) { (_: Input, job: JobContext) async throws -> Output in
                started(job.jobID)
                return Output()
            }
        ])
    }

    /// The `n`th job to enqueue; one attempt, so a job that ran twice shows as attempt 2.
    static func job(_ n: Int) -> NewJob {
        NewJob(task: name, version: 1, queue: queue, input: ["n": .integer(n)], maxAttempts: 1)
    }
}
