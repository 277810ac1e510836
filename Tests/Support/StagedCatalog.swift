import Synchronization
import TaskRuntime

/// A two-stage test task, `sum_rows`: `prepare` (weight 3, queue `cpu`) turns `{numbers}` into
/// `{rows}` (each number doubled); `score` (weight 1, queue `gpu`) sums the rows into `{total}`,
/// failing transiently on its first call. Each stage has two attempts; calls are counted.
public final class StagedCatalog: Sendable {
    struct Input: Codable, Sendable { var numbers: [Int] }
    struct Prepared: Codable, Sendable { var rows: [Int] }
    struct Output: Codable, Sendable { var total: Int }

    private let prepareCalls = Mutex(0)
    private let scoreCalls = Mutex(0)

    public init() {}

    /// How often `prepare` ran.
    public var prepareCount: Int { prepareCalls.withLock { $0 } }
    /// How often `score` ran.
    public var scoreCount: Int { scoreCalls.withLock { $0 } }

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
                    StageHandler { (input: Input, _: JobContext) -> Prepared in
                        self.prepareCalls.withLock { $0 += 1 }
                        return Prepared(rows: input.numbers.map { $0 * 2 })
                    },
                    StageHandler { (_: Input, previous: Prepared, _: JobContext) -> Output in
                        let call = self.scoreCalls.withLock { count in
                            count += 1
                            return count
                        }
                        if call == 1 { throw TaskError.transient(.taskFailed, "the model server is warming up") }
                        return Output(total: previous.rows.reduce(0, +))
                    },
                ])
        ])
    }
}
