import Foundation

/// A stored artifact's metadata and lineage: what it is, where its bytes are, and which job made it.
public struct Artifact: Sendable, Hashable, Codable {
    public var id: UUID
    /// The name given by its writer (``ArtifactName``); metadata only, never part of a storage path.
    public var name: String
    public var contentType: String
    /// Its length in bytes.
    public var size: Int64
    /// The lowercase hex SHA-256 of its bytes.
    public var sha256: String
    /// Where the ``ArtifactStore`` keeps its bytes, relative to the store's root (derived from `id`).
    public var storageKey: String
    public var createdAt: Date
    /// The attempt that wrote it; `nil` for an artifact uploaded on its own.
    public var producer: ArtifactProducer?

    public init(
        id: UUID, name: String, contentType: String, size: Int64, sha256: String, storageKey: String, createdAt: Date,
        producer: ArtifactProducer?
    ) {
        self.id = id
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.storageKey = storageKey
        self.createdAt = createdAt
        self.producer = producer
    }

    /// The storage key of the artifact with `id`: two hex digits of fan-out, then the id. Built from
    /// the id alone, so no name or request value ever reaches a path.
    public static func storageKey(for id: UUID) -> String {
        let text = id.lowercasedString
        return "\(text.prefix(2))/\(text)"
    }
}

/// The lineage of an artifact: the job, attempt, task version and stage that wrote it.
public struct ArtifactProducer: Sendable, Hashable, Codable {
    public var jobID: UUID
    /// The attempt (of the stage, for a multi-stage task) that wrote it; 0 when it was attached to a
    /// job that had not started.
    public var attempt: Int
    public var task: String
    public var taskVersion: Int
    public var stage: String?

    public init(jobID: UUID, attempt: Int, task: String, taskVersion: Int, stage: String? = nil) {
        self.jobID = jobID
        self.attempt = attempt
        self.task = task
        self.taskVersion = taskVersion
        self.stage = stage
    }
}
