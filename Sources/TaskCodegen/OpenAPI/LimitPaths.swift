import TaskAPIModel
import TaskSchema

/// `GET /v1/limits` and its schema, `Limits` (`TaskServer`'s `LimitRoutes`).
enum LimitPaths {
    static var items: [String: JSONValue] {
        ["/v1/limits": ["get": limits.json]]
    }

    static let schemas: [String: JSONValue] = [
        "Limits": JSONSchema.closedObject([
            "tasks_per_minute": JSONSchema.scalar(.integer, nullable: true)
                .described("Jobs one principal may submit a minute (`TASKS_PER_MINUTE`); `null` for no limit."),
            "max_batch_size": JSONSchema.scalar(.integer).described(
                "Jobs one `POST /v1/jobs:batch` may hold (`MAX_BATCH_SIZE`)."),
            "max_body_bytes": JSONSchema.scalar(.integer).described("The largest JSON request body accepted."),
            "task_max_runtime_seconds": JSONSchema.scalar(.number, nullable: true)
                .described("The cap on every task's timeout (`TASK_MAX_RUNTIME_SECONDS`); `null` for none."),
            "max_artifact_bytes": JSONSchema.scalar(.integer).described(
                "The largest artifact accepted (`TASK_MAX_ARTIFACT_MB`)."),
            "tasks": JSONSchema.scalar(.object).adding(["additionalProperties": JSONSchema.scalar(.object)]).described(
                "By task name, the limits a task enforces as this deployment set them up, such as the `search` task's "
                    + "`source_allowlist` (`SEARCH_SOURCE_ALLOWLIST`) and `fetch_domain_allowlist` "
                    + "(`FETCH_DOMAIN_ALLOWLIST`, `null` for any domain)."),
        ]).described("The limits the server enforces, read once at start.")
    ]

    private static let limits = Operation(
        id: "get_limits", tag: .operations, summary: "The limits this server enforces.",
        responses: ["200": Operation.jsonResponse("The limits.", JSONSchema.ref("Limits"))])
}
