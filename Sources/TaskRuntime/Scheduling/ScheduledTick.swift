import Foundation

/// A tick of a schedule that was enqueued, and the job it made.
public struct ScheduledTick: Sendable, Hashable {
    public var tick: Date
    public var jobID: UUID

    public init(tick: Date, jobID: UUID) {
        self.tick = tick
        self.jobID = jobID
    }
}
