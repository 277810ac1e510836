import Hummingbird
import TaskRuntime

/// `POST /v1/artifacts`, `GET /v1/artifacts/{id}`, `GET /v1/artifacts/{id}/meta`, over the
/// artifact operations of ``TaskOperations`` (scopes and visibility are theirs).
struct ArtifactRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.post("/v1/artifacts") { request, context in
            let artifact = try await operations.storeArtifact(request, context: context)
            return Response.json(
                ArtifactResource.json(artifact), status: .created,
                headers: [.location: "/v1/artifacts/\(artifact.id.lowercasedString)"])
        }
        router.get("/v1/artifacts/:id") { _, context in
            let (artifact, _) = try await operations.artifact(
                id: try context.parameters.require("id"), producingJob: false, context: context)
            return try await operations.download(artifact)
        }
        router.get("/v1/artifacts/:id/meta") { _, context in
            let (artifact, job) = try await operations.artifact(
                id: try context.parameters.require("id"), producingJob: true, context: context)
            return Response.json(try await operations.metaJSON(artifact, job: job))
        }
    }
}
