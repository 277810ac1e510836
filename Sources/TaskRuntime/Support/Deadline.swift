import Synchronization

/// A store call that did not answer within its deadline.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let operation: String
    public let limit: Duration
    public var description: String { "\(operation) did not answer within \(limit.seconds) s" }
}

/// Runs `operation`, but stops waiting for it after `limit` (and cancels it): a query that was in
/// flight when PostgreSQL dropped its connection (seen after a server restart) can stay unanswered
/// for good, and a worker loop waiting on it would stop claiming, heartbeating or recording.
public func withDeadline<T: Sendable>(
    _ limit: Duration, _ operationName: String, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withCheckedThrowingContinuation { continuation in
        race.waiter.withLock { $0 = continuation }
        let timer = Task {
            // Cancelled as soon as the operation answers, so no timer outlives its call.
            guard (try? await Task.sleep(for: limit)) != nil, let continuation = race.waiter.withLock({ $0.take() })
            else {
                return
            }
            race.work.withLock { $0 }?.cancel()
            continuation.resume(throwing: DeadlineExceeded(operation: operationName, limit: limit))
        }
        let work = Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            timer.cancel()
            race.waiter.withLock { $0.take() }?.resume(with: result)
        }
        race.work.withLock { $0 = work }
    }
}

/// Who answers the caller of ``withDeadline(_:_:_:)`` first: the operation or the timer.
private final class DeadlineRace<T: Sendable>: Sendable {
    let waiter = Mutex<CheckedContinuation<T, any Error>?>(nil)
    let work = Mutex<Task<Void, Never>?>(nil)
}
