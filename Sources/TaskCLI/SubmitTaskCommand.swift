import ArgumentParser
import Foundation
import TaskRuntime

/// `taskforge submit <task>`: one instance per task, its flags from the generated ``SubmitArguments``.
///
/// The input is `--input-json` with the flags laid over it, checked against the task's schema
/// before anything is sent.
public struct SubmitTaskCommand<Arguments: SubmitArguments>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        let definition = Arguments.definition
        return CommandConfiguration(
            commandName: definition.name,
            abstract: definition.summary,
            discussion: (definition.description.map { $0 + "\n\n" } ?? "")
                + "Task version \(definition.version), queue '\(definition.queue)', timeout \(definition.timeout.compactDescription).")
    }

    @OptionGroup public var arguments: Arguments
    @OptionGroup public var options: SubmitOptions

    public init() {}

    public func validate() throws {
        // An older pinned version has its own schema, which the server checks.
        if let version = options.taskVersion, version != Arguments.definition.version { return }
        let violations = Arguments.definition.input.validate(try input())
        guard violations.isEmpty else {
            throw ValidationError(
                "the input is not valid for '\(Arguments.definition.name)':\n"
                    + violations.map { "  \(Self.flag(for: $0.pointer)): \($0.message)" }.joined(separator: "\n"))
        }
    }

    public func run() async throws {
        let client = options.connection.client
        let job = try await client.submit(
            task: Arguments.definition.name, query: options.queryParameters, input: try input(),
            idempotencyKey: options.idempotencyKey)
        guard options.wait else {
            print(options.json ? job.prettyString : "\(job.submission) (\(job.summary))")
            return
        }
        let finished = try await JobWaiter(client: client).wait(for: job)
        try JobWaiter.finish(finished, asJSON: options.json)
    }

    private func input() throws -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if let text = options.inputJSON {
            guard let parsed = try? JSONValue(json: Data(text.utf8)), let object = parsed.objectValue else {
                throw ValidationError("--input-json must be a JSON object")
            }
            fields = object
        }
        fields.merge(arguments.fields) { _, flag in flag }
        return .object(fields)
    }

    /// `/recency_days` -> `--recency-days`; deeper pointers stay pointers.
    private static func flag(for pointer: String) -> String {
        let parts = pointer.split(separator: "/")
        return parts.count == 1 ? "--" + Naming.kebabCase(String(parts[0])) : pointer
    }
}

extension SubmitArguments {
    /// The `taskforge submit` subcommand for these flags.
    public static var submitCommand: any ParsableCommand.Type { SubmitTaskCommand<Self>.self }
}
