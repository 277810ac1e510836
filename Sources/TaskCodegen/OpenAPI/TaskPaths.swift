import Foundation
import TaskAPIModel
import TaskSchema

/// `GET /v1/tasks`, `GET /v1/tasks/{name}`, and for each task its literal path
/// `/v1/tasks/<name>`: `POST` submits a job (`submit_<name>`); `GET` repeats the registry entry, as
/// the literal path takes precedence over `/v1/tasks/{name}` (`TaskServer`'s `TaskRoutes`).
struct TaskPaths {
    let registry: Registry
    let components: TaskComponents

    var items: [String: JSONValue] {
        var items: [String: JSONValue] = [
            "/v1/tasks": ["get": Self.list.json],
            "/v1/tasks/{name}": ["get": Self.get.json],
        ]
        for task in registry.tasks {
            items["/v1/tasks/\(task.name)"] = ["post": submit(task).json, "get": Self.getLiteral(task).json]
            if let alias = task.alias {
                var operation = submit(task)
                operation.id = "submit_\(task.name)_at_\(Self.operationSuffix(alias.path))"
                operation.description =
                    "The same as `POST /v1/tasks/\(task.name)`, at the path the task declares in `http`.\n\n"
                    + (operation.description ?? "")
                items[alias.path] = ["post": operation.json]
            }
        }
        return items
    }

