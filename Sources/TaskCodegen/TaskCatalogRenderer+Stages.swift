import TaskSchema

extension TaskCatalogRenderer {
    /// A staged task's entry: one handler per stage, in order; each later stage also gets the output
    /// of the stage before it.
    func renderStagedEntry(_ task: TaskDefinition, closing: String, into writer: inout CodeWriter) {
        let type = task.typeName
        writer.block("TaskEntry(\(type).definition, stages: [", closing: "])" + closing) { writer in
            var previous: Stage?
            for stage in task.stages {
                let output = stage.output == nil ? "\(type).Output" : "\(type).\(stage.outputTypeName)"
                if let previous {
                    let previousType = "\(type).\(previous.outputTypeName)"
                    writer.block(
                        "StageHandler { (input: \(type).Input, previous: \(previousType), job: JobContext) -> \(output) in",
                        closing: "},"
                    ) { writer in
                        writer.line("try await \(stage.handlerName(in: task))(input, previous, \(task.jobArgument))")
                    }
                } else {
                    writer.block("StageHandler { (input: \(type).Input, job: JobContext) -> \(output) in", closing: "},") {
                        writer in
                        writer.line("try await \(stage.handlerName(in: task))(input, \(task.jobArgument))")
                    }
                }
                previous = stage
            }
        }
    }
}
