import TaskSchema

/// Renders, per task, the typed flags of `taskforge submit <task>`.
///
/// Scalars, string enums and arrays of them become flags; other fields (objects, nested arrays)
/// are given with `--input-json`. Every flag is optional to the parser: required fields may come
/// from `--input-json` too, and the merged input is checked against the schema before sending.
struct CommandLineRenderer {
    static let fileName = "Generated+CommandLine.swift"

    /// Flags that `taskforge submit` defines for every task; an input property may not take them.
    static let reservedFlags: Set<String> = [
        "wait", "json", "server", "input-json", "help", "token", "task-version", "priority", "delay", "run-at",
    ]

    let registry: Registry

    /// A flag for one input property.
    struct Flag {
        var property: String
        var swiftName: String
        /// The element type for arrays, else the value type.
        var valueType: String
        var isArray: Bool
        /// Converts a value of `valueType` named `$0` to `JSONValue`.
        var toJSON: String
        var help: String
    }

    func render() -> GeneratedFile {
        var writer = CodeWriter()
        var enumTypes: [String] = []
        for task in registry.tasks {
            let flags = task.input.properties.compactMap { flag(for: $0, required: task.input.required) }
            enumTypes += flags.filter { $0.toJSON.contains("rawValue") }.map {
                $0.valueType.hasPrefix("Input.") ? "\(task.typeName).\($0.valueType)" : $0.valueType
            }
            render(task, flags: flags, into: &writer)
            writer.line()
        }
        for type in enumTypes.sorted() {
            writer.line("extension \(type): ExpressibleByArgument {}")
        }
        if !enumTypes.isEmpty { writer.line() }
        writer.block("extension GeneratedTasks {") { writer in
            writer.line("/// The flags of `taskforge submit <task>`, one type per task.")
            writer.block("public static let submitArguments: [any SubmitArguments.Type] = [", closing: "]") { writer in
                for task in registry.tasks {
                    writer.line("\(task.typeName).Arguments.self,")
                }
            }
        }
        let header = GeneratedFile.swiftHeader(
            registryFile: registry.fileName, imports: ["ArgumentParser", "TaskCLI", "TaskRuntime"])
        return GeneratedFile(name: Self.fileName, contents: header + writer.text)
    }

    private func render(_ task: TaskDefinition, flags: [Flag], into writer: inout CodeWriter) {
        writer.block("extension \(task.typeName) {") { writer in
            writer.line("/// The flags of `taskforge submit \(task.name)`.")
            writer.block("public struct Arguments: SubmitArguments {") { writer in
                writer.line("public static let definition = \(task.typeName).definition")
                writer.line()
                writer.line("/// The generated validator of the task's input, as the server checks a submission.")
                writer.block("public static func validateInput(_ json: JSONValue) -> [Violation] {") { writer in
                    writer.line("\(task.typeName).validateInput(json)")
                }
                for flag in flags {
                    writer.line()
                    writer.list(
                        "@Option(",
                        [
                            "name: .customLong(\(SwiftSyntax.stringLiteral(Naming.kebabCase(flag.property))))",
                            "help: " + writer.listItemLiteral(flag.help, after: "help: "),
                        ], ")")
                    writer.line(
                        flag.isArray
                            ? "public var \(flag.swiftName): [\(flag.valueType)] = []"
                            : "public var \(flag.swiftName): \(flag.valueType)?")
                }
                renderFileFlags(of: task, into: &writer)
                writer.line()
                writer.line("public init() {}")
                writer.line()
                writer.line("/// The input fields given as flags, by JSON name.")
                writer.block("public var fields: [String: JSONValue] {") { writer in
                    writer.line("\(flags.isEmpty ? "let" : "var") fields: [String: JSONValue] = [:]")
                    for flag in flags {
                        let key = SwiftSyntax.stringLiteral(flag.property)
                        if flag.isArray {
                            writer.block("if !\(flag.swiftName).isEmpty {") { writer in
                                writer.line("fields[\(key)] = .array(\(flag.swiftName).map { \(flag.toJSON) })")
                            }
                        } else {
                            writer.block("if let value = \(flag.swiftName) {") { writer in
                                writer.line("fields[\(key)] = \(flag.toJSON.replacingDollarZero(with: "value"))")
                            }
                        }
                    }
                    writer.line("return fields")
                }
                renderFilePaths(of: task, into: &writer)
            }
        }
    }

    private func flag(for property: Schema.Property, required: [String]) -> Flag? {
        let schema = registry.resolvingRefs(in: property.schema)
        let isArray = schema.nonNullTypes == [.array]
        let enumName: String
        let valueSchema: Schema?
        if isArray {
            let name = SwiftTypeBuilder.singular(Naming.upperCamelCase(property.name))
            enumName = registry.resolvingOuterRef(property.schema).items?.ref ?? "Input." + name
            valueSchema = schema.items
        } else {
            enumName = property.schema.ref ?? "Input." + Naming.upperCamelCase(property.name)
            valueSchema = schema
        }
        guard let valueSchema, let (valueType, toJSON) = scalar(valueSchema, enumName: enumName) else { return nil }
        let summary = ConstraintSummary.describe(schema, required: required.contains(property.name))
        let help = [schema.description, "(\(summary))"].compactMap { $0 }.joined(separator: " ")
        return Flag(
            property: property.name,
            swiftName: SwiftSyntax.identifier(Naming.lowerCamelCase(property.name)),
            valueType: valueType, isArray: isArray, toJSON: toJSON, help: help)
    }

    /// The Swift type of a flag value and how to turn `$0` into JSON, for scalar schemas.
    private func scalar(_ schema: Schema, enumName: String) -> (String, String)? {
        let types = schema.nonNullTypes
        guard types.count == 1 else { return nil }
        switch types[0] {
        case .string where schema.enumValues?.allSatisfy({ $0.stringValue != nil }) == true:
            return (enumName, ".string($0.rawValue)")
        case .string: return ("String", ".string($0)")
        case .integer: return ("Int", ".integer($0)")
        case .number: return ("Double", "JSONValue(number: $0)")
        case .boolean: return ("Bool", ".bool($0)")
        case .object, .array, .null: return nil
        }
    }
}

extension Registry {
    /// `schema`, or the shared type it references, without resolving deeper references.
    fileprivate func resolvingOuterRef(_ schema: Schema) -> Schema {
        schema.ref.flatMap { type(named: $0)?.schema } ?? schema
    }
}

extension String {
    fileprivate func replacingDollarZero(with name: String) -> String {
        split(separator: "$0", omittingEmptySubsequences: false).joined(separator: name)
    }
}
