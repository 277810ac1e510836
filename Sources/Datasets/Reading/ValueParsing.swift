#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading numbers, booleans and dates out of field bytes, without making strings.
enum ValueParsing {
    static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// A decimal number: optional sign, digits with an optional `.`, an optional exponent; at least one
    /// digit. `isInteger` is true without `.` and exponent. nil for anything else (so `inf`, hex and
    /// spaces make a column text). Correctly rounded: Clinger's fast path, else `strtod`.
    @inline(__always)
    static func number(_ p: UnsafePointer<UInt8>, _ n: Int) -> (value: Double, isInteger: Bool)? {
        if n == 0 { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        } else if p[0] == UInt8(ascii: "+") {
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significant = 0
        var exponent = 0
        var isInteger = true
        while i < n {
            let d = p[i] &- 48
            if d > 9 { break }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
            }
            digits += 1
            i += 1
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            while i < n {
                let d = p[i] &- 48
                if d > 9 { break }
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        var exact = significant < 19
        if i < n && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            var expNegative = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n {
                let d = p[i] &- 48
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i != n { return nil }
        if exact && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= powersOfTen[-exponent] } else if exponent > 0 { v *= powersOfTen[exponent] }
            return (negative ? -v : v, isInteger)
        }
        exact = false
        // Rare: many digits or a large exponent. strtod wants a terminated string.
        var storage = [CChar](repeating: 0, count: n + 1)
        storage.withUnsafeMutableBufferPointer { b in
            for k in 0..<n { b[k] = CChar(bitPattern: p[k]) }
        }
        let v = storage.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }
        return (v, isInteger)
    }

    /// pandas' boolean literals: `True`, `False`, `TRUE`, `FALSE`, `true`, `false`.
    static func boolean(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        let s = UnsafeBufferPointer(start: p, count: n)
        if n == 4 && (s.elementsEqual("true".utf8) || s.elementsEqual("True".utf8) || s.elementsEqual("TRUE".utf8)) {
            return true
        }
        if n == 5 && (s.elementsEqual("false".utf8) || s.elementsEqual("False".utf8) || s.elementsEqual("FALSE".utf8)) {
            return false
        }
        return nil
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD` with a real day of its month.
    static func isDate(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n == 10, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-") else { return false }
        guard let y = digits(p, 0, 4), let m = digits(p, 5, 2), let d = digits(p, 8, 2) else { return false }
        guard m >= 1 && m <= 12 && d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// `YYYY-MM-DD` then `T` or a space, `HH:MM`, optional `:SS` and fraction, optional `Z` or `±HH:MM`.
    static func isDateTime(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= 16, isDate(p, 10), p[10] == UInt8(ascii: "T") || p[10] == UInt8(ascii: " ") else { return false }
        guard let h = digits(p, 11, 2), p[13] == UInt8(ascii: ":"), let mi = digits(p, 14, 2), h < 24, mi < 60 else {
            return false
        }
        var i = 16
        if i < n && p[i] == UInt8(ascii: ":") {
            guard i + 3 <= n, let s = digits(p, i + 1, 2), s <= 60 else { return false }
            i += 3
            if i < n && p[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < n && p[i] >= 48 && p[i] <= 57 { i += 1 }
                if i == start { return false }
            }
        }
        if i == n { return true }
        if p[i] == UInt8(ascii: "Z") { return i + 1 == n }
        if p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            guard i + 6 == n, let oh = digits(p, i + 1, 2), p[i + 3] == UInt8(ascii: ":"),
                let om = digits(p, i + 4, 2), oh < 24, om < 60
            else { return false }
            return true
        }
        return false
    }

    @inline(__always)
    private static func digits(_ p: UnsafePointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var v = 0
        for k in at..<(at + count) {
            let d = p[k] &- 48
            if d > 9 { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }
}
