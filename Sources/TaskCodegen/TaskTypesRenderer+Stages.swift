import TaskSchema

extension TaskTypesRenderer {
    /// The `stages:` argument of a staged task's definition, one `Stage(...)` per stage, every
    /// default written out; nothing for a single-stage task.
    func renderStages(of task: TaskDefinition, into writer: inout CodeWriter) {
        guard !task.stages.isEmpty else { return }
        writer.block("stages: [", closing: "],") { writer in
            for stage in task.stages {
                writer.block("Stage(", closing: "),") { writer in
                    writer.line("name: \(SwiftSyntax.stringLiteral(stage.name)),")
                    if let description = stage.description {
                        writer.stringArgument("description", description)
                    }
                    writer.line("queue: \(SwiftSyntax.stringLiteral(stage.queue)),")
                    writer.line("timeout: \(SwiftSyntax.duration(stage.timeout)),")
                    writer.line("weight: \(stage.weight),")
                    if let output = stage.output {
                        let expression = SchemaLiteralRenderer.expression(
                            output, indent: "                ", shared: sharedTypes)
                        writer.line("output: \(expression),")
                    }
                    writer.line(sourceLocation(stage.location))
                }
            }
        }
    }
}
