import Foundation

/// How many jobs of a queue finished in one state within one minute: the overview's throughput and
/// failure-rate charts.
public struct FinishedCount: Sendable, Hashable {
    public var queue: String
    /// The start of the minute (UTC, whole minutes since 1970).
    public var minute: Date
    /// `succeeded`, `failed`, `cancelled` or `quarantined`.
    public var state: JobState
    public var count: Int

    public init(queue: String, minute: Date, state: JobState, count: Int) {
        self.queue = queue
        self.minute = minute
        self.state = state
        self.count = count
    }

    /// The minute `date` falls in.
    public static func minute(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}
