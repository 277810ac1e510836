/// Where a job is in its life. Terminal states never change again.
///
/// `pending -> running -> succeeded | failed | cancelled`; a failed attempt that will be retried goes
/// back to `pending` with a later `run_at`.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Queued, possibly with a `run_at` in the future.
    case pending
    /// Claimed by a worker that holds its lease.
    case running
    case succeeded
    case failed
    case cancelled

    /// Whether the state is final.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .cancelled: true
        case .pending, .running: false
        }
    }
}
