import Foundation

/// RFC 3339 timestamps read exactly as the `date-time` format accepts them (any year from 0000,
/// `t`/`z` in either case, fractional seconds of any length, offsets up to ±23:59, a leap second),
/// where Foundation's ISO 8601 parser refuses some (offsets beyond ±18:00).
public enum RFC3339Timestamp {
    /// The instant `text` names, or `nil` when it is not an RFC 3339 `date-time`.
    public static func date(_ text: String) -> Date? {
        guard StringFormat.dateTime.accepts(text) else { return nil }
        let scalars = Array(text.unicodeScalars)
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(scalars[$1].value - 48) }
        }
        let days = daysSinceEpoch(year: number(0..<4), month: number(5..<7), day: number(8..<10))
        var seconds = Double(days * 86_400 + number(11..<13) * 3_600 + number(14..<16) * 60 + number(17..<19))
        var index = 19
        if scalars[index] == "." {
            let start = index
            index += 1
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            seconds += Double("0" + String(String.UnicodeScalarView(scalars[start..<index]))) ?? 0
        }
        if scalars[index] == "+" || scalars[index] == "-" {
            let offset = Double(number(index + 1..<index + 3) * 3_600 + number(index + 4..<index + 6) * 60)
            seconds += scalars[index] == "+" ? -offset : offset
        }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
