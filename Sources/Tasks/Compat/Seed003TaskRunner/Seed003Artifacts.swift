import Foundation
import HTTPTypes
import Hummingbird
import TaskRuntime
import TaskServer

/// Seed 003's artifacts: `POST /artifacts` with `{"task_id", "type", "content_type", "data_base64"}`
/// (the JSON form `POST /v1/artifacts` already reads), `GET /artifacts/{artifact_id}` (the bytes,
/// streamed even from S3: the seed's `curl -s` does not follow redirects) and its `/meta`.
struct Seed003Artifacts {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.post("/artifacts") { request, context in
            let artifact = try await operations.storeArtifact(request, context: context)
            return Response.json(
                Self.json(artifact), status: .created,
                headers: [.location: "/artifacts/\(artifact.id.lowercasedString)"])
        }
        router.get("/artifacts/:artifact_id") { _, context in
            let (artifact, _) = try await operations.artifact(
                id: try context.parameters.require("artifact_id"), producingJob: false, context: context)
            return try await operations.download(artifact, redirect: false)
        }
        router.get("/artifacts/:artifact_id/meta") { _, context in
            let (artifact, job) = try await operations.artifact(
                id: try context.parameters.require("artifact_id"), producingJob: true, context: context)
            guard case .object(var members) = Self.json(artifact) else { return Response.json(Self.json(artifact)) }
            members["lineage"] = try await operations.metaJSON(artifact, job: job)
            return Response.json(.object(members))
        }
    }

    /// The artifact in the seed's names.
    static func json(_ artifact: Artifact) -> JSONValue {
        [
            "artifact_id": .string(artifact.id.lowercasedString),
            "task_id": artifact.producer.map { .string($0.jobID.lowercasedString) } ?? .null,
            "type": .string(artifact.name),
            "content_type": .string(artifact.contentType),
            "size_bytes": .integer(Int(artifact.size)),
            "sha256": .string(artifact.sha256),
            "created_at": CompatSupport.timestamp(artifact.createdAt),
        ]
    }
}
