import TaskSchema

/// The component schemas of jobs, as `TaskServer`'s `JobResource` renders them: `Job`, `JobError`,
/// `JobEvent`, `JobStage`, `JobState`, `ExistingJob` and the list wrappers.
enum JobSchemas {
    /// A job's states, in the order of its life (`JobState` in TaskRuntime).
    static let states: [JSONValue] = [
        "waiting", "pending", "running", "succeeded", "failed", "cancelled", "quarantined",
    ]

    static let all: [String: JSONValue] = [
        "JobState": JSONValue.object(["type": "string", "enum": .array(states)])
            .described(
                "Where a job is in its life; `waiting` for its files (tasks with `files`), `succeeded`, `failed`, "
                    + "`cancelled` and `quarantined` are final, and an operator may retry a `failed`, `cancelled` or "
                    + "`quarantined` job."),
        "Job": JSONSchema.closedObject(jobProperties).addingOptionalProperties([
            "artifacts": JSONSchema.array(of: JSONSchema.ref("Artifact"))
                .described("The artifacts the job wrote, oldest first (`GET /v1/jobs/{id}` only)."),
            "files": JSONSchema.array(of: JSONSchema.ref("JobFile")).described(
                "Its task's declared files and how far each got (a task with `files`: submit answers and `GET /v1/jobs/{id}`)."
            ),
            "datasets": JSONSchema.array(of: JSONSchema.ref("JobDataset")).described(
                "The datasets its input names, as they were at submit: its input lineage (`GET /v1/jobs/{id}` of a task "
                    + "whose input has a `format: dataset` property)."),
        ]).described("A job: one run of a task on one input."),
        "ExistingJob": JSONSchema.closedObject(
            jobProperties.merging([
                "deduplicated": JSONSchema.scalar(.boolean).described(
                    "The job is pending or running with the same dedup key."),
                "reused": JSONSchema.scalar(.boolean)
                    .described("The job succeeded with the same dedup key within the task's `reuse_result_for`."),
            ]) { _, new in new }
        ).described("The job a submission of a task with `dedup` was answered with instead of a new one."),
        "JobError": jobError,
        "JobFile": jobFile,
        "JobStage": jobStage,
        "JobEvent": jobEvent,
        "JobList": JSONSchema.closedObject([
            "jobs": JSONSchema.array(of: JSONSchema.ref("Job")).described("Newest first."),
            "next_cursor": JSONSchema.scalar(.string, nullable: true)
                .described("Pass as `cursor` to continue the listing; `null` on the last page."),
        ]).described("A page of jobs."),
        "JobEventList": JSONSchema.closedObject([
            "events": JSONSchema.array(of: JSONSchema.ref("JobEvent")).described("Oldest first.")
        ]).described("A job's event log."),
    ]

    private static let jobProperties: [String: JSONValue] = [
        "id": JSONSchema.scalar(.string).adding(["format": "uuid"]).described("The job's id, a lowercase UUID."),
        "task": JSONSchema.scalar(.string).described("The task's name."),
        "version": JSONSchema.scalar(.integer).adding(["minimum": 1])
            .described("The task version the job was submitted under (the version of its input)."),
        "handler_version": JSONSchema.scalar(.integer, nullable: true).adding(["minimum": 1]).described(
            "The task version whose handler ran the last attempt: newer than `version` when the input was "
                + "upgraded; `null` until an attempt was recorded."),
        "queue": JSONSchema.scalar(.string).described("The queue the job is on."),
        "priority": JSONSchema.scalar(.integer).described("Higher runs first within a queue."),
        "state": JSONSchema.ref("JobState"),
        "stage": JSONSchema.scalar(.string, nullable: true).described(
            "The stage the job is at, for a multi-stage task; otherwise the handler's current stage, if it names one."),
        "stages": JSONSchema.scalar(.array, nullable: true).adding(["items": JSONSchema.ref("JobStage")])
            .described("The stages of a multi-stage task, in order; `null` for a single-stage task."),
        "progress": progress,
        "input": JSONSchema.anyValue.described(
            "The input as stored, defaults filled in; it follows the task's input schema of `version`."),
        "output": JSONSchema.anyValue.described(
            "The handler's output once the job succeeded (it follows the task's `x-taskforge-output` schema), "
                + "else `null`."),
        "error": JSONSchema.nullableRef("JobError").described("Why the last attempt failed, else `null`."),
        "attempt": JSONSchema.scalar(.integer).adding(["minimum": 0]).described("Attempts started so far."),
        "max_attempts": JSONSchema.scalar(.integer).adding(["minimum": 1]).described("Attempts allowed in all."),
        "crashes": JSONSchema.scalar(.integer).adding(["minimum": 0]).described(
            "Attempts that ended with their handler process dying; the job is quarantined after a few."),
        "cancel_requested": JSONSchema.scalar(.boolean).described("Whether cancelling was requested."),
        "created_at": JSONSchema.timestamp().described("When the job was submitted."),
        "run_at": JSONSchema.timestamp().described("When the job becomes ready to run."),
        "started_at": JSONSchema.timestamp(nullable: true).described("When the last attempt started."),
        "finished_at": JSONSchema.timestamp(nullable: true).described("When the job reached a final state."),
        "links": JSONSchema.closedObject([
            "self": JSONSchema.scalar(.string).described("`GET` the job."),
            "events": JSONSchema.scalar(.string).described("`GET` its event log."),
            "cancel": JSONSchema.scalar(.string).described("`POST` to cancel it."),
            "retry": JSONSchema.scalar(.string).described(
                "`POST` to retry it once it failed, was cancelled or quarantined."),
        ]).addingOptionalProperties([
            "start": JSONSchema.scalar(.string).described(
                "`POST` to start it once its required files are uploaded (a task with `files`).")
        ]),
    ]

