import Foundation

/// UTC calendar days, the unit of every date comparison in catalog search and scene selection.
public enum UTCCalendar {
    /// A Gregorian calendar in the UTC time zone.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Midnight UTC at the start of the day holding `date`.
    public static func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    /// Whole UTC days from the day of `from` to the day of `to` (negative when `to` is earlier).
    public static func days(from: Date, to: Date) -> Int {
        calendar.dateComponents([.day], from: startOfDay(from), to: startOfDay(to)).day ?? 0
    }

    /// The UTC day `days` days after the day of `date` (before when negative), at midnight.
    public static func adding(days: Int, to date: Date) -> Date {
        let start = startOfDay(date)
        return calendar.date(byAdding: .day, value: days, to: start) ?? start.addingTimeInterval(Double(days) * 86_400)
    }

    /// The day of `date` as `yyyy-MM-dd`.
    public static func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
