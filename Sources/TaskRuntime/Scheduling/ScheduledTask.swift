import Foundation

/// A schedule of a task in the catalog, with its identity (``Schedule/id(task:)``).
public struct ScheduledTask: Sendable, Hashable {
    public let task: String
    public let schedule: Schedule
    public let id: String

    public init(task: String, schedule: Schedule) {
        self.task = task
        self.schedule = schedule
        self.id = schedule.id(task: task)
    }
}

extension TaskCatalog {
    /// Every schedule of every task, by task name, then in declared order.
    public var schedules: [ScheduledTask] {
        entries.flatMap { entry in
            entry.definition.schedules.map { ScheduledTask(task: entry.definition.name, schedule: $0) }
        }
    }
}

extension ScheduledTask {
    /// The next `count` ticks after `date`, fewer when the schedule stops firing.
    public func nextFires(after date: Date, count: Int) -> [Date] {
        var fires: [Date] = []
        var cursor = date
        while fires.count < count, let next = schedule.nextFire(after: cursor) {
            fires.append(next)
            cursor = next
        }
        return fires
    }
}
