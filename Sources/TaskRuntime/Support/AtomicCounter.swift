import Synchronization

/// An integer shared between tasks (a queue's busy slots).
final class AtomicCounter: Sendable {
    private let storage = Atomic<Int>(0)

    var value: Int { storage.load(ordering: .sequentiallyConsistent) }

    func increment() { storage.add(1, ordering: .sequentiallyConsistent) }

    /// Returns the value after the decrement.
    @discardableResult
    func decrement() -> Int { storage.subtract(1, ordering: .sequentiallyConsistent).newValue }
}
