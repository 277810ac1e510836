import Hummingbird
import TaskRuntime

/// `GET /v1/limits`: the limits this server enforces, as read at start (`null` for none), and under
/// `tasks` those its tasks enforce (an allowlist of the `search` task).
struct LimitRoutes {
    let operations: TaskOperations

    func register(on router: Router<TaskRequestContext>) {
        router.get("/v1/limits") { _, context in
            let limits = try operations.limits(context: context)
            return Response.json([
                "tasks_per_minute": limits.tasksPerMinute.map { .integer($0) } ?? .null,
                "max_batch_size": .integer(limits.maxBatchSize),
                "max_body_bytes": .integer(limits.maxBodyBytes),
                "task_max_runtime_seconds": limits.maxRuntime.map { .number($0.seconds) } ?? .null,
                "max_artifact_bytes": .integer(Int(limits.maxArtifactBytes)),
                "tasks": .object(limits.tasks.mapValues(JSONValue.object)),
            ])
        }
    }
}
