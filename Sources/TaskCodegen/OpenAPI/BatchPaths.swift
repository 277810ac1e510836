import TaskAPIModel
import TaskSchema

/// `POST /v1/jobs:batch` and its schemas, `BatchRequest`, `BatchItem`, `BatchOptions`, `JobBatch` and
/// `BatchProblem` (`TaskServer`'s `BatchRoutes`).
enum BatchPaths {
    static var items: [String: JSONValue] {
        ["/v1/jobs:batch": ["post": submit.json]]
    }

    static let schemas: [String: JSONValue] = [
        "BatchOptions": JSONSchema.closedObject([
            "priority": JSONSchema.scalar(.integer).adding(["minimum": -1000, "maximum": 1000]),
            "delay": JSONSchema.scalar(.string).adding(["pattern": .string(DurationSyntax.delayPattern)])
                .described(
                    "A duration such as `30s` or `1h30m` (up to three parts of at most four digits each); excludes `run_at`."
                ),
            "run_at": JSONSchema.scalar(.string).adding(["format": "date-time"]).described("Excludes `delay`."),
        ]).adding(["required": [], "not": ["required": ["delay", "run_at"]]]).described("The submit options."),
        "BatchRequest": JSONSchema.closedObject([
            "jobs": JSONSchema.array(of: JSONSchema.ref("BatchItem")).adding(["minItems": 1])
        ]).described("Jobs to submit all at once (at most `MAX_BATCH_SIZE`)."),
        "JobBatch": JSONSchema.closedObject(["jobs": JSONSchema.array(of: JSONSchema.ref("Job"))])
            .described("The jobs of a batch, in the order of its items."),
        "BatchProblem": JSONValue.object([
            "allOf": [JSONSchema.ref("Problem")],
            "properties": [
                "items": JSONSchema.array(
                    of: JSONSchema.closedObject([
                        "index": JSONSchema.scalar(.integer).adding(["minimum": 0]),
                        "code": JSONSchema.scalar(.string),
                        "detail": JSONSchema.scalar(.string),
                        "violations": JSONSchema.array(of: JSONSchema.ref("Violation")),
                    ]).adding(["required": ["index", "code", "detail"]])),
                "max_batch_size": JSONSchema.scalar(.integer).adding(["minimum": 1]),
            ],
        ]).described("`batch_invalid` lists each failing item in `items`; `batch_too_large` gives `max_batch_size`."),
    ]

    /// The component names that ``item(registry:components:)`` fills in from the registry.
    static let registryNames: Set<String> = ["BatchItem"]

    /// `BatchItem`: one of the items a batch takes, a task and version each with its own input schema.
    /// Tasks that declare `dedup` are left out: their items are refused (`dedup_not_batchable`).
    static func item(registry: Registry, components: TaskComponents) -> JSONValue {
        let variants = registry.tasks.filter { $0.dedup == nil }.flatMap { task in
            components.inputNames(of: task).sorted { $0.key > $1.key }.map { version, input in
                variant(task: task, version: version, input: input)
            }
        }
        // A registry whose every task declares dedup has nothing a batch takes.
        return JSONValue.object(variants.isEmpty ? ["not": [:]] : ["oneOf": .array(variants)]).described(
            "One job of a batch: `task`, `input` as that task's submit route takes it, and `version` for an "
                + "older version the task still accepts.")
    }

    private static func variant(task: TaskDefinition, version: Int, input: String) -> JSONValue {
        let current = version == task.version
        return JSONSchema.closedObject([
            "task": ["const": .string(task.name)],
            "version": JSONValue.object(["const": .integer(version)])
                .described(current ? "The current version (the default)." : "An older version the task still accepts."),
            "input": JSONSchema.ref(input),
            "options": JSONSchema.ref("BatchOptions"),
        ]).adding([
            "required": .array((current ? ["task", "input"] : ["task", "version", "input"]).map(JSONValue.string))
        ])
    }

    private static let submit = Operation(
        id: "submit_batch", tag: .jobs, summary: "Submit many jobs at once: all of them, or none.",
        description: "Every item is validated as its own submit would be. When all are valid they are queued in one "
            + "transaction; otherwise nothing is queued and `422 batch_invalid` lists each failing item by index. "
            + "Items of tasks that declare `dedup` are refused (`dedup_not_batchable`).",
        requestBody: [
            "required": true,
            "content": ["application/json": ["schema": JSONSchema.ref("BatchRequest")]],
        ],
        responses: [
            "202": Operation.jsonResponse("Every job was queued, in order.", JSONSchema.ref("JobBatch")),
            "422": [
                "description": "`invalid_batch`, `batch_too_large` or `batch_invalid`: nothing was queued.",
                "content": ["application/problem+json": ["schema": JSONSchema.ref("BatchProblem")]],
            ],
        ],
        problems: [.submitBadRequest, .bodyTooLarge, .tooManyRequests, .datasetNotFound])
}