    /// `/api/run-model` -> `api_run_model`.
    private static func operationSuffix(_ path: String) -> String {
        String(path.dropFirst().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    private static let list = Operation(
        id: "list_tasks", tag: .tasks, summary: "The registry: every task with its versions and schemas.",
        responses: ["200": Operation.jsonResponse("Every task.", JSONSchema.ref("TaskList"))])

    private static let get = Operation(
        id: "get_task", tag: .tasks, summary: "One task of the registry.",
        parameters: [PathParameter.taskName.reference],
        responses: ["200": Operation.jsonResponse("The task.", JSONSchema.ref("TaskInfo"))],
        problems: [.taskNotFound])

    private static func getLiteral(_ task: TaskDefinition) -> Operation {
        Operation(
            id: "get_task_\(task.name)", tag: .tasks, summary: "The registry entry of task '\(task.name)'.",
            responses: ["200": Operation.jsonResponse("The task.", JSONSchema.ref("TaskInfo"))])
    }

    private func submit(_ task: TaskDefinition) -> Operation {
        let inputs = components.inputNames(of: task)
        let output = JSONSchema.schemaPointer(components.names[.output(task)])
        return Operation(
            id: "submit_\(task.name)", tag: .tasks, summary: task.summary,
            description: Self.description(of: task, output: output, inputs: inputs),
            parameters: [Self.versionParameter(task)] + Self.schedulingParameters(task) + Self.filesParameter(task)
                + [Self.idempotencyKeyParameter],
            requestBody: [
                "required": true,
                "description": "The job's input. Defaults are filled in before it is stored.",
                "content": ["application/json": ["schema": JSONSchema.ref(components.names[.input(task)])]],
            ],
            responses: task.dedup == nil ? ["202": Self.queued] : ["202": Self.queued, "200": Self.existing],
            problems: [
                .submitBadRequest, task.input.readsDatasets ? .submitNotFound : .taskVersionNotFound,
                .idempotencyKeyInProgress, .taskVersionRetired, .bodyTooLarge,
                .submitUnprocessable, .tooManyRequests, .taskUnavailable,
            ],
            extensions: [
                "x-taskforge-task": .string(task.name),
                "x-taskforge-version": .integer(task.version),
                "x-taskforge-output": .string(output),
                "x-taskforge-files": .array(task.files.map { .string($0.name) }),
                "x-taskforge-inputs": .object(
                    Dictionary(
                        uniqueKeysWithValues: inputs.map { version, name in
                            (String(version), JSONValue.string(JSONSchema.schemaPointer(name)))
                        })),
            ])
    }

    private static let queued = Operation.jsonResponse(
        "The job was queued.", JSONSchema.ref("Job"), headers: locationHeader)

    private static let locationHeader: [String: JSONValue] = [
        "Location": [
            "description": "The job's path, `/v1/jobs/{id}`.", "required": true, "schema": ["type": "string"],
        ],
        "Idempotent-Replayed": [
            "description":
                "`true` when the answer is the stored one of an earlier request with the same `Idempotency-Key`.",
            "schema": ["type": "string", "enum": ["true"]],
        ],
    ]

    /// `Idempotency-Key:` makes a submission safe to repeat.
    private static let idempotencyKeyParameter: JSONValue = [
        "name": "Idempotency-Key", "in": "header", "required": false,
        "schema": ["type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"],
        "description": """
        Makes the submission safe to repeat: for 24 hours, the same request with the same key gets the \
        first answer again (with `Idempotent-Replayed: true`) and queues nothing; a different request with \
        the key gets `422 idempotency_key_reused`.
        """,
    ]

    /// Documented for tasks that declare `dedup`.
    private static let existing = Operation.jsonResponse(
        "The task declares `dedup` and a job with the same key stands for the submission: pending or running "
            + "(`deduplicated`), or succeeded within `reuse_result_for` (`reused`). Nothing was queued.",
        JSONSchema.ref("ExistingJob"),
        headers: locationHeader)

    /// `?version=`: the current version or an older one the task still accepts.
    private static func versionParameter(_ task: TaskDefinition) -> JSONValue {
        Operation.query(
            "version",
            ["type": "integer", "enum": .array((task.acceptedVersions + [task.version]).map(JSONValue.integer))],
            "The version of the input: \(task.version), the current one (the default)"
                + (task.acceptedVersions.isEmpty ? "." : ", or an older one the task still accepts."))
    }

    /// `?priority=`, `?delay=` and `?run_at=`: how and when the job is claimed.
    private static func schedulingParameters(_ task: TaskDefinition) -> [JSONValue] {
        [
            Operation.query(
                "priority", ["type": "integer", "minimum": -1000, "maximum": 1000],
                "Overrides the task's priority (\(task.priority)); higher is claimed first, then oldest first."),
            Operation.query(
                "delay",
                [
                    "type": "string", "pattern": .string(DurationSyntax.delayPattern),
                    "examples": ["30s", "5m", "1h30m"],
                ],
                "Hold the job back this long: a duration such as `30s`, `500ms` or `1h30m` (up to three parts of at most "
                    + "four digits each). Excludes `run_at`: a request with both is `400 invalid_parameter`."),
            Operation.query(
                "run_at", ["type": "string", "format": "date-time"],
                "Hold the job back until this RFC 3339 time. Excludes `delay`."),
        ]
    }

    /// `?files=dbf,prj`, for a task with optional files: those the client will upload, which the job then awaits.
    private static func filesParameter(_ task: TaskDefinition) -> [JSONValue] {
        let optional = task.files.filter { !$0.required }.map { JSONValue.string($0.name) }
        guard !optional.isEmpty else { return [] }
        return [
            [
                "name": "files", "in": "query", "required": false, "style": "form", "explode": false,
                "schema": [
                    "type": "array", "items": ["type": "string", "enum": .array(optional)], "uniqueItems": true,
                ],
                "description": """
                The optional files the client will upload, comma-separated (`files=dbf,prj`): the job then starts \
                only once they are complete too, not at its last required file.
                """,
            ]
        ]
    }

    /// The task's description, where its output schema is, and which schema each older version takes.
    private static func description(of task: TaskDefinition, output: String, inputs: [Int: String]) -> String {
        var paragraphs = [String]()
        if let description = task.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            paragraphs.append(description)
        }
        paragraphs.append("The job's `output` follows `\(output)` once it succeeded.")
        if !task.files.isEmpty {
            let files = task.files.map { "`\($0.name)`" + ($0.required ? "" : " (optional)") }.joined(separator: ", ")
            paragraphs.append(
                "The job needs files before it starts: \(files). It is created `waiting`, and its `files` list each "
                    + "file's tus `upload_url`; it starts by itself when the last required file is uploaded, or the last "
                    + "optional one announced with `files` (`x-taskforge-files` declares them).")
        }
        if !task.acceptedVersions.isEmpty {
            let schemas = task.acceptedVersions.compactMap { version in
                inputs[version].map { "`?version=\(version)`: `\(JSONSchema.schemaPointer($0))`" }
            }
            paragraphs.append(
                "The request body shows the input of version \(task.version). Older versions still accepted take "
                    + "their own input, upgraded before the job runs"
                    + (schemas.isEmpty ? "." : ": " + schemas.joined(separator: ", ") + "."))
        }
        return paragraphs.joined(separator: "\n\n")
    }
}
