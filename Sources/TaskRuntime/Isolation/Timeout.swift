/// An attempt ran past its task's `timeout` and was stopped.
public struct AttemptTimedOut: Error {
    public init() {}
}

/// Runs `body`, cancelling it and throwing ``AttemptTimedOut`` when it takes longer than `timeout`.
/// Returns once `body` has ended (cancellation is cooperative).
func withTimeout<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw AttemptTimedOut()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else {
            preconditionFailure("a group with two tasks yielded nothing")
        }
        return first
    }
}
