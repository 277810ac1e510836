/// A task bound to its handler: what the generated dispatch table is made of.
public struct TaskEntry: Sendable {
    public let definition: TaskDefinition
    private let handler: @Sendable (JSONValue, JobContext) async throws -> JSONValue

    /// Binds a typed handler. The stored input is decoded into `Input` before the call and the
    /// `Output` encoded after it; an input that no longer decodes fails the job permanently.
    public init<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ definition: TaskDefinition,
        handler: @escaping @Sendable (Input, JobContext) async throws -> Output
    ) {
        self.definition = definition
        self.handler = { json, context in
            let input: Input
            do {
                input = try json.decode(as: Input.self)
            } catch {
                throw TaskError.permanent(.invalidInput, "the stored input does not decode as \(Input.self): \(error)")
            }
            return try JSONValue(encoding: try await handler(input, context))
        }
    }

    /// Runs the handler on a stored input.
    public func run(_ input: JSONValue, _ context: JobContext) async throws -> JSONValue {
        try await handler(input, context)
    }
}

/// The tasks a process can accept and run, by name.
public struct TaskCatalog: Sendable {
    public let entries: [TaskEntry]
    private let byName: [String: TaskEntry]

    public init(_ entries: [TaskEntry]) {
        self.entries = entries.sorted { $0.definition.name < $1.definition.name }
        self.byName = Dictionary(entries.map { ($0.definition.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(named name: String) -> TaskEntry? {
        byName[name]
    }

    /// The queues that at least one task uses, sorted.
    public var queues: [String] {
        Array(Set(entries.map(\.definition.queue))).sorted()
    }
}
