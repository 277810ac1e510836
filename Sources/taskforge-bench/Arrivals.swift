import Foundation
import Synchronization

/// When each awaited job's handler started: the handler calls ``arrived(_:)``, the benchmark awaits
/// ``wait(for:timeout:)``. Either may come first.
final class Arrivals: Sendable {
    typealias Instant = ContinuousClock.Instant

    private struct State {
        var times: [UUID: Instant] = [:]
        var waiters: [UUID: CheckedContinuation<Instant?, Never>] = [:]
        /// Waits whose timeout passed before their continuation was installed.
        var expired: Set<UUID> = []
    }

    private let state = Mutex(State())

    func arrived(_ id: UUID, at instant: Instant = ContinuousClock.now) {
        let waiter = state.withLock { state -> CheckedContinuation<Instant?, Never>? in
            if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
            state.times[id] = instant
            return nil
        }
        waiter?.resume(returning: instant)
    }

    /// The instant job `id`'s handler started, or nil if it did not start within `timeout`.
    func wait(for id: UUID, timeout: Duration) async -> Instant? {
        let timer = Task {
            do { try await Task.sleep(for: timeout) } catch { return }
            let waiter = self.state.withLock { state -> CheckedContinuation<Instant?, Never>? in
                guard let waiter = state.waiters.removeValue(forKey: id) else {
                    state.expired.insert(id)
                    return nil
                }
                return waiter
            }
            waiter?.resume(returning: nil)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let arrived = state.withLock { state -> Instant?? in
                if let time = state.times.removeValue(forKey: id) { return .some(time) }
                if state.expired.remove(id) != nil { return .some(nil) }
                state.waiters[id] = continuation
                return .none
            }
            if let arrived { continuation.resume(returning: arrived) }
        }
    }
}
