import Foundation

extension CronExpression {
    /// How many years ahead ``nextFire(after:in:)`` looks before it concludes that the expression never fires.
    static let searchYears = 30

    /// The first time after `date` (strictly later, on a whole minute) at which the expression fires
    /// in `zone`, or `nil` when it never does (such as `0 0 30 2 *`).
    ///
    /// Times are matched against the wall clock of `zone`. Across daylight-saving transitions:
    /// a local time that does not exist (skipped when clocks go forward) does not fire at all, and a
    /// local time that happens twice (when clocks go back) fires once, at its first occurrence.
    ///
    /// Non-matching months, days and hours are skipped whole, so a rare expression costs about
    /// as much as a frequent one.
    public func nextFire(after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = Date(timeIntervalSince1970: ((date.timeIntervalSince1970 / 60).rounded(.down) + 1) * 60)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: start)
        guard var year = parts.year, var month = parts.month, var day = parts.day, var hour = parts.hour,
            var minute = parts.minute
        else { return nil }
        let lastYear = year + Self.searchYears

        func nextDay() {
            day += 1
            hour = 0
            minute = 0
        }
        while year <= lastYear {
            if month > 12 {
                (year, month, day, hour, minute) = (year + 1, 1, 1, 0, 0)
                continue
            }
            guard months.contains(month), day <= CivilDate.daysInMonth(year: year, month: month) else {
                (month, day, hour, minute) = (month + 1, 1, 0, 0)
                continue
            }
            guard matchesDay(year: year, month: month, day: day), let nextHour = hours.first(atLeast: hour) else {
                nextDay()
                continue
            }
            if nextHour != hour { (hour, minute) = (nextHour, 0) }
            guard let nextMinute = minutes.first(atLeast: minute) else {
                (hour, minute) = (hour + 1, 0)
                if hour > 23 { nextDay() }
                continue
            }
            minute = nextMinute
            if let fire = Self.firstOccurrence(year, month, day, hour, minute, calendar: calendar), fire > date {
                return fire
            }
            minute += 1
        }
        return nil
    }

    /// The first instant whose wall-clock time in the calendar's zone is the given one; `nil` when
    /// that local time does not exist (it falls in a daylight-saving gap).
    private static func firstOccurrence(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, calendar: Calendar
    ) -> Date? {
        let wanted = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        guard let candidate = calendar.date(from: wanted) else { return nil }
        func isWanted(_ date: Date) -> Bool {
            let found = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            return found.year == year && found.month == month && found.day == day && found.hour == hour
                && found.minute == minute
        }
        guard isWanted(candidate) else { return nil }
        // A repeated local time: prefer the earlier instant, whichever one `date(from:)` chose.
        for shift in [-3600.0, -1800.0] where isWanted(candidate.addingTimeInterval(shift)) {
            return candidate.addingTimeInterval(shift)
        }
        return candidate
    }
}
