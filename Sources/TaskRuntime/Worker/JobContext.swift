import Foundation
import Logging

/// What a handler of a task without file inputs gets besides its input.
public typealias JobContext = TaskJobContext<NoFiles>

/// What a handler gets besides its input: who it is, its input files (``files``, typed per task by
/// the generated code), progress reporting, artifacts, cancellation and a logger whose metadata
/// carries `jobId`, `taskName`, `taskVersion` and `attempt`.
public struct TaskJobContext<Files: Sendable>: Sendable {
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
    /// The job's uploaded files as local, readable URLs, by declared name; the generated code turns
    /// them into the task's typed ``files``.
    public let inputFiles: InputFiles
    /// The task's input files: `job.files.pre` (`NoFiles` for a task that declares none).
    public let files: Files
    private let reportProgress: @Sendable (Double, String?) async -> Void

    private init(
        jobID: UUID, taskName: String, taskVersion: Int, attempt: Int, stage: String?, logger: Logger,
        services: TaskServices, artifacts: JobArtifacts, inputFiles: InputFiles, files: Files,
        reportProgress: @escaping @Sendable (Double, String?) async -> Void
    ) {
        self.jobID = jobID
        self.taskName = taskName
        self.taskVersion = taskVersion
        self.attempt = attempt
        self.stage = stage
        self.logger = logger
        self.services = services
        self.artifacts = artifacts
        self.inputFiles = inputFiles
        self.files = files
        self.reportProgress = reportProgress
    }

    /// The local copy of artifact `id`, written by an earlier stage of this job in its successful
    /// attempt (a stage hands the IDs of what it wrote to the next in its output). Throws
    /// `files_missing` (permanent) for any other ID.
    public func stageArtifact(_ id: UUID) throws -> URL {
        try inputFiles.stageArtifact(id)
    }

    /// The local copy of dataset `id` (a property of `format: dataset` in the input) with its recorded
    /// profile: `let table = try job.dataset(input.dataset)`. Throws `files_missing` (permanent) for a
    /// dataset the input does not name.
    public func dataset(_ id: String) throws -> DatasetFile {
        try inputFiles.dataset(id)
    }

    /// This context with the task's typed files: what the generated dispatch table hands a handler
    /// of a task with `files`.
    public func withFiles<Typed: Sendable>(_ files: Typed) -> TaskJobContext<Typed> {
        TaskJobContext<Typed>(
            jobID: jobID, taskName: taskName, taskVersion: taskVersion, attempt: attempt, stage: stage, logger: logger,
            services: services, artifacts: artifacts, inputFiles: inputFiles, files: files,
            reportProgress: reportProgress)
    }

    /// Reports progress in percent (clamped to 0...100). Cheap to call often: writes are throttled
    /// to a few per second and the final value is always recorded. In a multi-stage task it is the
    /// current stage's progress; the job shows the overall progress, weighted by stage.
    ///
    /// `step` names where the handler is (`reading`, `computing`, ...): for a single-stage task it
    /// becomes the job's `stage`, and each change is a stage event in the job's log and event stream.
    /// A multi-stage task's job keeps its declared stage.
    public func progress(_ percent: Double, step: String? = nil) async {
        await reportProgress(percent, step)
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

extension TaskJobContext where Files == NoFiles {
    init(
        jobID: UUID, taskName: String, taskVersion: Int, attempt: Int, stage: String? = nil, logger: Logger,
        services: TaskServices = TaskServices(), artifacts: (any ArtifactSink)?, inputFiles: InputFiles = InputFiles(),
        reportProgress: @escaping @Sendable (Double, String?) async -> Void
    ) {
        self.init(
            jobID: jobID, taskName: taskName, taskVersion: taskVersion, attempt: attempt, stage: stage, logger: logger,
            services: services,
            artifacts: JobArtifacts(
                producer: ArtifactProducer(
                    jobID: jobID, attempt: attempt, task: taskName, taskVersion: taskVersion, stage: stage),
                sink: artifacts),
            inputFiles: inputFiles, files: NoFiles(), reportProgress: reportProgress)
    }
}

/// The files of a task that declares none.
public struct NoFiles: Sendable, Hashable {}
