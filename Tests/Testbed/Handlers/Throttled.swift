import TaskRuntime

/// Returns at once: the test reads when each job started from the store.
func throttled(_ input: Throttled.Input, _ job: JobContext) async throws -> Throttled.Output {
    Throttled.Output()
}
