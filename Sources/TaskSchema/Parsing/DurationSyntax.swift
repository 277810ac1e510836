/// Durations as written in `tasks.yaml`: one or more `<number><unit>` with units `ms`, `s`, `m`,
/// `h` and `d`, such as `500ms`, `30s`, `1.5s` or `1h30m`.
public enum DurationSyntax {
    /// Valid examples, for diagnostics.
    public static let examples = "'30s', '500ms' or '1h30m'"

    private static let nanosecondsPerUnit: [String: Int64] = [
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
        "d": 86_400_000_000_000,
    ]

    /// The durations a client may give as a job's `delay`: one to three `<number><unit>` parts with at
    /// most four digits before an optional fraction (`30s`, `1h30m`, `1.5s`, `1440m`), so that every
    /// one is representable (at most about 82 years). The OpenAPI document states this pattern.
    public static let delayPattern = #"^([0-9]{1,4}(\.[0-9]{1,9})?(ms|s|m|h|d)){1,3}$"#

    /// The delay `text` spells when it matches ``delayPattern``, or `nil`.
    public static func parseDelay(_ text: String) -> Duration? {
        guard RegexCache.shared.pattern(delayPattern, matches: text) == true else { return nil }
        return parse(text)
    }

    /// The duration `text` spells, or `nil` when it is malformed or too long to represent.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let whole = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(whole.count)
            var fraction: Substring = ""
            if rest.first == "." {
                fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard !fraction.isEmpty else { return nil }
                rest = rest.dropFirst(fraction.count + 1)
            }
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard !whole.isEmpty, let perUnit = nanosecondsPerUnit[String(unit)],
                let amount = nanoseconds(whole: whole, fraction: fraction, perUnit: perUnit)
            else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(amount)
            guard !overflow else { return nil }
            total = sum
        }
        return .nanoseconds(total)
    }

    /// `whole.fraction` units in nanoseconds, digits below a nanosecond dropped; `nil` on overflow.
    private static func nanoseconds(whole: Substring, fraction: Substring, perUnit: Int64) -> Int64? {
        guard let wholeValue = Int64(whole) else { return nil }
        let (wholeNanos, overflow) = wholeValue.multipliedReportingOverflow(by: perUnit)
        guard !overflow else { return nil }
        var fractionNanos: Int64 = 0
        var scale = perUnit
        for digit in fraction.prefix(18) {
            scale /= 10
            fractionNanos += Int64(digit.wholeNumberValue ?? 0) * scale
        }
        let (sum, sumOverflow) = wholeNanos.addingReportingOverflow(fractionNanos)
        return sumOverflow ? nil : sum
    }
}
