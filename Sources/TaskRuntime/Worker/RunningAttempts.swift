import Synchronization

/// Why a worker stopped an attempt before its handler returned.
enum StopReason: Sendable, Hashable {
    /// A client asked to cancel the job.
    case cancelRequested
    /// The store no longer carries this attempt's lease; its result must not be written.
    case leaseLost
    /// The grace period of a shutdown ran out; the job is given back.
    case shutdown
}

/// The attempts a worker is running, by lease, with a way to stop each one.
final class RunningAttempts: Sendable {
    private struct Entry {
        var task: Task<Result<JSONValue, any Error>, Never>
        var stopReason: StopReason?
    }

    private let attempts = Mutex<[Lease: Entry]>([:])

    var leases: [Lease] {
        attempts.withLock { Array($0.keys) }
    }

    var isEmpty: Bool {
        attempts.withLock { $0.isEmpty }
    }

    func insert(_ lease: Lease, _ task: Task<Result<JSONValue, any Error>, Never>) {
        attempts.withLock { $0[lease] = Entry(task: task) }
    }

    /// Removes the attempt and returns why it was stopped, if it was.
    func remove(_ lease: Lease) -> StopReason? {
        attempts.withLock { $0.removeValue(forKey: lease)?.stopReason }
    }

    /// Cancels the attempt's task, remembering the first reason given.
    func stop(_ lease: Lease, reason: StopReason) {
        let task = attempts.withLock { attempts -> Task<Result<JSONValue, any Error>, Never>? in
            guard attempts[lease] != nil else { return nil }
            if attempts[lease]?.stopReason == nil { attempts[lease]?.stopReason = reason }
            return attempts[lease]?.task
        }
        task?.cancel()
    }

    func stopAll(reason: StopReason) {
        for lease in leases { stop(lease, reason: reason) }
    }
}
