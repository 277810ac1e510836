import Synchronization

/// Group commit: callers hand in one item each and wait for its answer; while one batch is being
/// written, the items that arrive queue up and go to the database together in the next write. A
/// busy process therefore writes many items per round trip (and per commit, per WAL flush), and an
/// idle one writes each at once: there is no timer and no added wait.
final class GroupCommit<Item: Sendable, Answer: Sendable>: Sendable {
    private struct Waiting {
        var item: Item
        var continuation: CheckedContinuation<Answer, any Error>
    }

    private struct State {
        var queued: [Waiting] = []
        var writing = false
    }

    private let maxBatch: Int
    /// Writes a batch and answers each item, in order; a throw answers every item of the batch.
    private let write: @Sendable ([Item]) async throws -> [Answer]
    private let state = Mutex(State())

    init(maxBatch: Int, write: @escaping @Sendable ([Item]) async throws -> [Answer]) {
        self.maxBatch = maxBatch
        self.write = write
    }

    /// Writes `item` with the next batch and returns its answer.
    func submit(_ item: Item) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            let startWriting = state.withLock { state -> Bool in
                state.queued.append(Waiting(item: item, continuation: continuation))
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
                let answers = try await write(batch.map(\.item))
                precondition(answers.count == batch.count, "a group commit must answer every item")
                for (waiting, answer) in zip(batch, answers) {
                    waiting.continuation.resume(returning: answer)
                }
            } catch {
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    /// Takes up to `maxBatch` queued items, or ends the writing turn when none is left.
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
