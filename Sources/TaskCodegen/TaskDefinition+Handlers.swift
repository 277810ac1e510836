import TaskSchema

/// A handler function the application must define for a task.
struct HandlerSignature {
    var name: String
    /// The declaration to write, as diagnostics suggest it.
    var signature: String
    /// What needs it, for diagnostics: "task 'echo'", "stage 'score' of task 'predict'".
    var owner: String
    var location: SourceLocation
}

extension TaskDefinition {
    /// The handler functions of the task: one, or one per stage for a staged task (the first stage
    /// gets the input; each later stage also gets the output of the stage before it).
    var handlerSignatures: [HandlerSignature] {
        let type = typeName
        guard !stages.isEmpty else {
            return [
                HandlerSignature(
                    name: handlerName,
                    signature: "func \(handlerName)(_ input: \(type).Input, _ job: \(jobContextType)) async throws -> \(type).Output",
                    owner: "task '\(name)'", location: location)
            ]
        }
        return stages.enumerated().map { index, stage in
            let function = stage.handlerName(in: self)
            let output = stage.output == nil ? "\(type).Output" : "\(type).\(stage.outputTypeName)"
            let previous = index == 0 ? "" : "_ previous: \(type).\(stages[index - 1].outputTypeName), "
            return HandlerSignature(
                name: function,
                signature: "func \(function)(_ input: \(type).Input, \(previous)_ job: \(jobContextType)) async throws -> \(output)",
                owner: "stage '\(stage.name)' of task '\(name)'", location: stage.location)
        }
    }
}

extension TaskDefinition {
    /// The type of a handler's `job` argument: `JobContext`, or `<Task>.Job` with the typed `files`.
    var jobContextType: String { files.isEmpty ? "JobContext" : "\(typeName).Job" }

    /// What the dispatch table passes as a handler's `job`, given the untyped context `job`.
    var jobArgument: String { files.isEmpty ? "job" : "job.withFiles(try \(typeName).Files(job.inputFiles))" }
}
