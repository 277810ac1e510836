import TaskSchema

/// Renders the contract between `tasks.yaml` and the application: the protocol `TaskContract`, with
/// a requirement for every handler and upgrade function the registry asks for, and the enum
/// `Handlers` that conforms to it, whose extensions hold the application's functions.
///
/// Each requirement also has an unavailable default whose message names the function to write and
/// the file to write it in, so that a missing (or misspelled) function fails the build with that
/// message rather than with an unresolved name inside the dispatch table.
struct TaskContractRenderer {
    static let fileName = "Generated+TaskContract.swift"

    let registry: Registry
    /// The target's directory relative to the package (`Sources/Tasks`), for the file named in
    /// the messages; `nil` names the file relative to the target.
    let targetDirectory: String?

    func render() -> GeneratedFile {
        let functions = registry.tasks.map { ($0, $0.contractFunctions) }
        var writer = CodeWriter()
        writer.docComment(
            """
            The functions `\(registry.fileName)` asks this target to write: a handler for each task (one per stage
            of a staged task) and an upgrade for each older version a task still accepts. The compiler checks
            that `Handlers` has every one of them.
            """)
        writer.block("protocol TaskContract {") { writer in
            for (index, (task, functions)) in functions.enumerated() {
                if index > 0 { writer.line() }
                writer.line("// MARK: \(task.name)")
                for function in functions {
                    writer.line()
                    writer.docComment(summary(of: function, in: task))
                    writer.docComment(
                        "- Remark: Generated from \(registry.fileName):\(function.line) (\(function.owner)).")
                    declare(function, body: nil, into: &writer)
                }
            }
        }
        writer.line()
        writer.docComment(
            """
            The application's handler and upgrade functions, each a `static func` in an extension of this enum
            in a file of its own: `extension Handlers { static func echo(...) }` in `Handlers/Echo.swift`.
            """)
        writer.line("enum Handlers: TaskContract {}")
        writer.line()
        writer.docComment("What the compiler says when a function of the contract is missing or has another signature.")
        writer.block("extension TaskContract {") { writer in
            for (index, function) in functions.flatMap(\.1).enumerated() {
                if index > 0 { writer.line() }
                let opening = "@available(*, unavailable, message: "
                writer.line(
                    opening
                        + SwiftSyntax.stringLiteral(
                            missingMessage(function), indent: writer.indentation,
                            used: writer.indentation.count + opening.count) + ")")
                declare(function, body: "fatalError(\"unavailable\")", into: &writer)
            }
        }
        let header = GeneratedFile.swiftHeader(registryFile: registry.fileName, imports: ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + writer.text)
    }

    /// The first line of a requirement's doc comment.
    private func summary(of function: ContractFunction, in task: TaskDefinition) -> String {
        switch function.kind {
        case .handler: "Runs a job of \(function.owner): \(task.summary)"
        case .upgrade: "Turns an input of \(function.owner) into the current version's input."
        }
    }

    private func missingMessage(_ function: ContractFunction) -> String {
        let file = [targetDirectory, function.file].compactMap { $0 }.joined(separator: "/")
        return "\(function.owner) (\(registry.fileName):\(function.line)) has no \(function.kind.rawValue): "
            + "in \(file), write 'extension Handlers { \(function.declaration) { ... } }'"
    }

    private func declare(_ function: ContractFunction, body: String?, into writer: inout CodeWriter) {
        let tail = ")\(function.effects) -> \(function.result)" + (body == nil ? "" : " {")
        writer.list("static func \(function.name)(", function.parameters, tail)
        if let body {
            writer.indented { $0.line(body) }
            writer.line("}")
        }
    }
}
