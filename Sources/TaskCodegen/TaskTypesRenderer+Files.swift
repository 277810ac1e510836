import TaskSchema

extension TaskTypesRenderer {
    /// The `files:` argument of the definition of a task with file inputs; nothing for a task without.
    func renderFileDeclarations(of task: TaskDefinition, into writer: inout CodeWriter) {
        guard !task.files.isEmpty else { return }
        writer.block("files: [", closing: "],") { writer in
            for file in task.files {
                var arguments = ["name: \(SwiftSyntax.stringLiteral(file.name))", "required: \(file.required)"]
                if let maxSize = file.maxSize { arguments.append("maxSize: \(maxSize)") }
                if !file.mediaTypes.isEmpty {
                    arguments.append(
                        "mediaTypes: [\(file.mediaTypes.map(SwiftSyntax.stringLiteral).joined(separator: ", "))]")
                }
                if let description = file.description {
                    arguments.append("description: " + writer.listItemLiteral(description, after: "description: "))
                }
                arguments.append(sourceLocation(file.location))
                writer.list("FileInput(", arguments, "),")
            }
        }
    }

    /// The typed `Files` of a task with file inputs and its handler's `Job` context type.
    func renderFilesType(of task: TaskDefinition, into writer: inout CodeWriter) {
        guard let first = task.files.first else { return }
        writer.line()
        writer.line("/// The input files of a `\(task.name)` job, as local readable file URLs.")
        writer.line("/// \(filesRemark(task))")
        writer.block("public struct Files: Sendable {") { writer in
            for file in task.files {
                writer.docComment(file.description)
                writer.line("public let \(SwiftSyntax.identifier(file.propertyName)): URL\(file.required ? "" : "?")")
            }
            writer.line()
            writer.line("/// The files the worker fetched for the attempt.")
            writer.block("public init(_ files: InputFiles) throws {") { writer in
                for file in task.files {
                    let name = SwiftSyntax.stringLiteral(file.name)
                    writer.line(
                        file.required
                            ? "\(SwiftSyntax.identifier(file.propertyName)) = try files.required(\(name))"
                            : "\(SwiftSyntax.identifier(file.propertyName)) = files.optional(\(name))")
                }
            }
        }
        writer.line()
        writer.docComment(
            "What a `\(task.name)` handler gets besides its input: `job.files.\(first.propertyName)`, progress, artifacts, "
                + "a logger.\n" + filesRemark(task))
        writer.line("public typealias Job = TaskJobContext<Files>")
    }

    /// The origin of a task's `Files` and `Job`: its first declared file.
    private func filesRemark(_ task: TaskDefinition) -> String {
        DeclarationOrigin(file: registry.fileName, owner: "task '\(task.name)' v\(task.version)", path: "files")
            .remark(task.files.first?.location)
    }
}
