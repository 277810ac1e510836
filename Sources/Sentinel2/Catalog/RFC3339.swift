import Foundation

/// Reads and writes RFC 3339 timestamps as STAC uses them (`2024-05-20T10:56:19.024Z`,
/// `2024-05-20T12:56:19+02:00`, with or without fractional seconds).
public enum RFC3339 {
    /// The instant a timestamp names; nil when it is not RFC 3339 (a space or lowercase `t` between
    /// date and time and a lowercase `z` are accepted too).
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2),
            scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2)
        else { return nil }
        let fraction = scanner.skip(".") ? scanner.fraction() : 0
        guard let fraction else { return nil }
        let offsetSeconds: Int
        if scanner.skip("Z") || scanner.skip("z") {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
            guard let offsetHours = scanner.number(digits: 2), scanner.skip(":"),
                let offsetMinutes = scanner.number(digits: 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let midnight = UTCCalendar.calendar.date(from: components),
            UTCCalendar.calendar.component(.day, from: midnight) == day
        else { return nil }
        let secondsOfDay = Double(hour * 3600 + minute * 60 + min(second, 59)) + fraction
        return midnight.addingTimeInterval(secondsOfDay - Double(offsetSeconds))
    }

    /// The timestamp of `date` in UTC with a `Z`; milliseconds are written only when the instant is
    /// not on a whole second (after rounding to the millisecond).
    public static func string(from date: Date) -> String {
        var wholeSeconds = date.timeIntervalSince1970.rounded(.down)
        var milliseconds = Int(((date.timeIntervalSince1970 - wholeSeconds) * 1000).rounded())
        if milliseconds == 1000 {
            wholeSeconds += 1
            milliseconds = 0
        }
        let parts = UTCCalendar.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: wholeSeconds))
        let base = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return milliseconds == 0 ? base + "Z" : base + String(format: ".%03dZ", milliseconds)
    }
}

/// Walks the bytes of an ASCII timestamp.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `character` when it comes next.
    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Consumes exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard let digit = Self.digit(byte) else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }

    /// Consumes one or more digits after a decimal point and returns their value as a fraction.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        let start = index
        while index < bytes.count, let digit = Self.digit(bytes[index]) {
            scale /= 10
            value += Double(digit) * scale
            index += 1
        }
        return index > start ? value : nil
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (48...57).contains(byte) ? Int(byte - 48) : nil
    }
}
