import Synchronization

/// The jobs one queue's claim loop has claimed but not started yet, in the order claimed.
///
/// A worker claims ahead of its free slots (``WorkerConfiguration/prefetchHorizon``) so that a slot
/// that frees starts its next job at once instead of after a round trip to the store. A claimed job
/// is `running` in the store and holds a lease from the claim on: the heartbeat renews these leases
/// with those of the running attempts, a cancel request or a lost lease takes the job out (the claim
/// loop then ends it: ``Attempt/end(unstartedBecause:)``), and a shutdown gives the rest back.
final class ClaimedJobs: Sendable {
    private struct State {
        var waiting: [Job] = []
        /// Where the next job to start is in `waiting`: taking one moves it instead of shifting the array.
        var head = 0
        var stopped: [(Job, StopReason)] = []

        var count: Int { waiting.count - head }
    }

    private let state = Mutex(State())

    var count: Int {
        state.withLock { $0.count }
    }

    var leases: [Lease] {
        state.withLock { $0.waiting[$0.head...].map(\.lease) }
    }

    func append(_ jobs: [Job]) {
        state.withLock { $0.waiting.append(contentsOf: jobs) }
    }

    /// The next job to start, if any.
    func next() -> Job? {
        state.withLock { state in
            guard state.head < state.waiting.count else { return nil }
            let job = state.waiting[state.head]
            state.head += 1
            if state.head == state.waiting.count {
                state.waiting.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 256 && state.head * 2 >= state.waiting.count {
                state.waiting.removeFirst(state.head)
                state.head = 0
            }
            return job
        }
    }

    /// Takes the job holding `lease` out of the waiting ones, to be ended for `reason`; returns
    /// whether it was waiting here.
    @discardableResult
    func stop(_ lease: Lease, reason: StopReason) -> Bool {
        state.withLock { state in
            guard let index = state.waiting[state.head...].firstIndex(where: { $0.lease == lease }) else {
                return false
            }
            state.stopped.append((state.waiting.remove(at: index), reason))
            return true
        }
    }

    /// The jobs taken out by ``stop(_:reason:)`` since the last call, with why.
    func takeStopped() -> [(Job, StopReason)] {
        state.withLock { state in
            defer { state.stopped.removeAll() }
            return state.stopped
        }
    }

    /// Every waiting job, taken out (at shutdown).
    func removeAll() -> [Job] {
        state.withLock { state in
            defer {
                state.waiting.removeAll()
                state.head = 0
            }
            return Array(state.waiting[state.head...])
        }
    }
}

/// How many jobs a queue claims ahead of its free slots: as many as its slots would start within
/// the horizon at the pace its recent handlers ran (a moving average), at most `limit`. A queue of
/// long jobs claims none ahead, so jobs that another worker could start now do not wait here.
final class ClaimAhead: Sendable {
    private let horizon: Double
    private let limit: Int
    /// The moving average of recent handlers' durations, in seconds; nil before the first.
    private let averageSeconds = Mutex<Double?>(nil)

    init(horizon: Duration, limit: Int) {
        self.horizon = horizon.seconds
        self.limit = limit
    }

    func handlerRan(for duration: Duration) {
        let seconds = duration.seconds
        averageSeconds.withLock { average in
            average = average.map { 0.9 * $0 + 0.1 * seconds } ?? seconds
        }
    }

    /// The jobs to hold claimed beyond `slots` running ones.
    func jobs(slots: Int) -> Int {
        guard horizon > 0, let average = averageSeconds.withLock({ $0 }) else { return 0 }
        let started = Double(slots) * horizon / max(average, 1e-6)
        return min(limit, Int(started.rounded(.down)))
    }
}
