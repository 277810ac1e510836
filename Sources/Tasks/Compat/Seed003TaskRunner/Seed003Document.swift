import TaskRuntime

/// Seed 003's routes in the OpenAPI document.
enum Seed003Document {
    static var paths: [String: JSONValue] {
        let taskID = CompatSupport.pathParameter("task_id", "The task id `POST /tasks` answered (a job id).")
        let artifactID = CompatSupport.pathParameter("artifact_id", "The artifact id `POST /artifacts` answered.")
        let submission: JSONValue = [
            "type": "object", "required": ["type"], "additionalProperties": false,
            "properties": [
                "type": [
                    "type": "string", "description": "The task's name.",
                    "enum": .array(GeneratedTasks.catalog.entries.map { .string($0.definition.name) }),
                ],
                "params": ["type": "object", "description": "The task's input (echo: `msg`)."],
                "timeout_seconds": ["type": "integer", "minimum": 1],
                "max_retries": ["type": "integer", "minimum": 0],
            ],
        ]
        return [
            "/tasks": [
                "post": CompatSupport.operation(
                    "seed003_create_task", "Submit a task: {type, params, timeout_seconds, max_retries}.",
                    body: submission,
                    problems: [
                        "400": "SubmitBadRequest", "413": "BodyTooLarge", "422": "SubmitUnprocessable",
                        "429": "TooManyRequests", "503": "TaskUnavailable",
                    ])
            ],
            "/tasks/{task_id}": [
                "get": CompatSupport.operation(
                    "seed003_get_task",
                    "A task: PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED, with its result or error.",
                    parameters: [taskID], problems: ["404": "JobNotFound"])
            ],
            "/tasks/{task_id}/cancel": [
                "post": CompatSupport.operation(
                    "seed003_cancel_task", "Cancel a task, even while it runs.", parameters: [taskID],
                    problems: ["404": "JobNotFound", "409": "JobFinished"])
            ],
            "/artifacts": [
                "post": CompatSupport.operation(
                    "seed003_create_artifact",
                    "Store an artifact: {task_id, type, content_type, data_base64}; without a body, an empty one.",
                    status: "201", description: "The artifact was stored.",
                    body: ["$ref": "#/components/schemas/ArtifactUpload"], bodyRequired: false,
                    problems: [
                        "400": "ArtifactUploadBadRequest", "404": "JobNotFound", "413": "ArtifactTooLarge",
                        "422": "ArtifactUnprocessable", "503": "ArtifactStorageFailed",
                    ])
            ],
            "/artifacts/{artifact_id}": [
                "get": [
                    "operationId": "seed003_get_artifact", "summary": "The artifact's bytes.",
                    "parameters": [artifactID],
                    "responses": [
                        // Any bytes of any type: the artifact's own `Content-Type`.
                        "200": [
                            "description": "The artifact's bytes, with its `Content-Type`.", "content": ["*/*": [:]],
                        ],
                        "401": ["$ref": "#/components/responses/Unauthorized"],
                        "403": ["$ref": "#/components/responses/Forbidden"],
                        "404": ["$ref": "#/components/responses/ArtifactNotFound"],
                        "default": ["$ref": "#/components/responses/UnexpectedError"],
                    ],
                ]
            ],
            "/artifacts/{artifact_id}/meta": [
                "get": CompatSupport.operation(
                    "seed003_artifact_meta", "The artifact's metadata and lineage.", parameters: [artifactID],
                    problems: ["404": "ArtifactNotFound"])
            ],
            "/limits": [
                "get": CompatSupport.operation("seed003_limits", "The limits in force, by the seed's variable names.")
            ],
            "/health": [
                "get": CompatSupport.operation(
                    "seed003_health", "Whether the server and its job store answer.",
                    problems: ["503": "StoreUnavailable"],
                    public: true)
            ],
            "/dedup/has_been_processed": [
                "get": CompatSupport.operation(
                    "seed003_has_been_processed",
                    "Whether a job of task `scope` with dedup key `key` succeeded, and when.",
                    parameters: [
                        CompatSupport.queryParameter("scope", "A task's name.", required: true),
                        CompatSupport.queryParameter(
                            "key", "Its dedup key (GET /v1/dedup/{name} answers it).", required: true),
                    ],
                    problems: ["400": "InvalidParameter", "404": "TaskNotFound"])
            ],
            "/dedup/latest_run_for_key": [
                "get": CompatSupport.operation(
                    "seed003_latest_run_for_key", "The newest job with a dedup key, in any state.",
                    parameters: [
                        CompatSupport.queryParameter(
                            "key", "'<scope>:<dedup key>'.", required: true, pattern: "^[^:]+:")
                    ],
                    problems: ["400": "InvalidParameter", "404": "TaskNotFound"])
            ],
        ]
    }
}
