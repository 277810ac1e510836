import TaskRuntime

/// Does nothing: the reliability tests count its scheduled jobs, they never run them.
func ticker(_ input: Ticker.Input, _ job: JobContext) async throws -> Ticker.Output {
    Ticker.Output()
}
