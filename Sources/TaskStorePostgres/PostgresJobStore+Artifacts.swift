import Foundation
import PostgresNIO
import TaskRuntime

extension PostgresJobStore {
    public func recordArtifact(_ artifact: Artifact) async throws {
        let producer = artifact.producer
        _ = try await rows(
            """
            INSERT INTO artifacts (id, job_id, attempt, task, task_version, stage, name, content_type, size, sha256,
                storage_key, created_at)
            VALUES (\(artifact.id), \(producer?.jobID), \(producer?.attempt), \(producer?.task), \(producer?.taskVersion),
                \(producer?.stage), \(artifact.name), \(artifact.contentType), \(artifact.size), \(artifact.sha256),
                \(artifact.storageKey), \(artifact.createdAt))
            """)
    }

    public func artifact(id: UUID) async throws -> Artifact? {
        try await rows("SELECT \(unescaped: Artifact.columns) FROM artifacts WHERE id = \(id)").first.map(
            Artifact.init(row:))
    }

    public func artifacts(ofJob jobID: UUID) async throws -> [Artifact] {
        try await rows("SELECT \(unescaped: Artifact.columns) FROM artifacts WHERE job_id = \(jobID) ORDER BY seq")
            .map(Artifact.init(row:))
    }
}

extension Artifact {
    /// The columns ``init(row:)`` decodes, in order.
    static let columns =
        "id, job_id, attempt, task, task_version, stage, name, content_type, size, sha256, storage_key, created_at"

    init(row: PostgresRow) throws {
        let (id, jobID, attempt, task, taskVersion, stage, name, contentType, size, sha256, storageKey, createdAt) =
            try row.decode(
                (UUID, UUID?, Int?, String?, Int?, String?, String, String, Int64, String, String, Date).self)
        let producer: ArtifactProducer? =
            if let jobID, let attempt, let task, let taskVersion {
                ArtifactProducer(jobID: jobID, attempt: attempt, task: task, taskVersion: taskVersion, stage: stage)
            } else {
                nil
            }
        self.init(
            id: id, name: name, contentType: contentType, size: size, sha256: sha256, storageKey: storageKey,
            createdAt: createdAt, producer: producer)
    }
}
