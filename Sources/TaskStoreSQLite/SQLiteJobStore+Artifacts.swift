import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    public func recordArtifact(_ artifact: Artifact) async throws {
        try await Self.insertArtifact(artifact, on: connection)
    }

    static func insertArtifact(_ artifact: Artifact, on connection: SQLiteConnection) async throws {
        let producer = artifact.producer
        _ = try await connection.query(
            """
            INSERT INTO artifacts (id, job_id, attempt, task, task_version, stage, name, content_type, size, sha256,
                storage_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(artifact.id.lowercasedString), producer.map { .text($0.jobID.lowercasedString) } ?? .null,
                producer.map { .integer($0.attempt) } ?? .null, producer.map { .text($0.task) } ?? .null,
                producer.map { .integer($0.taskVersion) } ?? .null, producer?.stage.map { .text($0) } ?? .null,
                .text(artifact.name), .text(artifact.contentType), .integer(Int(artifact.size)), .text(artifact.sha256),
                .text(artifact.storageKey), .integer(Int(artifact.createdAt.microseconds)),
            ])
    }

    public func artifact(id: UUID) async throws -> Artifact? {
        try await connection.query("SELECT * FROM artifacts WHERE id = ?", [.text(id.lowercasedString)])
            .first.map(Artifact.init(row:))
    }

    public func artifacts(ofJob jobID: UUID) async throws -> [Artifact] {
        try await connection.query(
            "SELECT * FROM artifacts WHERE job_id = ? ORDER BY seq", [.text(jobID.lowercasedString)]
        )
        .map(Artifact.init(row:))
    }
}

extension Artifact {
    init(row: SQLiteRow) throws {
        let producer: ArtifactProducer? =
            if let job = row.optional("job_id", \.string), let jobID = UUID(uuidString: job) {
                ArtifactProducer(
                    jobID: jobID, attempt: try row.required("attempt", \.integer),
                    task: try row.required("task", \.string),
                    taskVersion: try row.required("task_version", \.integer), stage: row.optional("stage", \.string))
            } else {
                nil
            }
        guard let id = UUID(uuidString: try row.required("id", \.string)) else { throw MalformedRow(column: "id") }
        self.init(
            id: id, name: try row.required("name", \.string), contentType: try row.required("content_type", \.string),
            size: Int64(try row.required("size", \.integer)), sha256: try row.required("sha256", \.string),
            storageKey: try row.required("storage_key", \.string), createdAt: try row.date("created_at"),
            producer: producer)
    }
}
