import TaskSchema

extension TaskCatalogRenderer {
    /// A staged task's entry: one handler per stage, in order; each later stage also gets the output
    /// of the stage before it.
    func renderStagedEntry(_ task: TaskDefinition, closing: String, into writer: inout CodeWriter) {
        let type = task.typeName
        writer.block("TaskEntry(\(type).definition, stages: [", closing: "])" + closing) { writer in
            var previous: Stage?
            for stage in task.stages {
                let function = "Handlers.\(stage.handlerName(in: task))"
                if task.files.isEmpty {
                    writer.line("StageHandler(\(function)),")
                } else if let previous {
                    closure(
                        "StageHandler",
                        ["input: \(type).Input", "previous: \(type).\(previous.outputTypeName)", "job: JobContext"],
                        body: "try await \(function)(input, previous, \(task.jobArgument))", closing: "},",
                        into: &writer)
                } else {
                    closure(
                        "StageHandler", ["input: \(type).Input", "job: JobContext"],
                        body: "try await \(function)(input, \(task.jobArgument))", closing: "},", into: &writer)
                }
                previous = stage
            }
        }
    }
}
