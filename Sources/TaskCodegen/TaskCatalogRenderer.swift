import TaskSchema

/// Renders the dispatch table: every task bound to its handler function.
struct TaskCatalogRenderer {
    static let fileName = "Generated+TaskCatalog.swift"

    let registry: Registry

    func render() -> GeneratedFile {
        var writer = CodeWriter()
        writer.line("/// The tasks declared in `\(registry.fileName)`, each bound to its handler function.")
        writer.block("public enum GeneratedTasks {") { writer in
            writer.line("/// The dispatch table: the server validates submissions with it and workers run jobs through it.")
            writer.block("public static let catalog = TaskCatalog([", closing: "])") { writer in
                for task in registry.tasks {
                    let type = task.typeName
                    let upgrades = task.acceptedVersions.map { version in
                        ".accepting(\(type).V\(version).version, schema: \(type).V\(version).inputSchema) "
                            + "{ (old: \(type).V\(version).Input) in try upgrade(old) }"
                    }
                    let closing = upgrades.isEmpty ? "," : ""
                    if task.stages.isEmpty {
                        writer.block("TaskEntry(\(type).definition) { (input: \(type).Input, job: JobContext) in", closing: "}" + closing) {
                            writer in
                            writer.line("try await \(task.handlerName)(input, \(task.jobArgument))")
                        }
                    } else {
                        renderStagedEntry(task, closing: closing, into: &writer)
                    }
                    for (index, upgrade) in upgrades.enumerated() {
                        writer.line(upgrade + (index == upgrades.count - 1 ? "," : ""))
                    }
                }
            }
        }
        let header = GeneratedFile.swiftHeader(registryFile: registry.fileName, imports: ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + writer.text)
    }
}
