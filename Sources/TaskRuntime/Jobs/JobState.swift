/// Where a job is in its life. Terminal states never change on their own.
///
/// `pending -> running -> succeeded | failed | cancelled | quarantined`; a failed attempt that will be
/// retried goes back to `pending` with a later `run_at`. An operator may send a `failed`, `cancelled`
/// or `quarantined` job back to `pending` (``JobStore/retry(id:additionalAttempts:)``).
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Queued, possibly with a `run_at` in the future.
    case pending
    /// Claimed by a worker that holds its lease.
    case running
    case succeeded
    case failed
    case cancelled
    /// Its attempts kept killing the worker process that ran them; it waits for an operator.
    case quarantined

    /// Whether the state is final.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .cancelled, .quarantined: true
        case .pending, .running: false
        }
    }
}

extension JobState {
    /// The states an operator may send back to `pending`.
    public var isRetryable: Bool {
        switch self {
        case .failed, .cancelled, .quarantined: true
        case .pending, .running, .succeeded: false
        }
    }
}
