import Foundation
import Logging

/// What a handler gets besides its input: who it is, progress reporting, artifacts, cancellation and
/// a logger whose metadata carries `jobId`, `taskName`, `taskVersion` and `attempt`.
public struct JobContext: Sendable {
    public let jobID: UUID
    public let taskName: String
    public let taskVersion: Int
    /// 1 for the first attempt (of the current stage, for a multi-stage task).
    public let attempt: Int
    /// The declared name of the stage this attempt runs, for a multi-stage task; `nil` otherwise.
    public let stage: String?
    public let logger: Logger
    /// What the process set up for its handlers at start (configuration, clients): ``TaskServices``.
    public let services: TaskServices
    /// Writes artifacts of this job: `try await job.artifacts.write(name: "out.csv", contentType: "text/csv", from: url)`.
    public let artifacts: JobArtifacts
    private let reportProgress: @Sendable (Double) async -> Void

    init(
        jobID: UUID, taskName: String, taskVersion: Int, attempt: Int, stage: String? = nil, logger: Logger,
        services: TaskServices = TaskServices(), artifacts: (any ArtifactSink)?,
        reportProgress: @escaping @Sendable (Double) async -> Void
    ) {
        self.jobID = jobID
        self.taskName = taskName
        self.taskVersion = taskVersion
        self.attempt = attempt
        self.stage = stage
        self.logger = logger
        self.services = services
        self.artifacts = JobArtifacts(
            producer: ArtifactProducer(jobID: jobID, attempt: attempt, task: taskName, taskVersion: taskVersion, stage: stage),
            sink: artifacts)
        self.reportProgress = reportProgress
    }

    /// Reports progress in percent (clamped to 0...100). Cheap to call often: writes are throttled
    /// to a few per second and the final value is always recorded. In a multi-stage task it is the
    /// current stage's progress; the job shows the overall progress, weighted by stage.
    public func progress(_ percent: Double) async {
        await reportProgress(percent)
    }

    /// Whether the job was cancelled, timed out or lost its lease; long loops should stop when set.
    /// `Task.sleep` and other cancellable calls throw `CancellationError` on their own.
    public var isCancelled: Bool { Task.isCancelled }

    /// Throws `CancellationError` when ``isCancelled``.
    public func checkCancellation() throws {
        try Task.checkCancellation()
    }

    /// The log metadata of an attempt, carried by every line logged on its behalf.
    static func metadata(jobID: UUID, taskName: String, taskVersion: Int, attempt: Int) -> Logger.Metadata {
        [
            "jobId": "\(jobID.uuidString.lowercased())",
            "taskName": "\(taskName)",
            "taskVersion": "\(taskVersion)",
            "attempt": "\(attempt)",
        ]
    }
}
