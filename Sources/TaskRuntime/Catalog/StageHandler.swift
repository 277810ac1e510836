/// The handler of one stage of a multi-stage task, bound to its typed input, the typed output of the
/// stage before it (for every stage but the first) and its own typed output.
public struct StageHandler: Sendable {
    /// Runs the stage on the job's (current-version) input and the previous stage's stored output.
    let run: @Sendable (_ input: JSONValue, _ previous: JSONValue?, JobContext) async throws -> JSONValue

    /// The first stage: it gets the job's input.
    public init<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ handler: @escaping @Sendable (Input, JobContext) async throws -> Output
    ) {
        run = { json, _, context in
            try JSONValue(encoding: try await handler(try TaskEntry.decodeInput(json), context))
        }
    }

    /// A later stage: it gets the job's input and the output of the stage before it. A stored output
    /// that no longer decodes fails the job permanently.
    public init<Input: Decodable & Sendable, Previous: Decodable & Sendable, Output: Encodable & Sendable>(
        _ handler: @escaping @Sendable (Input, Previous, JobContext) async throws -> Output
    ) {
        run = { json, previousJSON, context in
            let input: Input = try TaskEntry.decodeInput(json)
            let previous: Previous
            do {
                previous = try (previousJSON ?? .null).decode(as: Previous.self)
            } catch {
                throw TaskError.permanent(
                    .invalidInput,
                    "the stored output of the previous stage does not decode as \(Previous.self): \(error)")
            }
            return try JSONValue(encoding: try await handler(input, previous, context))
        }
    }
}
