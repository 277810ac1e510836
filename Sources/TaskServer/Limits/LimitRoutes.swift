import Hummingbird
import TaskRuntime

/// `GET /v1/limits`: the limits this server enforces, as read at start (`null` for none), and under
/// `tasks` those its tasks enforce (an allowlist of the `search` task).
struct LimitRoutes {
    let configuration: ServerConfiguration
    let catalog: TaskCatalog

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/limits") { _, context in
            _ = try context.principal(holding: .read)
            return Response.json([
                "tasks_per_minute": configuration.tasksPerMinute.map { .integer($0) } ?? .null,
                "max_batch_size": .integer(configuration.maxBatchSize),
                "max_body_bytes": .integer(configuration.maxBodyBytes),
                "task_max_runtime_seconds": configuration.maxRuntime.map { .number($0.seconds) } ?? .null,
                "max_artifact_bytes": .integer(Int(configuration.maxArtifactBytes)),
                "tasks": .object(catalog.taskLimits.mapValues(JSONValue.object)),
            ])
        }
    }
}
