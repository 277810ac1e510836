import Synchronization
import TaskRuntime

/// A two-stage test task, `sum_rows`: `prepare` (weight 3, queue `cpu`) turns `{numbers}` into
/// `{rows}` (each number doubled); `score` (weight 1, queue `gpu`) sums the rows into `{total}`,
/// failing transiently on its first call. Each stage has two attempts; every call is recorded with
/// the stage name its handler was given.
public final class StagedCatalog: Sendable {
    struct Input: Codable, Sendable { var numbers: [Int] }
    struct Prepared: Codable, Sendable { var rows: [Int] }
    struct Output: Codable, Sendable { var total: Int }

    private let recorded = Mutex<[String]>([])

    public init() {}

    /// The `JobContext.stage` of every handler call, in order.
    public var calls: [String] { recorded.withLock { $0 } }

    /// Records a call of a stage handler; returns how often `stage` was called, this call included.
    private func record(_ stage: String?) -> Int {
        recorded.withLock { calls in
            calls.append(stage ?? "none")
            return calls.filter { $0 == calls.last }.count
        }
    }

    public var catalog: TaskCatalog {
        let location = SourceLocation(file: "tasks.yaml", line: 1, column: 1)
        let definition = TaskDefinition(
            name: "sum_rows", version: 1, summary: "Sum rows.", queue: "default", timeout: .seconds(30),
            retry: RetryPolicy(maxAttempts: 2, backoff: .fixed, initial: .milliseconds(1), max: .milliseconds(1)),
            input: Schema(type: [.object], additionalProperties: true), output: Schema(type: [.object]),
            stages: [
                Stage(
                    name: "prepare", queue: "cpu", timeout: .seconds(30), weight: 3, output: Schema(type: [.object]),
                    location: location),
                Stage(name: "score", queue: "gpu", timeout: .seconds(20), weight: 1, location: location),
            ],
            location: location)
        return TaskCatalog([
            TaskEntry(
                definition,
                stages: [
                    StageHandler { (input: Input, job: JobContext) -> Prepared in
                        _ = self.record(job.stage)
                        return Prepared(rows: input.numbers.map { $0 * 2 })
                    },
                    StageHandler { (_: Input, previous: Prepared, job: JobContext) -> Output in
                        if self.record(job.stage) == 1 {
                            throw TaskError.transient(.taskFailed, "the model server is warming up")
                        }
                        return Output(total: previous.rows.reduce(0, +))
                    },
                ])
        ])
    }
}
