/// Group commit of attempt results (``GroupCommit``): while one batch is being written, results
/// that arrive queue up and go to the store together in the next ``JobStore/finish(_:)`` call, so a
/// busy worker writes many completions per round trip and an idle one writes each at once.
struct CompletionWriter: Sendable {
    private let group: GroupCommit<Completion, Bool>

    /// The most completions one ``JobStore/finish(_:)`` call writes.
    static let defaultMaxBatch = 500

    /// `deadline`: how long a batch may take before its writers are told it failed (their leases
    /// then expire and the jobs are rescued), so a write lost with its connection does not stall
    /// the worker.
    init(store: any JobStore, maxBatch: Int = CompletionWriter.defaultMaxBatch, deadline: Duration) {
        group = GroupCommit(maxBatch: maxBatch) { completions in
            try await withDeadline(deadline, "recording attempt results") { try await store.finish(completions) }
        }
    }

    /// Writes `completion` with the next batch; returns whether its lease was still held.
    func write(_ completion: Completion) async throws -> Bool {
        try await group.submit(completion)
    }
}
