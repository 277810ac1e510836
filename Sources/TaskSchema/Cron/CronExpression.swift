import Foundation

/// A standard five-field cron expression: `minute hour day-of-month month day-of-week`.
///
/// Each field is `*`, a value, a range `a-b`, a step `*/n`, `a-b/n` or `a/n` (from `a` to the
/// field's maximum), or a comma-separated list of those. Months may be written `JAN`-`DEC` and days
/// of the week `SUN`-`SAT`, in any case; day of week `0` and `7` are both Sunday. The macros
/// `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly` and `@annually` stand for
/// their usual expressions.
///
/// Days follow Vixie cron: when both the day-of-month and the day-of-week field are restricted (do
/// not start with `*`), a day matches when either field does; otherwise both must match.
/// ``nextFire(after:in:)`` describes how daylight-saving transitions are handled.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let source: String
    let minutes: CronField
    let hours: CronField
    let daysOfMonth: CronField
    let months: CronField
    /// Sunday is 0.
    let daysOfWeek: CronField
    /// Whether the day fields combine with OR (both restricted) rather than AND.
    let daysCombineWithOr: Bool

    /// Parses `source`.
    ///
    /// - Throws: ``CronSyntaxError`` naming the field and the problem, such as
    ///   "minute field '61' is out of range 0-59".
    public init(parsing source: String) throws(CronSyntaxError) {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let expanded = try Self.expandingMacro(trimmed)
        let fields = expanded.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 5 else {
            throw CronSyntaxError(
                "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        self.source = trimmed
        minutes = try CronField(parsing: fields[0], kind: .minute)
        hours = try CronField(parsing: fields[1], kind: .hour)
        daysOfMonth = try CronField(parsing: fields[2], kind: .dayOfMonth)
        months = try CronField(parsing: fields[3], kind: .month)
        daysOfWeek = try CronField(parsing: fields[4], kind: .dayOfWeek)
        daysCombineWithOr = !fields[2].hasPrefix("*") && !fields[4].hasPrefix("*")
    }

    /// An expression that is known to be valid, such as one taskgen checked: traps otherwise.
    public init(validated source: String) {
        do {
            self = try CronExpression(parsing: source)
        } catch {
            preconditionFailure("invalid cron expression '\(source)': \(error.message)")
        }
    }

    public var description: String { source }

    private static let macros = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]

    private static func expandingMacro(_ text: String) throws(CronSyntaxError) -> String {
        guard text.hasPrefix("@") else { return text }
        guard let expansion = macros[text.lowercased()] else {
            let names = macros.keys.sorted().joined(separator: ", ")
            throw CronSyntaxError("unknown macro '\(text)'; expected one of \(names)")
        }
        return expansion
    }

    /// Whether the day `year-month-day` (of the proleptic Gregorian calendar) matches the day fields.
    func matchesDay(year: Int, month: Int, day: Int) -> Bool {
        let dayOfMonth = daysOfMonth.contains(day)
        let dayOfWeek = daysOfWeek.contains(CivilDate.weekday(year: year, month: month, day: day))
        return daysCombineWithOr ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek
    }
}

/// Why a cron expression does not parse: "minute field '61' is out of range 0-59".
public struct CronSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
