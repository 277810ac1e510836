import TaskRuntime

extension Handlers {
    /// Sends the message back.
    static func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output {
        Echo.Output(message: input.message)
    }
}
