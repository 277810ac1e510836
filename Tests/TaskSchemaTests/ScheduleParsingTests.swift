import Foundation
import TaskRuntime
import TaskSchema
import Testing

/// A task whose input requires `dataset` and has `limit`, declaring `schedule:` with `entries` from line 13.
private func registry(schedule entries: String) -> String {
    """
    tasks:
      sum:
        version: 1
        summary: S.
        timeout: 1s
        input:
          type: object
          required: [dataset]
          properties:
            dataset: {type: string}
            limit: {type: integer, minimum: 1, default: 10}
        output: {type: object}
        schedule:
    \(entries)
    """
}

@Suite struct ScheduleParsingTests {
    @Test func aTaskWithoutScheduleHasNone() throws {
        let yaml = registry(schedule: "").replacingOccurrences(of: "    schedule:\n", with: "")
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.registry?.task(named: "sum")).schedules.isEmpty)
    }

    @Test func parsesEveryKeyAndTheDefaults() throws {
        let yaml = registry(
            schedule: """
                      - {cron: "*/15 * * * *", timezone: Europe/Berlin, catch_up: all, input: {dataset: a, limit: 2}}
                      - {cron: "@daily", input: {dataset: b}}
                """)
        let result = RegistryParser.parse(yaml, file: "tasks.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let schedules = try #require(result.registry?.task(named: "sum")).schedules
        #expect(
            schedules == [
                Schedule(
                    cron: CronExpression(validated: "*/15 * * * *"), timeZone: "Europe/Berlin",
                    input: ["dataset": "a", "limit": 2], catchUp: .all,
                    location: SourceLocation(file: "tasks.yaml", line: 14, column: 9)),
                Schedule(
                    cron: CronExpression(validated: "@daily"), timeZone: "UTC", input: ["dataset": "b"],
                    catchUp: .latest,
                    location: SourceLocation(file: "tasks.yaml", line: 15, column: 9)),
            ])
    }

    @Test(arguments: [
        (
            "      - {cron: \"61 * * * *\", input: {dataset: a}}",
            [
                "tasks.yaml:14:16: error: invalid cron expression '61 * * * *': minute field '61' is out of range 0-59"
            ]
        ),
        (
            "      - {cron: \"0 0 * * MON-FRY\", input: {dataset: a}}",
            [
                "tasks.yaml:14:16: error: invalid cron expression '0 0 * * MON-FRY': day-of-week field value 'FRY' is not a number or a name such as SUN"
            ]
        ),
        (
            "      - {cron: \"0 0 30 2 *\", input: {dataset: a}}",
            [
                "tasks.yaml:14:16: error: cron expression '0 0 30 2 *' never fires"
            ]
        ),
        (
            "      - {cron: \"0 * * * *\", timezone: Europe/Berln, input: {dataset: a}}",
            [
                "tasks.yaml:14:39: error: unknown time zone 'Europe/Berln'; use an IANA identifier such as 'UTC' or 'Europe/Berlin'; did you mean 'Europe/Berlin'?"
            ]
        ),
        (
            "      - {cron: \"0 * * * *\", input: {limit: 0}}",
            [
                "tasks.yaml:14:9: error: schedule input is not a valid input of task 'sum' at '/dataset': missing required property 'dataset'",
                "tasks.yaml:14:9: error: schedule input is not a valid input of task 'sum' at '/limit': must be at least 1, found 0",
            ]
        ),
        (
            "      - {cron: \"0 * * * *\", input: {dataset: a}, catchup: all}",
            [
                "tasks.yaml:14:50: error: unknown key 'catchup' in a schedule; did you mean 'catch_up'?"
            ]
        ),
        (
            "      - {cron: \"0 * * * *\", input: {dataset: a}, catch_up: every}",
            [
                "tasks.yaml:14:60: error: 'catch_up' must be 'latest', 'all' or 'none', found 'every'"
            ]
        ),
        (
            "      - {input: {dataset: a}}",
            [
                "tasks.yaml:14:9: error: a schedule is missing required key 'cron'"
            ]
        ),
        (
            "      - {cron: \"0 * * * *\", input: {dataset: a}}\n      - {cron: \"0 * * * *\", input: {dataset: a}, catch_up: all}",
            [
                "tasks.yaml:15:9: error: schedule repeats the one at line 14 (same cron, timezone and input)"
            ]
        ),
        (
            "      {cron: \"0 * * * *\"}",
            [
                "tasks.yaml:14:7: error: 'schedule' must be a list of schedules such as [{cron: \"0 * * * *\"}], found mapping"
            ]
        ),
    ])
    func reportsEachProblemAtItsPosition(_ entries: String, _ expected: [String]) {
        let result = RegistryParser.parse(registry(schedule: entries), file: "tasks.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }
}

@Suite struct ScheduleIDTests {
    private let schedule = Schedule(
        cron: CronExpression(validated: "0 * * * *"), input: ["dataset": "a"],
        location: SourceLocation(file: "tasks.yaml", line: 1, column: 1))

    @Test func theIDNamesTheTaskAndHashesTheSchedule() {
        let id = schedule.id(task: "sum")
        #expect(id.hasPrefix("sum:") && id.count == 4 + 16 && id.dropFirst(4).allSatisfy(\.isHexDigit))
        #expect(id == schedule.id(task: "sum"))
        #expect(id != schedule.id(task: "total"))
    }

    @Test func theIDIgnoresTheLocationAndCatchUpButNotTheCronZoneOrInput() {
        var moved = schedule
        moved.location = SourceLocation(file: "tasks.yaml", line: 40, column: 7)
        moved.catchUp = .all
        #expect(moved.id(task: "sum") == schedule.id(task: "sum"))
        for change in [
            { (s: inout Schedule) in s.cron = CronExpression(validated: "1 * * * *") },
            { (s: inout Schedule) in s.timeZone = "Europe/Berlin" },
            { (s: inout Schedule) in s.input = ["dataset": "b"] },
        ] {
            var changed = schedule
            change(&changed)
            #expect(changed.id(task: "sum") != schedule.id(task: "sum"))
        }
    }
}
