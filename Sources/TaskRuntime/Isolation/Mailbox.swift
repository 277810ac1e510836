import Synchronization

/// An unbounded queue with one consumer: producers on any thread ``post(_:)``, the consumer
/// awaits ``next()``. Nothing posted is lost while nobody waits.
final class Mailbox<Message: Sendable>: Sendable {
    private struct State {
        var queued: [Message] = []
        var waiter: CheckedContinuation<Message, Never>?
    }

    private let state = Mutex(State())

    func post(_ message: Message) {
        let waiter = state.withLock { state -> CheckedContinuation<Message, Never>? in
            guard let waiter = state.waiter else {
                state.queued.append(message)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: message)
    }

    /// The oldest message, waiting for one if none is queued. One consumer at a time.
    func next() async -> Message {
        await withCheckedContinuation { continuation in
            let message = state.withLock { state -> Message? in
                guard !state.queued.isEmpty else {
                    state.waiter = continuation
                    return nil
                }
                return state.queued.removeFirst()
            }
            if let message { continuation.resume(returning: message) }
        }
    }
}
