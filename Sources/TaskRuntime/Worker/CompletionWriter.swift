import Synchronization

/// Group commit of attempt results: while one batch is being written, results that arrive queue up
/// and go to the store together in the next ``JobStore/finish(_:)`` call, so a busy worker writes
/// many completions per round trip and an idle one writes each at once.
final class CompletionWriter: Sendable {
    private struct Waiting {
        var completion: Completion
        var continuation: CheckedContinuation<Bool, any Error>
    }

    private struct State {
        var queued: [Waiting] = []
        var writing = false
    }

    private let store: any JobStore
    private let maxBatch: Int
    /// How long a batch may take before its writers are told it failed (their leases then expire
    /// and the jobs are rescued), so a write lost with its connection does not stall the worker.
    private let deadline: Duration
    private let state = Mutex(State())

    /// The most completions one ``JobStore/finish(_:)`` call writes.
    static let defaultMaxBatch = 500

    init(store: any JobStore, maxBatch: Int = CompletionWriter.defaultMaxBatch, deadline: Duration) {
        self.store = store
        self.maxBatch = maxBatch
        self.deadline = deadline
    }

    /// Writes `completion` with the next batch; returns whether its lease was still held.
    func write(_ completion: Completion) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            let startWriting = state.withLock { state -> Bool in
                state.queued.append(Waiting(completion: completion, continuation: continuation))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if startWriting {
                Task { await self.writeQueued() }
            }
        }
    }

    private func writeQueued() async {
        while let batch = nextBatch() {
            do {
                let completions = batch.map(\.completion)
                let written = try await withDeadline(deadline, "recording attempt results") { [store] in
                    try await store.finish(completions)
                }
                for (waiting, wasWritten) in zip(batch, written) {
                    waiting.continuation.resume(returning: wasWritten)
                }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    /// Takes up to `maxBatch` queued completions, or ends the writing turn when none is left.
    private func nextBatch() -> [Waiting]? {
        state.withLock { state in
            guard !state.queued.isEmpty else {
                state.writing = false
                return nil
            }
            let batch = Array(state.queued.prefix(maxBatch))
            state.queued.removeFirst(batch.count)
            return batch
        }
    }
}
