import TaskRuntime

extension Handlers {
    static func echo(_ input: Echo.Input, _ job: JobContext) async throws -> Echo.Output {
        Echo.Output(message: input.message)
    }
}
