import TaskSchema

extension CommandLineRenderer {
    /// One `--<file> <path>` option per declared file of the task.
    func renderFileFlags(of task: TaskDefinition, into writer: inout CodeWriter) {
        for file in task.files {
            let help = [
                file.description, file.required ? "A file, uploaded with tus; required." : "A file, uploaded with tus.",
            ]
            .compactMap { $0 }.joined(separator: " ")
            writer.line()
            writer.list(
                "@Option(",
                [
                    "name: .customLong(\(SwiftSyntax.stringLiteral(Naming.kebabCase(file.name))))",
                    "help: ArgumentHelp("
                        + writer.listItemLiteral(help, after: "help: ArgumentHelp(", before: ", valueName: \"path\")")
                        + ", valueName: \"path\")",
                ], ")")
            writer.line("public var \(Self.fileVariable(file)): String?")
        }
    }

    /// `filePaths`: the files given, by declared name.
    func renderFilePaths(of task: TaskDefinition, into writer: inout CodeWriter) {
        guard !task.files.isEmpty else { return }
        writer.line()
        writer.line("/// The paths of the files given as flags, by declared file name.")
        writer.block("public var filePaths: [String: String] {") { writer in
            writer.line("var paths: [String: String] = [:]")
            for file in task.files {
                writer.line(
                    "if let path = \(Self.fileVariable(file)) { paths[\(SwiftSyntax.stringLiteral(file.name))] = path }"
                )
            }
            writer.line("return paths")
        }
    }

    /// The option's Swift name: the file's, suffixed so that it never meets an input field's.
    private static func fileVariable(_ file: FileInput) -> String {
        SwiftSyntax.identifier(file.propertyName + "File")
    }
}
