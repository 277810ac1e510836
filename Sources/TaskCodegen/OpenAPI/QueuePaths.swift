import TaskAPIModel
import TaskSchema

/// `GET /v1/queues`, `POST /v1/queues/{name}/pause` and `.../resume`, and their schemas,
/// `QueueStatus` and `QueueList` (`TaskServer`'s `QueueRoutes`).
enum QueuePaths {
    static var items: [String: JSONValue] {
        [
            "/v1/queues": ["get": list.json],
            "/v1/queues/{name}/pause": ["post": pause.json],
            "/v1/queues/{name}/resume": ["post": resume.json],
        ]
    }

    static let schemas: [String: JSONValue] = [
        "QueueStatus": JSONSchema.closedObject([
            "name": JSONSchema.scalar(.string),
            "pending": count("Pending jobs ready to run now."),
            "scheduled": count("Pending jobs held back until a later `run_at` (`delay`, `run_at`, retry backoff)."),
            "running": count("Jobs running now."),
            "workers": count("Live worker processes serving the queue."),
            "concurrency": count("The slots (concurrent jobs) the live workers registered for the queue, added up."),
            "oldest_pending_age_seconds": JSONSchema.scalar(.number, nullable: true).adding(["minimum": 0]).described(
                "Seconds since the oldest ready pending job became ready (its `run_at`); `null` when none is ready."),
            "paused": JSONSchema.scalar(.boolean).described(
                "Whether the queue is paused: no worker claims its jobs, which stay pending, until it is resumed."),
            "paused_at": JSONSchema.scalar(.string, nullable: true).adding(["format": "date-time"]).described(
                "When the queue was paused; `null` while it is not."),
            "paused_by": JSONSchema.scalar(.string, nullable: true).described(
                "The id of the token that paused it; `null` while it is not paused, or on a server without tokens."),
        ]).described("The jobs and workers of one queue, and its pause."),
        "QueueList": JSONSchema.closedObject(["queues": JSONSchema.array(of: JSONSchema.ref("QueueStatus"))])
            .described("Every queue a task uses or a job, live worker or pause is on, by name."),
    ]

    private static let pause = Operation(
        id: "pause_queue", tag: .operations, summary: "Pause a queue: no worker claims its jobs until it is resumed.",
        description: "Needs the `admin` scope. Workers on every machine stop claiming the queue's jobs from the moment "
            + "the pause is stored; running jobs finish, and new jobs are still accepted and wait `pending`. Pausing "
            + "a paused queue keeps its first pause.",
        parameters: [PathParameter.queueName.reference],
        responses: ["200": Operation.jsonResponse("The queue, paused.", JSONSchema.ref("QueueStatus"))],
        problems: [.queueNotFound])

    private static let resume = Operation(
        id: "resume_queue", tag: .operations,
        summary: "Resume a paused queue: its workers claim its jobs again at once.",
        description: "Needs the `admin` scope. Resuming a queue that is not paused changes nothing.",
        parameters: [PathParameter.queueName.reference],
        responses: ["200": Operation.jsonResponse("The queue, not paused.", JSONSchema.ref("QueueStatus"))],
        problems: [.queueNotFound])

    private static let list = Operation(
        id: "list_queues", tag: .operations,
        summary: "Queues: waiting, scheduled and running jobs, the oldest wait, and their workers.",
        description: "A queue that has waiting jobs but no workers is served by nobody: start a worker with "
            + "`--queues <name>=<slots>`.",
        responses: ["200": Operation.jsonResponse("Every queue.", JSONSchema.ref("QueueList"))])

    private static func count(_ description: String) -> JSONValue {
        JSONSchema.scalar(.integer).adding(["minimum": 0]).described(description)
    }
}
