import TaskAPIModel
import TaskSchema

/// The component schemas of the registry routes, as `TaskServer`'s `TaskResource` renders a task:
/// `TaskInfo`, `RetryPolicy`, `DedupPolicy`, `RateLimitPolicy`, `TaskSchedule`, `RouteAlias`, `TaskStage` and
/// `TaskList`.
enum TaskInfoSchemas {
    static let all: [String: JSONValue] = [
        "TaskInfo": taskInfo,
        "RetryPolicy": JSONSchema.closedObject([
            "max_attempts": JSONSchema.scalar(.integer).adding(["minimum": 1]).described(
                "Attempts in all, the first included."),
            "backoff": ["type": "string", "enum": ["exponential", "fixed"]],
            "initial_seconds": JSONSchema.scalar(.number).adding(["minimum": 0]),
            "max_seconds": JSONSchema.scalar(.number).adding(["minimum": 0]),
        ]).described("How failed attempts are retried; delays use full jitter."),
        "DedupPolicy": JSONSchema.closedObject([
            "key": JSONSchema.array(of: JSONSchema.scalar(.string)).adding(["minItems": 1])
                .described("The top-level input fields whose values, defaults applied, make the dedup key."),
            "reuse_result_for_seconds": JSONSchema.scalar(.number).adding(["minimum": 0])
                .described("How long after it finished a succeeded job is returned instead of a new one; 0: never."),
        ]).described("How equal submissions share one job while it is pending or running."),
        "RateLimitPolicy": JSONSchema.closedObject([
            "key": JSONSchema.scalar(.string).described("The shared bucket; tasks naming the same key share it."),
            "per_second": JSONSchema.scalar(.number).adding(["exclusiveMinimum": 0])
                .described("Tokens added per second; every attempt that starts takes one."),
            "burst": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("The most tokens the bucket holds."),
        ]).described("How fast jobs of the task start across every worker; jobs wait in `pending` for a token."),
        "TaskSchedule": JSONSchema.closedObject([
            "id": JSONSchema.scalar(.string)
                .described("`<task>:<16 hex digits>`, stable while the cron, timezone and input stay the same."),
            "cron": JSONSchema.scalar(.string).described("The five-field cron expression or macro, as written."),
            "timezone": JSONSchema.scalar(.string).described("The IANA time zone the expression is read in."),
            "catch_up": [
                "type": "string", "enum": ["latest", "all", "none"],
                "description": "Which missed ticks run after downtime.",
            ],
            "input": JSONValue.object(["type": "object"]).described(
                "The input of every job the schedule enqueues, before defaults."),
            "next_run": JSONSchema.timestamp(nullable: true).described("The next tick; `null` if there is none."),
        ]).described("A cron schedule that enqueues one job of the task per tick."),
        "RouteAlias": JSONSchema.closedObject([
            "path": JSONSchema.scalar(.string).described("The extra submit route's path."),
            "method": ["type": "string", "enum": ["POST"]],
        ]).described("An extra route that submits jobs of the task exactly like `POST /v1/tasks/{name}`."),
        "TaskStage": JSONSchema.closedObject([
            "name": JSONSchema.scalar(.string),
            "queue": JSONSchema.scalar(.string).described("The queue the stage's attempts are claimed from."),
            "weight": JSONSchema.scalar(.integer).adding(["minimum": 1])
                .described("The stage's share of the job's overall progress, relative to the other stages."),
            "timeout_seconds": JSONSchema.scalar(.number).adding(["minimum": 0])
                .described("The hard limit of one attempt of the stage."),
        ]).described("One stage of a multi-stage task."),
        "TaskFile": JSONSchema.closedObject([
            "name": JSONSchema.scalar(.string).described(
                "The file's name: the upload's `file` and the handler's `job.files` property."),
            "required": JSONSchema.scalar(.boolean).described("Whether a job waits for it."),
            "max_size": JSONSchema.scalar(.integer, nullable: true).adding(["minimum": 1])
                .described("The largest upload accepted, in bytes; `null` leaves the server's artifact limit."),
            "media_types": JSONSchema.array(of: JSONSchema.scalar(.string)).described(
                "The media types accepted; empty accepts any."),
            "description": JSONSchema.scalar(.string, nullable: true),
        ]).described("A file a job of the task needs before it starts, uploaded with tus."),
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
        "dedup": JSONSchema.nullableRef("DedupPolicy").described("`null` when every submission makes a new job."),
        "rate_limit": JSONSchema.nullableRef("RateLimitPolicy").described(
            "`null` when its jobs start as fast as workers take them."),
        "schedules": JSONSchema.array(of: JSONSchema.ref("TaskSchedule")).described(
            "Empty when the task has no schedule."),
        "http": JSONSchema.nullableRef("RouteAlias").described("`null` when the task has no extra route."),
        "stages": JSONSchema.scalar(.array, nullable: true).adding(["items": JSONSchema.ref("TaskStage")])
            .described("The stages its jobs run through, in order; `null` for a single-stage task."),
        "files": JSONSchema.array(of: JSONSchema.ref("TaskFile"))
            .described("The files a job needs before it starts, in order; empty when it starts at once."),
        "input_schema": JSONValue.object(["type": "object"]).described(
            "The JSON Schema of the current version's input."),
        "output_schema": JSONValue.object(["type": "object"]).described("The JSON Schema of the output."),
        "links": JSONSchema.closedObject([
            "submit": JSONSchema.scalar(.string).described("`POST` an input here to submit a job.")
        ]),
    ]).described("A task of the registry, with the JSON Schemas of its input and output.")
}
