import TaskSchema

/// Renders the dispatch table: every task bound to its functions in `Handlers`.
struct TaskCatalogRenderer {
    static let fileName = "Generated+TaskCatalog.swift"

    let registry: Registry

    func render() -> GeneratedFile {
        var writer = CodeWriter()
        writer.line("/// The tasks declared in `\(registry.fileName)`, each bound to its handler function.")
        writer.block("public enum GeneratedTasks {") { writer in
            writer.line(
                "/// The dispatch table: the server validates submissions with it and workers run jobs through it.")
            writer.block("public static let catalog = TaskCatalog([", closing: "])") { writer in
                for task in registry.tasks {
                    let upgrades = task.acceptedVersions
                    let closing = ""
                    if !task.stages.isEmpty {
                        renderStagedEntry(task, closing: closing, into: &writer)
                    } else if task.files.isEmpty {
                        writer.line(
                            "TaskEntry(\(task.typeName).definition, handler: Handlers.\(task.handlerName))" + closing)
                    } else {
                        closure(
                            "TaskEntry(\(task.typeName).definition)",
                            ["input: \(task.typeName).Input", "job: JobContext"],
                            body: "try await Handlers.\(task.handlerName)(input, \(task.jobArgument))",
                            closing: "}" + closing,
                            into: &writer)
                    }
                    // The current version's submissions are checked by the generated validator.
                    writer.line(
                        ".validatingInput(with: \(task.typeName).validateInput)" + (upgrades.isEmpty ? "," : ""))
                    for (index, version) in upgrades.enumerated() {
                        let old = "\(task.typeName).V\(version)"
                        closure(
                            ".accepting(\(old).version, schema: \(old).inputSchema)", ["old: \(old).Input"],
                            body: "try Handlers.upgrade(old)", closing: "}" + (index == upgrades.count - 1 ? "," : ""),
                            into: &writer)
                    }
                }
            }
        }
        let header = GeneratedFile.swiftHeader(registryFile: registry.fileName, imports: ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + writer.text)
    }

    /// `head { (parameters) in body }`, the parameters wrapped when the line would be too long.
    func closure(_ head: String, _ parameters: [String], body: String, closing: String, into writer: inout CodeWriter) {
        writer.list(head + " { (", parameters, ") in")
        writer.indented { $0.line(body) }
        writer.line(closing)
    }
}
