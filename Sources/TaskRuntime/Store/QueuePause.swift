import Foundation

/// A queue an operator paused: no worker on any machine claims its jobs until it is resumed. Its
/// jobs stay pending, submitting to it still works, and running jobs finish.
public struct PausedQueue: Sendable, Hashable {
    public var name: String
    public var pausedAt: Date
    /// Who paused it: the token's id, or nil on a server without tokens.
    public var pausedBy: String?

    public init(name: String, pausedAt: Date, pausedBy: String?) {
        self.name = name
        self.pausedAt = pausedAt
        self.pausedBy = pausedBy
    }
}

/// An operator pausing or resuming a queue, kept as the queue's history: a job's timeline shows
/// the ones that happened while it waited or ran, so the job's history says who held it back.
public struct QueueAction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case pause
        case resume
    }

    public var queue: String
    public var at: Date
    public var kind: Kind
    /// The id of the API token that acted; `nil` for the local principal (no tokens).
    public var actor: String?

    public init(queue: String, at: Date, kind: Kind, actor: String?) {
        self.queue = queue
        self.at = at
        self.kind = kind
        self.actor = actor
    }
}

/// Pausing and resuming queues. The pauses live in the job store's database, and every claim
/// leaves out the jobs of a paused queue in the same statement, so every worker sharing the
/// database obeys a pause from the moment it is stored.
public protocol QueuePauseStore: Sendable {
    /// Pauses `queue` as `actor` at `date` and returns the pause; a queue already paused keeps its
    /// first pause, which is returned. A new pause is recorded in the queue's history.
    func pauseQueue(_ queue: String, by actor: String?, at date: Date) async throws -> PausedQueue

    /// Resumes `queue` as `actor` at `date`, records it in the queue's history and wakes the workers
    /// waiting for its jobs; `false` (nothing recorded) when it was not paused.
    func resumeQueue(_ queue: String, by actor: String?, at date: Date) async throws -> Bool

    /// The pauses and resumes of `queue` from `start` through `end`, oldest first, led by the pause
    /// in force at `start` when the queue was paused then.
    func queueActions(_ queue: String, from start: Date, through end: Date) async throws -> [QueueAction]

    /// Every paused queue, sorted by name.
    func pausedQueues() async throws -> [PausedQueue]
}
