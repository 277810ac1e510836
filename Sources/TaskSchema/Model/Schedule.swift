import Foundation

/// One entry of a task's `schedule`: `{cron: "*/15 * * * *", timezone: UTC, input: {...}, catch_up: latest}`.
///
/// At each time the ``cron`` expression fires in ``timeZone``, one job of the task is enqueued with
/// ``input``, however many processes run the scheduler. An operational setting like
/// ``TaskDefinition/queue``: not part of the schema lock.
public struct Schedule: Sendable, Hashable {
    public var cron: CronExpression
    /// An IANA time zone identifier such as `Europe/Berlin`; `UTC` when not written.
    public var timeZone: String
    /// The job input, valid against the task's input schema (defaults are applied when enqueued).
    public var input: JSONValue
    /// Which missed ticks are enqueued after the schedulers were down.
    public var catchUp: CatchUpPolicy
    /// Where the schedule entry was written.
    public var location: SourceLocation

    public init(
        cron: CronExpression, timeZone: String = "UTC", input: JSONValue = [:], catchUp: CatchUpPolicy = .latest,
        location: SourceLocation
    ) {
        self.cron = cron
        self.timeZone = timeZone
        self.input = input
        self.catchUp = catchUp
        self.location = location
    }

    /// ``timeZone`` as a `TimeZone`; the parser admits only identifiers Foundation knows.
    public var zone: TimeZone {
        TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC") ?? .current
    }

    /// The first time after `date` at which the schedule fires; see ``CronExpression/nextFire(after:in:)``.
    public func nextFire(after date: Date) -> Date? {
        cron.nextFire(after: date, in: zone)
    }
}

/// `catch_up`: what a scheduler does with the ticks that passed while no scheduler was running.
public enum CatchUpPolicy: String, Sendable, Hashable, CaseIterable {
    /// Enqueue only the most recent missed tick (the default).
    case latest
    /// Enqueue every missed tick, oldest first (at most 1000 per scheduler pass).
    case all
    /// Enqueue nothing that was missed; only a tick at the current minute runs.
    case none
}
