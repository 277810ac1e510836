import Foundation

/// One declared input file of a job, and how far its upload got: what `GET /v1/jobs/{id}` lists and
/// the worker fetches.
public struct JobFile: Sendable, Hashable {
    public var jobID: UUID
    /// The declared name (``FileInput/name``).
    public var name: String
    public var required: Bool
    /// The tus upload under way for it, if one was created and has not completed.
    public var uploadID: String?
    /// Set once the upload completed: the stored bytes (an artifact without a job of its own).
    public var artifactID: UUID?
    public var size: Int64?
    /// The hex SHA-256 of the bytes: the job's input lineage.
    public var sha256: String?
    public var completedAt: Date?

    public init(
        jobID: UUID, name: String, required: Bool, uploadID: String? = nil, artifactID: UUID? = nil, size: Int64? = nil,
        sha256: String? = nil, completedAt: Date? = nil
    ) {
        self.jobID = jobID
        self.name = name
        self.required = required
        self.uploadID = uploadID
        self.artifactID = artifactID
        self.size = size
        self.sha256 = sha256
        self.completedAt = completedAt
    }

    /// Whether its bytes are stored.
    public var isComplete: Bool { artifactID != nil }
}

/// A completed upload of a job's file: its bytes are stored as artifact `artifact`.
public struct FileCompletion: Sendable, Hashable {
    public var jobID: UUID
    public var name: String
    public var artifact: Artifact

    public init(jobID: UUID, name: String, artifact: Artifact) {
        self.jobID = jobID
        self.name = name
        self.artifact = artifact
    }
}

/// The result of ``JobStore/completeFile(_:)``.
public enum FileCompletionResult: Sendable, Hashable {
    /// The file is recorded; `job` is `pending` when it was the last required file, else still `waiting`.
    case recorded(Job)
    /// The job no longer waits (started, expired, cancelled) or the file was complete already: nothing changed.
    case notWaiting(Job)
    case notFound
}

/// The result of ``JobStore/startWaitingJob(id:)``.
public enum WaitingJobStart: Sendable, Hashable {
    /// The job is `pending` now.
    case started(Job)
    /// Required files are still missing, by name; nothing changed.
    case filesMissing(Job, missing: [String])
    /// The job is not `waiting`; nothing changed.
    case notWaiting(Job)
    case notFound
}
