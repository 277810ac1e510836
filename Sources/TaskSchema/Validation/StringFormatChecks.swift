extension StringFormat {
    /// How a valid value looks, for violation messages.
    var expectation: String {
        switch self {
        case .date: "a date like 2026-01-31 (RFC 3339 full-date)"
        case .dateTime: "a date-time like 2026-01-31T09:30:00Z (RFC 3339, with a time zone)"
        case .uuid: "a UUID like 123e4567-e89b-12d3-a456-426614174000"
        case .uri: "an absolute URI like https://example.com/path"
        case .email: "an email address like name@example.com"
        case .dataset: "a dataset id (a UUID, as POST /v1/datasets answers)"
        }
    }

    /// Whether `string` is valid in this format.
    func accepts(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        switch self {
        case .date: return FormatScanner.isDate(scalars[...])
        case .dateTime: return FormatScanner.isDateTime(scalars[...])
        case .uuid, .dataset: return FormatScanner.isUUID(scalars)
        case .uri: return FormatScanner.isURI(scalars)
        case .email: return FormatScanner.isEmail(string)
        }
    }
}

/// Hand-written format checks: exact, fast and independent of locale and Foundation parsers.
private enum FormatScanner {
    /// RFC 3339 `full-date`, with a real calendar check.
    static func isDate(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count == 10, s[s.startIndex + 4] == "-", s[s.startIndex + 7] == "-",
            let year = number(s, at: 0, digits: 4), let month = number(s, at: 5, digits: 2),
            let day = number(s, at: 8, digits: 2), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// RFC 3339 `date-time`: `full-date "T" hh:mm:ss[.frac] ("Z" / ±hh:mm)`.
    static func isDateTime(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count >= 20, isDate(s.prefix(10)), "Tt".unicodeScalars.contains(s[s.startIndex + 10]) else { return false }
        let time = s.dropFirst(11)
        guard time[time.startIndex + 2] == ":", time[time.startIndex + 5] == ":",
            let hour = number(time, at: 0, digits: 2), let minute = number(time, at: 3, digits: 2),
            let second = number(time, at: 6, digits: 2), hour < 24, minute < 60, second <= 60
        else { return false }
        var zone = time.dropFirst(8)
        if zone.first == "." {
            let fraction = zone.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return false }
            zone = zone.dropFirst(fraction.count + 1)
        }
        if zone.count == 1 { return "Zz".unicodeScalars.contains(zone[zone.startIndex]) }
        guard zone.count == 6, "+-".unicodeScalars.contains(zone[zone.startIndex]), zone[zone.startIndex + 3] == ":",
            let zoneHour = number(zone, at: 1, digits: 2), let zoneMinute = number(zone, at: 4, digits: 2)
        else { return false }
        return zoneHour < 24 && zoneMinute < 60
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ s: [Unicode.Scalar]) -> Bool {
        let hyphens: Set = [8, 13, 18, 23]
        return s.count == 36 && s.indices.allSatisfy { hyphens.contains($0) ? s[$0] == "-" : isHexDigit(s[$0]) }
    }

    /// An RFC 3986 absolute URI: `scheme ":" rest`, with only URI characters and valid %-escapes.
    static func isURI(_ s: [Unicode.Scalar]) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon > 0, isLetter(s[0]),
            s[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || "+-.".unicodeScalars.contains($0) }),
            colon + 1 < s.count
        else { return false }
        var index = colon + 1
        while index < s.count {
            if s[index] == "%" {
                guard index + 2 < s.count, isHexDigit(s[index + 1]), isHexDigit(s[index + 2]) else { return false }
                index += 3
            } else {
                guard isLetter(s[index]) || isDigit(s[index]) || uriPunctuation.contains(s[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    /// `local@domain.tld`: a dot-atom local part and a domain of at least two DNS labels.
    static func isEmail(_ string: String) -> Bool {
        let parts = string.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            (1...64).contains(local.unicodeScalars.count), domain.unicodeScalars.count <= 253
        else { return false }
        let localWords = local.split(separator: ".", omittingEmptySubsequences: false)
        let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
        guard localWords.allSatisfy({ word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { isLetter($0) || isDigit($0) || atext.contains($0) }
        }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2,
            topLevel.unicodeScalars.allSatisfy(isLetter)
        else { return false }
        return labels.allSatisfy { label in
            let scalars = Array(label.unicodeScalars)
            return (1...63).contains(scalars.count) && scalars.first != "-" && scalars.last != "-"
                && scalars.allSatisfy { isLetter($0) || isDigit($0) || $0 == "-" }
        }
    }

    private static let uriPunctuation = Set("-._~:/?#[]@!$&'()*+,;=".unicodeScalars)

    /// The decimal number in `digits` scalars at `offset` into `s`, or `nil` if any is not a digit.
    private static func number(_ s: ArraySlice<Unicode.Scalar>, at offset: Int, digits: Int) -> Int? {
        let start = s.startIndex + offset
        guard start + digits <= s.endIndex else { return nil }
        var value = 0
        for scalar in s[start..<start + digits] {
            guard isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return value
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }
}
