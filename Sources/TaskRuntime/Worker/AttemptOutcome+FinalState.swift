extension AttemptOutcome {
    /// The final state the outcome gives its job, or `nil` when the job goes on (a retry, the next
    /// stage, a job given back at shutdown).
    var finalState: JobState? {
        switch self {
        case .succeeded: .succeeded
        case .failed: .failed
        case .cancelled: .cancelled
        case .crashed(_, let retryAt, _): retryAt == nil ? .quarantined : nil
        case .retry, .released, .advanced: nil
        }
    }
}
