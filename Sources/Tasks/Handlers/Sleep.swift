import TaskRuntime

extension Handlers {
    /// Sleeps for `input.seconds`, reporting progress about ten times a second. Cancellation (or the
    /// task's timeout) interrupts the sleep at once.
    static func sleep(_ input: Sleep.Input, _ job: JobContext) async throws -> Sleep.Output {
        let clock = ContinuousClock()
        let start = clock.now
        let total = Duration.seconds(input.seconds)
        while case let elapsed = clock.now - start, elapsed < total {
            await job.progress(100 * elapsed.seconds / input.seconds)
            try await Task.sleep(for: min(.milliseconds(100), total - elapsed))
        }
        await job.progress(100)
        return Sleep.Output(sleptSeconds: (clock.now - start).seconds)
    }
}
