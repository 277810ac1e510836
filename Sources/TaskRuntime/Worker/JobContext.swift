import Foundation
import Logging

/// What a handler gets besides its input: who it is, progress reporting, cancellation and a logger
/// whose metadata carries `jobId`, `taskName`, `taskVersion` and `attempt`.
public struct JobContext: Sendable {
    public let jobID: UUID
    public let taskName: String
    public let taskVersion: Int
    /// 1 for the first attempt.
    public let attempt: Int
    public let logger: Logger
    private let reporter: ProgressReporter

    init(job: Job, logger: Logger, reporter: ProgressReporter) {
        self.jobID = job.id
        self.taskName = job.task
        self.taskVersion = job.version
        self.attempt = job.attempt
        self.logger = logger
        self.reporter = reporter
    }

    /// Reports progress in percent (clamped to 0...100). Cheap to call often: writes are throttled
    /// to a few per second and the final value is always recorded.
    public func progress(_ percent: Double) async {
        await reporter.report(percent)
    }

    /// Whether the job was cancelled, timed out or lost its lease; long loops should stop when set.
    /// `Task.sleep` and other cancellable calls throw `CancellationError` on their own.
    public var isCancelled: Bool { Task.isCancelled }

    /// Throws `CancellationError` when ``isCancelled``.
    public func checkCancellation() throws {
        try Task.checkCancellation()
    }
}
