import Foundation

extension Schedule {
    /// The ticks a scheduler pass at `now` enqueues, oldest first, given the newest tick already
    /// recorded (`last`, `nil` for a schedule that has never fired), by ``catchUp``:
    ///
    /// - a schedule without history enqueues only the current minute, if the schedule fires then;
    /// - `all`: every tick in `(last, now]`, at most `limit` (`capped` tells that more remain);
    /// - `latest`: only the newest tick in `(last, now]`;
    /// - `none`: only the current minute, if the schedule fires then and it is newer than `last`.
    func dueTicks(after last: Date?, now: Date, limit: Int) -> (ticks: [Date], capped: Bool) {
        let minute = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let currentMinute = firesAt(minute) && minute > (last ?? .distantPast) ? [minute] : []
        guard let last else { return (currentMinute, false) }
        switch catchUp {
        case .none:
            return (currentMinute, false)
        case .latest:
            return (latestFire(after: last, through: now).map { [$0] } ?? [], false)
        case .all:
            var ticks: [Date] = []
            var cursor = last
            while let next = nextFire(after: cursor), next <= now {
                guard ticks.count < limit else { return (ticks, true) }
                ticks.append(next)
                cursor = next
            }
            return (ticks, false)
        }
    }

    /// Whether the schedule fires at `minute` (a whole minute).
    private func firesAt(_ minute: Date) -> Bool {
        nextFire(after: minute.addingTimeInterval(-1)) == minute
    }

    /// The newest fire time in `(after, through]`. Looks back through growing windows from `through`,
    /// so a frequent schedule after a long gap is not walked tick by tick.
    private func latestFire(after start: Date, through end: Date) -> Date? {
        let day = 86_400.0
        for window in [3_600, 2 * day, 40 * day, 400 * day, .infinity] {
            let from = max(start, end.addingTimeInterval(-window))
            var newest: Date?
            var cursor = from
            while let next = nextFire(after: cursor), next <= end {
                newest = next
                cursor = next
            }
            if newest != nil || from == start { return newest }
        }
        return nil
    }
}