    private static let jobFile = JSONSchema.closedObject([
        "name": JSONSchema.scalar(.string),
        "required": JSONSchema.scalar(.boolean).described(
            "Whether the job waits for it: a required file, or an optional one announced at submit."),
        "announced": JSONSchema.scalar(.boolean).described(
            "An optional file the client announced at submit (`files=`): the job waits for it too."),
        "state": ["type": "string", "enum": ["missing", "uploading", "complete"]],
        "max_size": JSONSchema.scalar(.integer, nullable: true).described("The largest upload accepted, in bytes."),
        "media_types": JSONSchema.array(of: JSONSchema.scalar(.string)).described(
            "The media types accepted; empty accepts any."),
        "upload_url": JSONSchema.scalar(.string, nullable: true).described(
            "While the job waits and the file is not complete: the tus creation URL to `POST` the upload to."),
        "upload": JSONSchema.scalar(.string, nullable: true).described("The tus upload under way, if any."),
        "size": JSONSchema.scalar(.integer, nullable: true).described(
            "The stored file's size in bytes, once complete."),
        "sha256": JSONSchema.scalar(.string, nullable: true).described("The stored file's hex SHA-256, once complete."),
        "artifact": JSONSchema.scalar(.string, nullable: true).described("`GET` the stored file, once complete."),
    ]).described("A declared file of a job and how far its upload got.")

    private static let jobStage = JSONSchema.closedObject([
        "name": JSONSchema.scalar(.string),
        "state": JSONSchema.ref("JobState").described(
            "`succeeded` once the stage completed; the job's state for the stage it is at; `pending` for later stages."),
        "started_at": JSONSchema.timestamp(nullable: true).described("When the stage's last attempt started."),
        "finished_at": JSONSchema.timestamp(nullable: true).described("When the stage completed."),
        "attempts": JSONSchema.scalar(.integer).adding(["minimum": 0]).described("The stage's attempts so far."),
    ]).described("One stage of a multi-stage job.")

    private static let jobError = JSONSchema.closedObject([
        "code": JSONSchema.scalar(.string).described("A stable, snake_case error code (docs/errors.md)."),
        "message": JSONSchema.scalar(.string),
        "retryable": JSONSchema.scalar(.boolean).described("Whether the failure was transient."),
        "details": JSONSchema.anyValue.described("Extra data from the handler, or `null`."),
    ]).described("Why a job's attempt failed.")

    private static let jobEvent = JSONSchema.closedObject([
        "id": JSONSchema.scalar(.integer).described("The event's sequence number; later events have larger ones."),
        "at": JSONSchema.timestamp(),
        "state": JSONSchema.ref("JobState"),
        "stage": JSONSchema.scalar(.string, nullable: true),
        "progress": progress,
        "attempt": JSONSchema.scalar(.integer).adding(["minimum": 0]),
        "error": JSONSchema.nullableRef("JobError"),
    ]).described("A state or stage change of a job.")

    private static let progress = JSONSchema.scalar(.number).adding(["minimum": 0, "maximum": 100])
        .described("Percent done, 0 to 100.")
}
