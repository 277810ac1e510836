import TaskAPIModel
import TaskSchema

/// `GET /v1/jobs`, `GET /v1/jobs/{id}`, `POST /v1/jobs/{id}/cancel`, `POST /v1/jobs/{id}/retry` and
/// `GET /v1/jobs/{id}/events` (`TaskServer`'s `JobRoutes`).
enum JobPaths {
    static var items: [String: JSONValue] {
        [
            "/v1/jobs": ["get": list.json],
            "/v1/jobs/{id}": ["get": get.json],
            "/v1/jobs/{id}/cancel": ["post": cancel.json],
            "/v1/jobs/{id}/retry": ["post": retry.json],
            "/v1/jobs/{id}/start": ["post": start.json],
            "/v1/jobs/{id}/events": ["get": events.json],
        ]
    }

    private static let list = Operation(
        id: "list_jobs", tag: .jobs, summary: "List jobs, newest first.",
        description: "Pages with `limit` and `cursor`: pass a page's `next_cursor` as `cursor` to get the next one.",
        parameters: [
            Operation.query("task", ["type": "string"], "Only jobs of this task."),
            Operation.query("status", JSONSchema.ref("JobState"), "Only jobs in this state."),
            Operation.query(
                "state", JSONSchema.ref("JobState"), "The same as `status`, which wins when both are given."),
            Operation.query(
                "limit", ["type": "integer", "minimum": 1, "maximum": 1000, "default": 50], "The most jobs to return."),
            Operation.query(
                "cursor", ["type": "string", "pattern": "^[A-Za-z0-9_-]+$"],
                "Where to continue: the `next_cursor` of the previous page, used as is."),
        ],
        responses: ["200": Operation.jsonResponse("A page of jobs.", JSONSchema.ref("JobList"))],
        problems: [.invalidParameter])

    private static let get = Operation(
        id: "get_job", tag: .jobs, summary: "Get a job: its state, progress, output or error.",
        parameters: [PathParameter.jobID.reference],
        responses: ["200": Operation.jsonResponse("The job.", JSONSchema.ref("Job"))],
        problems: [.jobNotFound])

    private static let cancel = Operation(
        id: "cancel_job", tag: .jobs, summary: "Cancel a job, even while it runs.",
        description: "A pending job is cancelled at once (200). A running job is asked to stop (202): its worker "
            + "cancels the handler at its next heartbeat, and the job ends `cancelled` (or as it finished meanwhile).",
        parameters: [PathParameter.jobID.reference],
        responses: [
            "200": Operation.jsonResponse("The job was pending and is now cancelled.", JSONSchema.ref("Job")),
            "202": Operation.jsonResponse(
                "The job is running; cancelling was requested (`cancel_requested` is true).", JSONSchema.ref("Job")),
        ],
        problems: [.jobNotFound, .jobFinished])

    private static let retry = Operation(
        id: "retry_job", tag: .jobs, summary: "Run a failed, cancelled or quarantined job again.",
        description: "The job goes back to `pending` with the task's `retry.max_attempts` more attempts and its crash "
            + "count cleared; its event log keeps the earlier attempts.",
        parameters: [PathParameter.jobID.reference],
        responses: ["200": Operation.jsonResponse("The job, `pending` again.", JSONSchema.ref("Job"))],
        problems: [.jobNotFound, .jobNotRetryable])

    private static let start = Operation(
        id: "start_job", tag: .jobs, summary: "Start a job that waits for its files.",
        description: "A job of a task with `files` starts by itself when its last required file is uploaded; this "
            + "starts it explicitly, or answers 409 `files_missing` listing what is still missing.",
        parameters: [PathParameter.jobID.reference],
        responses: ["200": Operation.jsonResponse("The job, `pending` now.", JSONSchema.ref("Job"))],
        problems: [.jobNotFound, .jobNotStartable])

    private static let events = Operation(
        id: "list_job_events", tag: .jobs,
        summary: "A job's state and stage changes, oldest first; or their live stream.",
        description: """
            With `Accept: text/event-stream`, a Server-Sent Events stream: each entry of the event log as an \
            event `state` (or `stage` when only the stage changed) with `id: <sequence>` and the entry as `data`; \
            the job's progress as an event `progress` (no id; `{progress, stage, state}`), at most one every 250 ms \
            and only when it changed; a `: keep-alive` comment after 15 s without an event. The stream ends after \
            the final state's event. `Last-Event-ID: n` resumes after the entry with sequence `n`. The store is \
            read every 200 ms. Otherwise the log as JSON.
            """,
        parameters: [
            PathParameter.jobID.reference,
            [
                "name": "Last-Event-ID", "in": "header", "required": false,
                "schema": ["type": "string", "pattern": "^[0-9]{1,18}$"],
                "description":
                    "With `Accept: text/event-stream`: send only the entries after this sequence. Checked in both forms.",
            ],
        ],
        responses: [
            "200": [
                "description": "The job's event log, or (`Accept: text/event-stream`) its live stream.",
                "content": [
                    "application/json": ["schema": JSONSchema.ref("JobEventList")],
                    "text/event-stream": ["schema": ["type": "string"]],
                ],
            ]
        ],
        problems: [.jobNotFound, .invalidParameter])
}
