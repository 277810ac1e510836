import TaskRuntime

extension Handlers {
    /// Does nothing: the reliability tests count its scheduled jobs, they never run them.
    static func ticker(_ input: Ticker.Input, _ job: JobContext) async throws -> Ticker.Output {
        Ticker.Output()
    }
}
