import Foundation

/// An entry of a job's event log: every state and stage change is appended by the store.
public struct JobEvent: Sendable, Hashable {
    public var sequence: Int64
    public var jobID: UUID
    public var at: Date
    public var state: JobState
    public var stage: String?
    public var progress: Double
    public var attempt: Int
    public var error: JobError?
    /// The worker that held the job when it changed: the one that claimed it, for `running`, and the
    /// one whose attempt ended, for the state after it; `nil` for changes no worker made.
    public var worker: String?

    public init(
        sequence: Int64, jobID: UUID, at: Date, state: JobState, stage: String?, progress: Double,
        attempt: Int, error: JobError?, worker: String? = nil
    ) {
        self.sequence = sequence
        self.jobID = jobID
        self.at = at
        self.state = state
        self.stage = stage
        self.progress = progress
        self.attempt = attempt
        self.error = error
        self.worker = worker
    }
}
