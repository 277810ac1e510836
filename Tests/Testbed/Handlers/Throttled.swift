import TaskRuntime

extension Handlers {
    /// Returns at once: the test reads when each job started from the store.
    static func throttled(_ input: Throttled.Input, _ job: JobContext) async throws -> Throttled.Output {
        Throttled.Output()
    }
}
