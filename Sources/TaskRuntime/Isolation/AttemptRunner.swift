/// Where a ``Worker`` runs handlers: in its own process (``InProcessRunner``) or in supervised
/// handler processes that can be killed when a handler ignores its timeout (``HandlerProcessPool``).
public protocol AttemptRunner: Sendable {
    /// Runs one attempt of `job` (of its current stage, for a multi-stage task) with `entry`'s
    /// handler and returns its output. Throws
    /// ``AttemptTimedOut`` when it runs past `timeout`, `CancellationError` (or whatever the handler
    /// throws on cancellation) when the calling task is cancelled, ``HandlerProcessCrashed`` when the
    /// process running it died, and otherwise what the handler threw.
    func run(_ job: Job, entry: TaskEntry, timeout: Duration, context: JobContext) async throws -> JSONValue
}

/// Runs handlers as tasks of the worker's own process. Fast, but a handler that never checks
/// cancellation (a tight loop, a blocking C call) keeps its slot until it returns.
public struct InProcessRunner: AttemptRunner {
    public init() {}

    public func run(_ job: Job, entry: TaskEntry, timeout: Duration, context: JobContext) async throws -> JSONValue {
        try await withTimeout(timeout) {
            try await entry.run(
                job.input, version: job.version, stage: job.stageIndex, previous: job.stageResults.last?.output, context
            )
        }
    }
}
