/// The values one field of a ``CronExpression`` allows, as a bit set.
struct CronField: Sendable, Hashable {
    /// Which field, with its range and the names it accepts.
    enum Kind: Sendable {
        case minute, hour, dayOfMonth, month, dayOfWeek

        var name: String {
            switch self {
            case .minute: "minute"
            case .hour: "hour"
            case .dayOfMonth: "day-of-month"
            case .month: "month"
            case .dayOfWeek: "day-of-week"
            }
        }

        /// The values that may be written; day of week 7 is read as 0 (Sunday).
        var range: ClosedRange<Int> {
            switch self {
            case .minute: 0...59
            case .hour: 0...23
            case .dayOfMonth: 1...31
            case .month: 1...12
            case .dayOfWeek: 0...7
            }
        }

        /// Names for values, from the lowest value of `range` on (`JAN` is 1, `SUN` is 0).
        var names: [String] {
            switch self {
            case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
            case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
            default: []
            }
        }
    }

    private var bits: UInt64 = 0

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0
    }

    /// The smallest allowed value that is at least `value`, or `nil`.
    func first(atLeast value: Int) -> Int? {
        guard value < 64 else { return nil }
        let remaining = bits >> UInt64(max(value, 0))
        return remaining == 0 ? nil : max(value, 0) + remaining.trailingZeroBitCount
    }

    /// Parses one field: `*`, `5`, `1-5`, `*/15`, `1-30/2`, `5/15`, `MON-FRI`, or a list of these.
    init(parsing text: String, kind: Kind) throws(CronSyntaxError) {
        for element in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !element.isEmpty else {
                throw CronSyntaxError("\(kind.name) field '\(text)' has an empty list entry")
            }
            for value in try Self.values(String(element), kind: kind) {
                bits |= 1 << UInt64(kind == .dayOfWeek && value == 7 ? 0 : value)
            }
        }
    }

    private static func values(_ element: String, kind: Kind) throws(CronSyntaxError) -> StrideTo<Int> {
        let parts = element.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var step = 1
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parsed > 0 else {
                throw CronSyntaxError(
                    "\(kind.name) field step '\(parts[1])' in '\(element)' must be a positive integer")
            }
            step = parsed
        }
        let base = parts[0]
        let bounds: ClosedRange<Int>
        if base == "*" {
            bounds = kind == .dayOfWeek ? 0...6 : kind.range
        } else {
            let ends = base.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let low = try value(ends[0], kind: kind)
            if ends.count == 2 {
                let high = try value(ends[1], kind: kind)
                guard low <= high else {
                    throw CronSyntaxError("\(kind.name) field range '\(base)' goes backwards")
                }
                bounds = low...high
            } else {
                // `5/15` runs from 5 to the end of the range, as in Vixie cron.
                bounds = parts.count == 2 ? low...(kind == .dayOfWeek ? 6 : kind.range.upperBound) : low...low
            }
        }
        return stride(from: bounds.lowerBound, to: bounds.upperBound + 1, by: step)
    }

    private static func value(_ text: String, kind: Kind) throws(CronSyntaxError) -> Int {
        if let index = kind.names.firstIndex(of: text.uppercased()) {
            return kind.range.lowerBound + index
        }
        guard let number = Int(text) else {
            let hint = kind.names.isEmpty ? "a number" : "a number or a name such as \(kind.names[0])"
            throw CronSyntaxError("\(kind.name) field value '\(text)' is not \(hint)")
        }
        guard kind.range.contains(number) else {
            throw CronSyntaxError(
                "\(kind.name) field '\(text)' is out of range \(kind.range.lowerBound)-\(kind.range.upperBound)")
        }
        return number
    }
}
