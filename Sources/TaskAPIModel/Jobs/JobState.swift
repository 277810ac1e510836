/// Where a job is in its life. Terminal states never change on their own.
///
/// `[waiting ->] pending -> running -> succeeded | failed | cancelled | quarantined`; a job of a task
/// with file inputs starts `waiting` for its uploads. A failed attempt that will be
/// retried goes back to `pending` with a later `run_at`. An operator may send a `failed`, `cancelled`
/// or `quarantined` job back to `pending` (``JobStore/retry(id:additionalAttempts:)``).
public enum JobState: String, APIEnum, APIComponent, Hashable {
    /// Waiting for its required files; it becomes `pending` when the last one is uploaded, or
    /// `failed` (`files_missing`) when they do not all arrive in time.
    case waiting
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
        case .waiting, .pending, .running: false
        }
    }
}

extension JobState {
    /// The states an operator may send back to `pending`.
    public var isRetryable: Bool {
        switch self {
        case .failed, .cancelled, .quarantined: true
        case .waiting, .pending, .running, .succeeded: false
        }
    }
}

extension JobState {
    public static let componentName = "JobState"
    public static let componentDescription =
        "Where a job is in its life; `waiting` for its files (tasks with `files`), `succeeded`, `failed`, "
        + "`cancelled` and `quarantined` are final, and an operator may retry a `failed`, `cancelled` or "
        + "`quarantined` job."
}
