import Foundation
import Synchronization

/// Fans values out to every current subscriber's `AsyncStream`; a store uses it to implement
/// ``JobStore/readyJobSignals()`` for workers in the same process.
public final class SignalBroadcaster<Value: Sendable>: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<Value>.Continuation]>([:])

    public init() {}

    /// A new stream of every value broadcast from now on. Slow consumers see only the newest few.
    public func subscribe() -> AsyncStream<Value> {
        let (stream, continuation) = AsyncStream.makeStream(of: Value.self, bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        subscribers.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Whether any stream is subscribed now.
    public var hasSubscribers: Bool {
        subscribers.withLock { !$0.isEmpty }
    }

    public func broadcast(_ value: Value) {
        for continuation in subscribers.withLock({ Array($0.values) }) {
            continuation.yield(value)
        }
    }
}
