import Foundation

/// The jobs and workers of one queue at a moment (`GET /v1/queues`).
public struct QueueStatus: Sendable, Hashable {
    public var name: String
    /// Pending jobs ready to run now.
    public var pending: Int
    /// Pending jobs held back until a `run_at` still in the future.
    public var scheduled: Int
    public var running: Int
    /// Live worker processes serving the queue.
    public var workers: Int
    /// The slots (concurrent jobs) those workers registered for the queue, added up.
    public var concurrency: Int
    /// Seconds since the oldest ready pending job became ready (its `run_at`); `nil` when none is ready.
    public var oldestPendingAge: Double?
    /// The queue's pause, while it is paused (no worker claims its jobs).
    public var paused: PausedQueue?

    public init(
        name: String, pending: Int = 0, scheduled: Int = 0, running: Int = 0, workers: Int = 0, concurrency: Int = 0,
        oldestPendingAge: Double? = nil, paused: PausedQueue? = nil
    ) {
        self.name = name
        self.pending = pending
        self.scheduled = scheduled
        self.running = running
        self.workers = workers
        self.concurrency = concurrency
        self.oldestPendingAge = oldestPendingAge
        self.paused = paused
    }

    /// The statuses of every queue in `jobs`, served by a live worker or paused, sorted by name.
    ///
    /// `jobs` holds each queue's job counts without ``workers`` and ``concurrency``; `workerQueues`
    /// holds, per live worker, the queue map it registered, in ``workerQueuesText(_:)`` form.
    public static func combining(jobs: [QueueStatus], workerQueues: [String], paused: [PausedQueue]) -> [QueueStatus] {
        var byName = Dictionary(jobs.map { ($0.name, $0) }) { first, _ in first }
        for pause in paused {
            byName[pause.name, default: QueueStatus(name: pause.name)].paused = pause
        }
        for text in workerQueues {
            for (name, slots) in WorkerRecord.queues(fromText: text) {
                byName[name, default: QueueStatus(name: name)].workers += 1
                byName[name, default: QueueStatus(name: name)].concurrency += slots
            }
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// The JSON text stores keep a worker's queues in: `{"default":4,"io":8}`.
    public static func workerQueuesText(_ queues: [String: Int]) -> String {
        JSONValue.object(queues.mapValues(JSONValue.integer)).canonicalString()
    }

    /// `statuses` with a zero status added for each name in `names` they lack, sorted by name.
    public static func including(_ names: some Sequence<String>, in statuses: [QueueStatus]) -> [QueueStatus] {
        let known = Set(statuses.map(\.name))
        let missing = Set(names).subtracting(known).map { QueueStatus(name: $0) }
        return (statuses + missing).sorted { $0.name < $1.name }
    }
}
