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
        }
        return items
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
        let notes = [
            task.description,
            "The job's `output` follows `\(output)` once it succeeded.",
            Self.versionNote(task, inputs: inputs),
        ]
        return Operation(
            id: "submit_\(task.name)", tag: .tasks, summary: task.summary,
            description: notes.compactMap { $0 }.joined(separator: "\n\n"),
            parameters: [
                Operation.query(
                    "version", ["type": "integer", "enum": .array((task.acceptedVersions + [task.version]).map(JSONValue.integer))],
                    "The version of the input: \(task.version), the current one (the default)"
                        + (task.acceptedVersions.isEmpty ? "." : ", or an older one the task still accepts."))
            ],
            requestBody: [
                "required": true,
                "description": "The job's input. Defaults are filled in before it is stored.",
                "content": ["application/json": ["schema": JSONSchema.ref(components.names[.input(task)])]],
            ],
            responses: [
                "202": Operation.jsonResponse(
                    "The job was queued.", JSONSchema.ref("Job"),
                    headers: [
                        "Location": [
                            "description": "The job's path, `/v1/jobs/{id}`.", "required": true, "schema": ["type": "string"],
                        ]
                    ])
            ],
            problems: [.submitBadRequest, .taskVersionNotFound, .taskVersionRetired, .bodyTooLarge, .invalidInput],
            extensions: [
                "x-taskforge-task": .string(task.name),
                "x-taskforge-version": .integer(task.version),
                "x-taskforge-output": .string(output),
                "x-taskforge-inputs": .object(Dictionary(uniqueKeysWithValues: inputs.map {
                    (String($0.key), JSONValue.string(JSONSchema.schemaPointer($0.value)))
                })),
            ])
    }

    /// How `?version=` selects an older input schema, when the task accepts older versions.
    private static func versionNote(_ task: TaskDefinition, inputs: [Int: String]) -> String? {
        guard !task.acceptedVersions.isEmpty else { return nil }
        let schemas = task.acceptedVersions.compactMap { version in
            inputs[version].map { "`?version=\(version)`: `\(JSONSchema.schemaPointer($0))`" }
        }
        return "The request body shows the input of version \(task.version). Older versions still accepted take "
            + "their own input (upgraded before the job runs)"
            + (schemas.isEmpty ? "." : ": " + schemas.joined(separator: ", ") + ".")
    }
}
