import Foundation
import TaskRuntime
import Testing

@testable import TaskforgeCommands

/// `taskforge schedules`: the listing, and the command on the shipped tasks.yaml (which has none).
@Suite struct SchedulesCommandTests {
    @Test func listsEachScheduleWithItsNextRunsInItsZoneAndUTC() throws {
        let schedule = Schedule(
            cron: CronExpression(validated: "30 1 * * *"), timeZone: "Europe/Berlin", catchUp: .all,
            location: SourceLocation(file: "tasks.yaml", line: 1, column: 1))
        let scheduled = ScheduledTask(task: "report", schedule: schedule)
        // Berlin moves to summer time in the night to 2026-03-29.
        let text = ScheduleListing.render(
            [scheduled], now: try Date("2026-03-27T12:00:00Z", strategy: .iso8601), count: 3)
        #expect(
            text == """
                \(scheduled.id)
                  task: report  cron: 30 1 * * *  timezone: Europe/Berlin  catch_up: all
                  next: 2026-03-28 01:30 +01:00  (2026-03-28T00:30:00Z)
                  next: 2026-03-29 01:30 +01:00  (2026-03-29T00:30:00Z)
                  next: 2026-03-30 01:30 +02:00  (2026-03-29T23:30:00Z)

                """)
    }

    @Test func theShippedTasksHaveNoSchedule() async throws {
        let result = try await CommandLineRunner.run(["schedules"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "No task has a schedule.\n")
        #expect(try await CommandLineRunner.run(["schedules", "--count", "0"]).status != 0)
    }
}
