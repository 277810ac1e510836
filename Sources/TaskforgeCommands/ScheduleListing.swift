import Foundation
import TaskRuntime

/// The text `taskforge schedules` prints.
enum ScheduleListing {
    /// One block per schedule: task, id, cron, timezone and catch-up, then each next run in the
    /// schedule's zone and in UTC.
    static func render(_ schedules: [ScheduledTask], now: Date, count: Int) -> String {
        guard !schedules.isEmpty else { return "No task has a schedule.\n" }
        var text = ""
        for scheduled in schedules {
            let schedule = scheduled.schedule
            text += "\(scheduled.id)\n"
            text += "  task: \(scheduled.task)  cron: \(schedule.cron.source)  timezone: \(schedule.timeZone)"
            text += "  catch_up: \(schedule.catchUp.rawValue)\n"
            let fires = scheduled.nextFires(after: now, count: count)
            if fires.isEmpty { text += "  never fires again\n" }
            for fire in fires {
                text += "  next: \(localTime(fire, in: schedule.zone))  (\(fire.formatted(.iso8601)))\n"
            }
        }
        return text
    }

    /// `2026-03-29 03:00 +02:00`: the wall-clock time in `zone`, with its offset from UTC.
    private static func localTime(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = zone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) "
            + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }
}
