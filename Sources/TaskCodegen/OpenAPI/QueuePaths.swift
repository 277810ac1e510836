import TaskSchema

/// `GET /v1/queues` and its schemas, `QueueStatus` and `QueueList` (`TaskServer`'s `QueueRoutes`).
enum QueuePaths {
    static var items: [String: JSONValue] {
        ["/v1/queues": ["get": list.json]]
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
        ]).described("The jobs and workers of one queue."),
        "QueueList": JSONSchema.closedObject(["queues": JSONSchema.array(of: JSONSchema.ref("QueueStatus"))])
            .described("Every queue a task uses or a job or live worker is on, by name."),
    ]

    private static let list = Operation(
        id: "list_queues", tag: .operations, summary: "Queues: waiting, scheduled and running jobs, the oldest wait, and their workers.",
        description: "A queue that has waiting jobs but no workers is served by nobody: start a worker with "
            + "`--queues <name>=<slots>`.",
        responses: ["200": Operation.jsonResponse("Every queue.", JSONSchema.ref("QueueList"))])

    private static func count(_ description: String) -> JSONValue {
        JSONSchema.scalar(.integer).adding(["minimum": 0]).described(description)
    }
}
