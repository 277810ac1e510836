import TaskRuntime

extension Handlers {
    /// A test handler: reports what it was given, so tests can see the typed input.
    static func aodEstimation(_ input: AodEstimation.Input, _ job: JobContext) async throws -> AodEstimation.Output {
        AodEstimation.Output(
            results: [SearchResult(title: input.date, url: "https://example.com/\(input.chipSize)")],
            stats: .init(mean: Double(input.bboxes.count), entries: input.sources.map { .init(name: $0.rawValue) }))
    }
}
