import Foundation
import TaskRuntime
import Testing

/// The golden registry's schedules survive generation: the catalog carries them, with their ids.
@Suite struct GeneratedSchedulesTests {
    @Test func theCatalogCarriesTheDeclaredSchedules() throws {
        let schedules = GeneratedTasks.catalog.schedules
        #expect(schedules.map(\.task) == ["aod_estimation", "aod_estimation"])
        #expect(schedules.map(\.schedule.cron.source) == ["30 6 * * MON-FRI", "@daily"])
        #expect(schedules.map(\.schedule.timeZone) == ["Europe/Berlin", "UTC"])
        #expect(schedules.map(\.schedule.catchUp) == [.all, .latest])
        #expect(schedules[1].schedule.input == ["bboxes": [[0, 0, 1, 1]], "date": "2026-01-02", "chip_size": 512])
        #expect(Set(schedules.map(\.id)).count == 2 && schedules.allSatisfy { $0.id.hasPrefix("aod_estimation:") })
    }

    @Test func nextFiresFollowTheZone() throws {
        let weekdays = try #require(GeneratedTasks.catalog.schedules.first)
        // Friday 2026-11-27 12:00 UTC: next Monday and Tuesday, 06:30 in Berlin (05:30 UTC in winter).
        let fires = weekdays.nextFires(after: try Date("2026-11-27T12:00:00Z", strategy: .iso8601), count: 2)
        #expect(fires.map { $0.formatted(.iso8601) } == ["2026-11-30T05:30:00Z", "2026-12-01T05:30:00Z"])
    }
}
