import TaskSchema

/// A function `tasks.yaml` asks the application to write: a task's handler, a stage's handler, or
/// the upgrade of an older version's input a task still accepts. Each is a requirement of the
/// generated `TaskContract`, written as a static function in an extension of `Handlers`.
struct ContractFunction {
    enum Kind: String {
        case handler, upgrade
    }

    var kind: Kind
    var name: String
    /// The parameters as declared: `_ input: Echo.Input`.
    var parameters: [String]
    var isAsync: Bool
    var result: String
    /// What needs it: "task 'echo' v1", "stage 'score' of task 'predict' v2".
    var owner: String
    /// The file a newcomer writes it in, relative to the target's directory: `Handlers/Echo.swift`.
    var file: String
    var line: Int

    /// The declaration, on one line: `static func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output`.
    var declaration: String {
        "static func \(name)(\(parameters.joined(separator: ", ")))\(effects) -> \(result)"
    }

    /// `async throws` or ` throws`, with the leading space.
    var effects: String { isAsync ? " async throws" : " throws" }
}

extension TaskDefinition {
    /// The functions the application writes for this task: its handler, or one per stage for a
    /// staged task (the first stage gets the input; each later stage also gets the output of the
    /// stage before it), then an upgrade per older version it accepts.
    var contractFunctions: [ContractFunction] {
        let type = typeName
        let job = "_ job: \(jobContextType)"
        let handlerFile = "Handlers/\(type).swift"
        var functions: [ContractFunction]
        if stages.isEmpty {
            functions = [
                ContractFunction(
                    kind: .handler, name: handlerName, parameters: ["_ input: \(type).Input", job], isAsync: true,
                    result: "\(type).Output", owner: "task '\(name)' v\(version)", file: handlerFile,
                    line: location.line)
            ]
        } else {
            functions = stages.enumerated().map { index, stage in
                let previous = index == 0 ? [] : ["_ previous: \(type).\(stages[index - 1].outputTypeName)"]
                return ContractFunction(
                    kind: .handler, name: stage.handlerName(in: self),
                    parameters: ["_ input: \(type).Input"] + previous + [job], isAsync: true,
                    result: stage.output == nil ? "\(type).Output" : "\(type).\(stage.outputTypeName)",
                    owner: "stage '\(stage.name)' of task '\(name)' v\(version)", file: handlerFile,
                    line: stage.location.line)
            }
        }
        functions += acceptedVersions.map { old in
            ContractFunction(
                kind: .upgrade, name: "upgrade", parameters: ["_ old: \(type).V\(old).Input"], isAsync: false,
                result: "\(type).Input", owner: "version \(old) of task '\(name)'",
                file: "Upgrades/\(type)+Upgrade.swift", line: location.line)
        }
        return functions
    }
}

extension TaskDefinition {
    /// The type of a handler's `job` argument: `JobContext`, or `<Task>.Job` with the typed `files`.
    var jobContextType: String { files.isEmpty ? "JobContext" : "\(typeName).Job" }

    /// What the dispatch table passes as a handler's `job`, given the untyped context `job`.
    var jobArgument: String { files.isEmpty ? "job" : "job.withFiles(try \(typeName).Files(job.inputFiles))" }
}
