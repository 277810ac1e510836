import TaskSchema

/// The component schemas of the registry routes, as `TaskServer`'s `TaskResource` renders a task:
/// `TaskInfo`, `RetryPolicy` and `TaskList`.
enum TaskInfoSchemas {
    static let all: [String: JSONValue] = [
        "TaskInfo": taskInfo,
        "RetryPolicy": JSONSchema.closedObject([
            "max_attempts": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("Attempts in all, the first included."),
            "backoff": ["type": "string", "enum": ["exponential", "fixed"]],
            "initial_seconds": JSONSchema.scalar(.number).adding(["minimum": 0]),
            "max_seconds": JSONSchema.scalar(.number).adding(["minimum": 0]),
        ]).described("How failed attempts are retried; delays use full jitter."),
        "TaskList": JSONSchema.closedObject(["tasks": JSONSchema.array(of: JSONSchema.ref("TaskInfo"))])
            .described("Every task the server runs, by name."),
    ]

    private static let taskInfo = JSONSchema.closedObject([
        "name": JSONSchema.scalar(.string),
        "version": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("The current version."),
        "summary": JSONSchema.scalar(.string),
        "description": JSONSchema.scalar(.string, nullable: true),
        "queue": JSONSchema.scalar(.string),
        "priority": JSONSchema.scalar(.integer).adding(["minimum": -1000, "maximum": 1000])
            .described("The default priority of its jobs; higher is claimed first."),
        "timeout_seconds": JSONSchema.scalar(.number).adding(["minimum": 0])
            .described("The hard limit of one attempt."),
        "retry": JSONSchema.ref("RetryPolicy"),
        "input_schema": JSONValue.object(["type": "object"]).described("The JSON Schema of the current version's input."),
        "output_schema": JSONValue.object(["type": "object"]).described("The JSON Schema of the output."),
        "links": JSONSchema.closedObject([
            "submit": JSONSchema.scalar(.string).described("`POST` an input here to submit a job.")
        ]),
    ]).described("A task of the registry, with the JSON Schemas of its input and output.")
}
