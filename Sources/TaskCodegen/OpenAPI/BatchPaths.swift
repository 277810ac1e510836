import TaskSchema

/// `POST /v1/jobs:batch` and its schemas, `BatchRequest`, `BatchItem`, `JobBatch` and `BatchProblem`
/// (`TaskServer`'s `BatchRoutes`).
enum BatchPaths {
    static var items: [String: JSONValue] {
        ["/v1/jobs:batch": ["post": submit.json]]
    }

    static let schemas: [String: JSONValue] = [
        "BatchItem": JSONSchema.closedObject([
            "task": JSONSchema.scalar(.string).described("The task's name."),
            "version": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("The input's version; the current one by default."),
            "input": JSONValue.object(["type": "object"]).described("The input, as the task's submit route takes it."),
            "options": JSONSchema.closedObject([
                "priority": JSONSchema.scalar(.integer).adding(["minimum": -1000, "maximum": 1000]),
                "delay": JSONSchema.scalar(.string).described("A duration such as `30s`; excludes `run_at`."),
                "run_at": JSONSchema.scalar(.string).adding(["format": "date-time"]).described("Excludes `delay`."),
            ]).adding(["required": []]).described("The submit options."),
        ]).adding(["required": ["task", "input"]]).described("One job of a batch."),
        "BatchRequest": JSONSchema.closedObject([
            "jobs": JSONSchema.array(of: JSONSchema.ref("BatchItem")).adding(["minItems": 1])
        ]).described("Jobs to submit all at once (at most `MAX_BATCH_SIZE`)."),
        "JobBatch": JSONSchema.closedObject(["jobs": JSONSchema.array(of: JSONSchema.ref("Job"))])
            .described("The jobs of a batch, in the order of its items."),
        "BatchProblem": JSONValue.object([
            "allOf": [JSONSchema.ref("Problem")],
            "properties": [
                "items": JSONSchema.array(of: JSONSchema.closedObject([
                    "index": JSONSchema.scalar(.integer).adding(["minimum": 0]),
                    "code": JSONSchema.scalar(.string),
                    "detail": JSONSchema.scalar(.string),
                    "violations": JSONSchema.array(of: JSONSchema.ref("Violation")),
                ]).adding(["required": ["index", "code", "detail"]])),
                "max_batch_size": JSONSchema.scalar(.integer).adding(["minimum": 1]),
            ],
        ]).described("`batch_invalid` lists each failing item in `items`; `batch_too_large` gives `max_batch_size`."),
    ]

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
        problems: [.submitBadRequest, .bodyTooLarge, .tooManyRequests])
}
