import Foundation
import TaskSchema
import Testing

private func date(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

private func zone(_ identifier: String) throws -> TimeZone {
    try #require(TimeZone(identifier: identifier))
}

/// The next `count` fire times after `start`, as ISO 8601 UTC strings.
private func fires(_ cron: String, after start: String, in zoneID: String = "UTC", count: Int = 4) throws -> [String] {
    let expression = try CronExpression(parsing: cron)
    let timeZone = try zone(zoneID)
    var cursor = try date(start)
    var result: [String] = []
    for _ in 0..<count {
        guard let next = expression.nextFire(after: cursor, in: timeZone) else { break }
        result.append(next.formatted(.iso8601))
        cursor = next
    }
    return result
}

@Suite struct CronExpressionTests {
    @Test func stepsFireOnTheirMinutes() throws {
        #expect(
            try fires("*/15 * * * *", after: "2026-11-30T10:07:00Z") == [
                "2026-11-30T10:15:00Z", "2026-11-30T10:30:00Z", "2026-11-30T10:45:00Z", "2026-11-30T11:00:00Z",
            ])
        #expect(
            try fires("5-20/5 3 * * *", after: "2026-11-30T10:07:00Z", count: 5) == [
                "2026-12-01T03:05:00Z", "2026-12-01T03:10:00Z", "2026-12-01T03:15:00Z", "2026-12-01T03:20:00Z",
                "2026-12-02T03:05:00Z",
            ])
        #expect(
            try fires("10/20 0 * * *", after: "2026-11-30T00:00:00Z", count: 3) == [
                "2026-11-30T00:10:00Z", "2026-11-30T00:30:00Z", "2026-11-30T00:50:00Z",
            ])
    }

    @Test func theNextFireIsStrictlyLaterAndOnAWholeMinute() throws {
        #expect(try fires("* * * * *", after: "2026-11-30T10:07:00Z", count: 1) == ["2026-11-30T10:08:00Z"])
        #expect(try fires("* * * * *", after: "2026-11-30T10:07:59Z", count: 1) == ["2026-11-30T10:08:00Z"])
    }

    @Test func listsRangesAndNamesInAnyCase() throws {
        // 2026-11-30 is a Monday.
        #expect(
            try fires("0 9,17 * jan,DEC Mon-wed", after: "2026-11-30T10:00:00Z", count: 5) == [
                "2026-12-01T09:00:00Z", "2026-12-01T17:00:00Z", "2026-12-02T09:00:00Z", "2026-12-02T17:00:00Z",
                "2026-12-07T09:00:00Z",
            ])
    }

    @Test func sundayIsZeroAndSeven() throws {
        let zero = try fires("0 0 * * 0", after: "2026-11-30T00:00:00Z")
        #expect(try zero == fires("0 0 * * 7", after: "2026-11-30T00:00:00Z"))
        #expect(try zero == fires("0 0 * * SUN", after: "2026-11-30T00:00:00Z"))
        #expect(zero.first == "2026-12-06T00:00:00Z")
        #expect(
            try fires("0 0 * * 5-7", after: "2026-11-30T00:00:00Z", count: 3) == [
                "2026-12-04T00:00:00Z", "2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z",
            ])
    }

    @Test func restrictedDayFieldsCombineWithOr() throws {
        // The 13th or any Friday: Fri 4, Fri 11, Sun 13, Fri 18 December 2026.
        #expect(
            try fires("0 0 13 * FRI", after: "2026-11-30T00:00:00Z") == [
                "2026-12-04T00:00:00Z", "2026-12-11T00:00:00Z", "2026-12-13T00:00:00Z", "2026-12-18T00:00:00Z",
            ])
        // A day-of-week field starting with '*' is unrestricted: both must match (Sundays among the 1st-7th).
        #expect(
            try fires("0 0 1-7 * */7", after: "2026-11-30T00:00:00Z", count: 2) == [
                "2026-12-06T00:00:00Z", "2027-01-03T00:00:00Z",
            ])
    }

    @Test(arguments: [
        ("@hourly", "0 * * * *"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@weekly", "0 0 * * 0"),
        ("@monthly", "0 0 1 * *"), ("@yearly", "0 0 1 1 *"), ("@ANNUALLY", "0 0 1 1 *"),
    ])
    func macrosStandForTheirExpressions(_ macro: String, _ expression: String) throws {
        #expect(try fires(macro, after: "2026-11-30T10:07:00Z") == fires(expression, after: "2026-11-30T10:07:00Z"))
    }

    @Test func february29thFiresInLeapYearsOnly() throws {
        #expect(
            try fires("0 12 29 2 *", after: "2026-03-01T00:00:00Z", count: 2) == [
                "2028-02-29T12:00:00Z", "2032-02-29T12:00:00Z",
            ])
    }

    @Test func anImpossibleDateNeverFires() throws {
        let expression = try CronExpression(parsing: "0 0 30 2 *")
        #expect(expression.nextFire(after: try date("2026-01-01T00:00:00Z"), in: try zone("UTC")) == nil)
    }

    @Test func readsTheWallClockOfTheZone() throws {
        #expect(
            try fires("0 9 * * *", after: "2026-11-30T00:00:00Z", in: "Europe/Berlin", count: 1) == [
                "2026-11-30T08:00:00Z"
            ])
    }

    @Test func aLocalTimeSkippedBySpringForwardDoesNotFire() throws {
        // Berlin goes from 02:00 to 03:00 on 2026-03-29: 02:30 does not exist that day.
        #expect(
            try fires("30 2 * * *", after: "2026-03-28T12:00:00Z", in: "Europe/Berlin", count: 2) == [
                "2026-03-30T00:30:00Z", "2026-03-31T00:30:00Z",
            ])
        #expect(
            try fires("0 * * * *", after: "2026-03-29T00:30:00Z", in: "Europe/Berlin", count: 2) == [
                "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z",
            ])
    }

    @Test func aLocalTimeRepeatedByFallBackFiresOnceAtItsFirstOccurrence() throws {
        // Berlin goes from 03:00 back to 02:00 on 2026-10-25: 02:30 happens at 00:30Z and again at 01:30Z.
        #expect(
            try fires("30 2 * * *", after: "2026-10-24T12:00:00Z", in: "Europe/Berlin", count: 2) == [
                "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z",
            ])
        // Hourly keeps firing every real hour, once per local hour: 02:00 only at its first occurrence.
        #expect(
            try fires("0 * * * *", after: "2026-10-24T23:30:00Z", in: "Europe/Berlin", count: 3) == [
                "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z",
            ])
    }

    @Test(arguments: [
        ("61 * * * *", "minute field '61' is out of range 0-59"),
        ("* 24 * * *", "hour field '24' is out of range 0-23"),
        ("* * 0 * *", "day-of-month field '0' is out of range 1-31"),
        ("* * * 13 *", "month field '13' is out of range 1-12"),
        ("* * * * 8", "day-of-week field '8' is out of range 0-7"),
        ("* * * FOO *", "month field value 'FOO' is not a number or a name such as JAN"),
        ("x * * * *", "minute field value 'x' is not a number"),
        ("*/0 * * * *", "minute field step '0' in '*/0' must be a positive integer"),
        ("30-10 * * * *", "minute field range '30-10' goes backwards"),
        ("1,,2 * * * *", "minute field '1,,2' has an empty list entry"),
        ("* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), found 4"),
        (
            "@reboot",
            "unknown macro '@reboot'; expected one of @annually, @daily, @hourly, @midnight, @monthly, @weekly, @yearly"
        ),
    ])
    func reportsWhichFieldIsWrongAndWhy(_ source: String, _ message: String) {
        #expect(throws: CronSyntaxError(message)) { try CronExpression(parsing: source) }
    }
}
