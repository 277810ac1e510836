import Foundation
import TaskSchema

/// Renders the task namespaces (`Echo`, `AodEstimation`, ...) with their definition, typed `Input`
/// and `Output`, and the shared `types:`.
struct TaskTypesRenderer {
    static let fileName = "Generated+TaskTypes.swift"

    let registry: Registry
    let lock: SchemaLock

    func render() -> GeneratedFile {
        let builder = SwiftTypeBuilder(sharedTypeNames: sharedTypes)
        var writer = CodeWriter()
        if !registry.types.isEmpty {
            writer.line("// MARK: - Shared types")
            for type in registry.types {
                let origin = DeclarationOrigin(file: registry.fileName, owner: "type '\(type.name)'", path: "")
                for declaration in builder.declarations(named: type.name, for: type.schema, origin: origin) {
                    writer.line()
                    DeclarationRenderer.render(declaration, into: &writer)
                }
            }
            writer.line()
            renderSharedSchemas(into: &writer)
        }
        for (index, task) in registry.tasks.enumerated() {
            if index > 0 || !registry.types.isEmpty { writer.line() }
            writer.line("// MARK: - \(task.name)")
            writer.line()
            render(task, builder: builder, into: &writer)
        }
        let header = GeneratedFile.swiftHeader(
            registryFile: registry.fileName,
            imports: registry.tasks.contains { !$0.files.isEmpty } ? ["Foundation", "TaskRuntime"] : ["TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + writer.text)
    }

    private func render(_ task: TaskDefinition, builder: SwiftTypeBuilder, into writer: inout CodeWriter) {
        let remark = DeclarationOrigin(file: registry.fileName, owner: "task '\(task.name)' v\(task.version)", path: "")
            .remark(task.location)
        writer.docComment(
            [task.summary, task.description, remark].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
                .joined(separator: "\n\n"))
        writer.block("public enum \(task.typeName) {") { writer in
            writer.line("/// The `\(task.name)` task as declared in `\(registry.fileName)`.")
            writer.line("/// \(remark)")
            writer.block("public static let definition = TaskDefinition(", closing: ")") { writer in
                writer.line("name: \(SwiftSyntax.stringLiteral(task.name)),")
                writer.line("version: \(task.version),")
                writer.stringArgument("summary", task.summary)
                if let description = task.description {
                    writer.stringArgument("description", description)
                }
                writer.line("queue: \(SwiftSyntax.stringLiteral(task.queue)),")
                if task.priority != 0 {
                    writer.line("priority: \(task.priority),")
                }
                writer.line("timeout: \(SwiftSyntax.duration(task.timeout)),")
                let retry = task.retry
                writer.line(
                    "retry: RetryPolicy(maxAttempts: \(retry.maxAttempts), backoff: .\(retry.backoff.rawValue), "
                        + "initial: \(SwiftSyntax.duration(retry.initial)), max: \(SwiftSyntax.duration(retry.max))),")
                let indent = "        "
                writer.line(
                    "input: \(SchemaLiteralRenderer.expression(task.input, indent: indent, shared: sharedTypes)),")
                writer.line(
                    "output: \(SchemaLiteralRenderer.expression(task.output, indent: indent, shared: sharedTypes)),")
                if !task.acceptedVersions.isEmpty {
                    writer.line(
                        "acceptedVersions: [\(task.acceptedVersions.map(String.init).joined(separator: ", "))],")
                }
                if let dedup = task.dedup {
                    let fields = SwiftSyntax.arrayLiteral(
                        dedup.keyFields.map(SwiftSyntax.stringLiteral), indent: writer.indentation + "    ",
                        used: writer.indentation.count + 15)
                    writer.list(
                        "dedup: DedupPolicy(",
                        ["keyFields: \(fields)", "reuseResultFor: \(SwiftSyntax.duration(dedup.reuseResultFor))"], "),")
                }
                if let rateLimit = task.rateLimit {
                    writer.line(
                        "rateLimit: RateLimitPolicy(key: \(SwiftSyntax.stringLiteral(rateLimit.key)), "
                            + "perSecond: \(rateLimit.perSecond), burst: \(rateLimit.burst)),")
                }
                if !task.searchFields.isEmpty {
                    writer.line(
                        "searchFields: [\(task.searchFields.map(SwiftSyntax.stringLiteral).joined(separator: ", "))],")
                }
                if !task.schedules.isEmpty {
                    writer.block("schedules: [", closing: "],") { writer in
                        for schedule in task.schedules {
                            writer.list("Schedule(", scheduleArguments(schedule), "),")
                        }
                    }
                }
                if let alias = task.alias {
                    writer.line(
                        "alias: RouteAlias(path: \(SwiftSyntax.stringLiteral(alias.path)), "
                            + "method: \(SwiftSyntax.stringLiteral(alias.method))),")
                }
                renderStages(of: task, into: &writer)
                renderFileDeclarations(of: task, into: &writer)
                writer.line(sourceLocation(task.location))
            }
            let owner = "task '\(task.name)' v\(task.version)"
            let stageOutputs = task.stages.compactMap { stage in
                stage.output.map { (stage.outputTypeName, $0, "stage '\(stage.name)' output") }
            }
            for (name, schema, path) in [("Input", task.input, "input"), ("Output", task.output, "output")]
                + stageOutputs
            {
                let origin = DeclarationOrigin(file: registry.fileName, owner: owner, path: path)
                for declaration in builder.declarations(named: name, for: schema, origin: origin) {
                    writer.line()
                    DeclarationRenderer.render(declaration, into: &writer)
                }
            }
            renderFilesType(of: task, into: &writer)
            // On the task, not on `Input`: a free-form input is a type alias that several tasks share.
            writer.line()
            writer.line(
                "/// Every violation of `json` against the `\(task.name)` input schema; empty when it is valid.")
            writer.line(
                "/// The generated ``InputValidator`` reports exactly what `definition.input.validate(json)` would.")
            writer.block("public static func validateInput(_ json: JSONValue) -> [Violation] {") { writer in
                writer.line("InputValidator.validate(json)")
            }
            writer.line()
            ValidatorRenderer.render(
                registry.resolvingRefs(in: task.input), named: "InputValidator",
                summary:
                    "The checks of the `\(task.name)` input schema as straight-line code, for ``validateInput(_:)``.",
                origin: DeclarationOrigin(file: registry.fileName, owner: owner, path: "input"), access: "",
                into: &writer)
        }
        for version in task.acceptedVersions {
            renderOlderVersion(version, of: task, builder: builder, into: &writer)
        }
    }
}

extension TaskTypesRenderer {
    /// The names of the shared `types:`, whose schemas the definitions refer to by constant.
    var sharedTypes: Set<String> { Set(registry.types.map(\.name)) }

    /// `SharedSchemas`: one constant per shared type, which the task definitions refer to rather
    /// than repeat.
    private func renderSharedSchemas(into writer: inout CodeWriter) {
        writer.line("/// The schemas of the shared `types:`, which the task definitions refer to rather than repeat.")
        writer.line("/// " + DeclarationOrigin(file: registry.fileName, owner: "types", path: "").remark(nil))
        writer.block("public enum \(SchemaLiteralRenderer.sharedNamespace) {") { writer in
            for (index, type) in registry.types.enumerated() {
                if index > 0 { writer.line() }
                let origin = DeclarationOrigin(file: registry.fileName, owner: "type '\(type.name)'", path: "")
                writer.line("/// " + origin.remark(type.schema.location))
                let expression = SchemaLiteralRenderer.expression(
                    type.schema, indent: writer.indentation, used: writer.indentation.count + type.name.count + 20,
                    shared: sharedTypes)
                writer.line("public static let \(type.name) = \(expression)")
            }
        }
    }

    /// The arguments of `Schedule(cron: CronExpression(validated: "0 * * * *"), ...)`; taskgen
    /// checked the expression.
    private func scheduleArguments(_ schedule: Schedule) -> [String] {
        [
            "cron: CronExpression(validated: \(SwiftSyntax.stringLiteral(schedule.cron.source)))",
            "timeZone: \(SwiftSyntax.stringLiteral(schedule.timeZone))",
            "input: \(SwiftSyntax.jsonLiteral(schedule.input))",
            "catchUp: .\(schedule.catchUp.rawValue)", sourceLocation(schedule.location),
        ]
    }

    /// `location: SourceLocation(file: "tasks.yaml", line: 3, column: 3)`.
    func sourceLocation(_ location: SourceLocation) -> String {
        "location: SourceLocation(file: \(SwiftSyntax.stringLiteral(registry.fileName)), "
            + "line: \(location.line), column: \(location.column))"
    }

    /// `Search.V1`: the input of a released version the task still accepts, rebuilt from the lock.
    private func renderOlderVersion(
        _ version: Int, of task: TaskDefinition, builder: SwiftTypeBuilder, into writer: inout CodeWriter
    ) {
        // A version missing from the lock is reported by LockCheck; there is nothing to render.
        guard let entry = lock.entry(task: task.name, version: version), let schema = try? entry.input.schema() else {
            return
        }
        writer.line()
        writer.docComment(
            "Version \(version) of `\(task.name)`, still accepted: its payloads are upgraded with "
                + "`upgrade(_:)` before the handler runs.")
        writer.block("extension \(task.typeName) {") { writer in
            writer.block("public enum V\(version) {") { writer in
                writer.line("public static let version = \(version)")
                writer.line(
                    "public static let inputSchema = \(SchemaLiteralRenderer.expression(schema, indent: "        "))")
                let origin = DeclarationOrigin(
                    file: "tasks.lock.json", owner: "task '\(task.name)' v\(version)", path: "input")
                for declaration in builder.declarations(named: "Input", for: schema, origin: origin) {
                    writer.line()
                    DeclarationRenderer.render(declaration, into: &writer)
                }
            }
        }
    }
}

extension Registry {
    /// The registry's file name without its directory, as generated code mentions it.
    var fileName: String { URL(fileURLWithPath: file).lastPathComponent }
}
