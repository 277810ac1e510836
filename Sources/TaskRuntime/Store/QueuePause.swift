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

/// Pausing and resuming queues. The pauses live in the job store's database, and every claim
/// leaves out the jobs of a paused queue in the same statement, so every worker sharing the
/// database obeys a pause from the moment it is stored.
public protocol QueuePauseStore: Sendable {
    /// Pauses `queue` as `actor` at `date` and returns the pause; a queue already paused keeps its
    /// first pause, which is returned.
    func pauseQueue(_ queue: String, by actor: String?, at date: Date) async throws -> PausedQueue

    /// Resumes `queue` and wakes the workers waiting for its jobs; `false` when it was not paused.
    func resumeQueue(_ queue: String) async throws -> Bool

    /// Every paused queue, sorted by name.
    func pausedQueues() async throws -> [PausedQueue]
}
