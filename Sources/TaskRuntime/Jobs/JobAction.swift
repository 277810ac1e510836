import Foundation

/// An operator's action on a job, kept beside its event log: who cancelled or retried it, and when
/// (the event log itself records only what changed).
public struct JobAction: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Asked to cancel (a job that had not started is cancelled at once; a running one is told).
        case cancel
        /// Retried: a failed, cancelled or quarantined job made pending again.
        case retry
    }

    public var jobID: UUID
    public var at: Date
    public var kind: Kind
    /// The id of the API token that acted; `nil` for the local principal (no tokens).
    public var actor: String?

    public init(jobID: UUID, at: Date, kind: Kind, actor: String?) {
        self.jobID = jobID
        self.at = at
        self.kind = kind
        self.actor = actor
    }
}
