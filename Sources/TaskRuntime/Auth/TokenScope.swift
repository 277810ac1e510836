/// What an API token may do. `admin` implies every other scope and sees every principal's jobs.
public enum TokenScope: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Submit jobs (of every task, or of the token's `tasks` only).
    case submit
    /// Read tasks, the token's own jobs, their events, queues and dedup lookups.
    case read
    /// Cancel and retry the token's own jobs.
    case cancel
    /// Everything, on every principal's jobs.
    case admin

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
