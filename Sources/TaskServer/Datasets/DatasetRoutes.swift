import Foundation
import Hummingbird
import TaskRuntime

/// `POST /v1/datasets`, `GET /v1/datasets`, `GET` and `DELETE /v1/datasets/{id}`, and
/// `GET /v1/datasets/{id}/content`, over the dataset operations of ``TaskOperations``.
struct DatasetRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.post("/v1/datasets") { request, context in
            let dataset = try await operations.storeDataset(request, context: context)
            return Response.json(
                DatasetResource.json(dataset), status: .created,
                headers: [.location: "/v1/datasets/\(dataset.id.lowercasedString)"])
        }
        router.get("/v1/datasets") { request, context in
            let page = try PageParameters(request.uri.queryParameters)
            let found = try await operations.datasets(
                matching: DatasetQuery(limit: page.limit ?? 50, before: page.before), context: context)
            return Response.json(DatasetResource.json(found))
        }
        router.get("/v1/datasets/:id") { _, context in
            Response.json(
                DatasetResource.json(
                    try await operations.dataset(id: try context.parameters.require("id"), context: context)))
        }
        router.get("/v1/datasets/:id/content") { _, context in
            let dataset = try await operations.dataset(id: try context.parameters.require("id"), context: context)
            return try await operations.download(dataset.artifact)
        }
        router.delete("/v1/datasets/:id") { _, context in
            _ = try await operations.deleteDataset(id: try context.parameters.require("id"), context: context)
            return Response(status: .noContent)
        }
    }
}
