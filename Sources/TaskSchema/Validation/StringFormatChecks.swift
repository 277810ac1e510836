extension StringFormat {
    /// How a valid value looks, for violation messages.
    public var expectation: String {
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
    public func accepts(_ string: String) -> Bool {
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
enum FormatScanner {
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

    /// RFC 3339 `date-time`: `full-date "T" hh:mm:ss[.frac] ("Z" / ±hh:mm)`. A leap second (`:60`)
    /// is valid only at 23:59 UTC, the one minute a leap second is inserted in (so `15:59:60-08:00`
    /// is one, `23:59:60+01:00` is not); which days had one is not checked.
    static func isDateTime(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count >= 20, isDate(s.prefix(10)), "Tt".unicodeScalars.contains(s[s.startIndex + 10]) else {
            return false
        }
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
        let offsetMinutes: Int
        if zone.count == 1 {
            guard "Zz".unicodeScalars.contains(zone[zone.startIndex]) else { return false }
            offsetMinutes = 0
        } else {
            guard zone.count == 6, "+-".unicodeScalars.contains(zone[zone.startIndex]),
                zone[zone.startIndex + 3] == ":",
                let zoneHour = number(zone, at: 1, digits: 2), let zoneMinute = number(zone, at: 4, digits: 2),
                zoneHour < 24, zoneMinute < 60
            else { return false }
            offsetMinutes = (zone[zone.startIndex] == "+" ? 1 : -1) * (zoneHour * 60 + zoneMinute)
        }
        guard second == 60 else { return true }
        let minuteOfDayUTC = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return minuteOfDayUTC == 23 * 60 + 59
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ s: [Unicode.Scalar]) -> Bool {
        let hyphens: Set = [8, 13, 18, 23]
        return s.count == 36 && s.indices.allSatisfy { hyphens.contains($0) ? s[$0] == "-" : isHexDigit(s[$0]) }
    }

    /// An RFC 5321 `Mailbox`: a `Dot-string` or `Quoted-string` local part of at most 64 octets, `@`,
    /// and a fully qualified domain (RFC 5321 permits only those: at least two labels, the last
    /// alphabetic) of at most 255 octets, or an IPv4 or IPv6 address literal (`[192.0.2.1]`,
    /// `[IPv6:2001:db8::1]`; no other address-literal tag is registered). ASCII only (no SMTPUTF8).
    static func isEmail(_ string: String) -> Bool {
        let s = Array(string.unicodeScalars)
        guard let at = localPartEnd(s), at <= 64, at < s.count, s[at] == "@" else { return false }
        let domain = s[(at + 1)...]
        if domain.first == "[" {
            guard domain.last == "]", domain.count >= 3 else { return false }
            return isAddressLiteral(domain.dropFirst().dropLast())
        }
        return isDomain(domain)
    }

    /// Where the local part at the start of `s` ends (the index of the `@` after it), or `nil` when
    /// it is neither a `Dot-string` nor a `Quoted-string`.
    private static func localPartEnd(_ s: [Unicode.Scalar]) -> Int? {
        if s.first == "\"" {
            var index = 1
            while index < s.count {
                switch s[index].value {
                case 34: return index + 1  // the closing quote
                case 92:  // quoted-pairSMTP: a backslash and any printable ASCII
                    guard index + 1 < s.count, (32...126).contains(s[index + 1].value) else { return nil }
                    index += 2
                case 32...33, 35...91, 93...126: index += 1  // qtextSMTP
                default: return nil
                }
            }
            return nil
        }
        guard let at = s.firstIndex(of: "@") else { return nil }
        let words = s[..<at].split(separator: ".", omittingEmptySubsequences: false)
        return words.allSatisfy({ word in !word.isEmpty && word.allSatisfy(isAtext) }) ? at : nil
    }

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// A fully qualified domain name: labels of letters, digits and inner hyphens (1 to 63 each),
    /// at least two, the last alphabetic and at least two letters long.
    private static func isDomain(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count <= 255 else { return false }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(isLetter) else {
            return false
        }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { isLetter($0) || isDigit($0) || $0 == "-" }
        }
    }

    /// RFC 5321 `IPv4-address-literal` or `IPv6-address-literal` (between the brackets).
    private static func isAddressLiteral(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        let tag = Array("IPv6:".unicodeScalars)
        if s.count > tag.count,
            s.prefix(tag.count).elementsEqual(
                tag, by: { $0.properties.lowercaseMapping == $1.properties.lowercaseMapping })
        {
            return isIPv6(s.dropFirst(tag.count), compressedGroups: 6, leadingZeros: true)
        }
        return isIPv4(s, leadingZeros: true)
    }

    /// Four numbers of 1 to 3 digits, 0 to 255, separated by dots. RFC 5321's `Snum` may have
    /// `leadingZeros` (`01`); RFC 3986's `dec-octet` may not.
    static func isIPv4(_ s: ArraySlice<Unicode.Scalar>, leadingZeros: Bool) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                (1...3).contains(part.count) && part.allSatisfy(isDigit)
                    && (leadingZeros || part.count == 1 || part.first != "0")
                    && part.reduce(0, { $0 * 10 + Int($1.value - 48) }) <= 255
            }
    }

    /// An IPv6 address: eight groups of 1 to 4 hex digits, or at most `compressedGroups` around one
    /// `::` standing for the rest, the last two groups optionally an IPv4 address (``isIPv4(_:leadingZeros:)``).
    /// RFC 5321's `IPv6-addr` lets `::` stand for at least two groups (6, leading zeros allowed);
    /// RFC 3986's `IPv6address` for at least one (7, no leading zeros).
    static func isIPv6(_ s: ArraySlice<Unicode.Scalar>, compressedGroups: Int, leadingZeros: Bool) -> Bool {
        var text = Array(s)
        var groups = 0
        // A trailing IPv4 address counts as two groups.
        if let lastColon = text.lastIndex(of: ":"), text[(lastColon + 1)...].contains(".") {
            guard isIPv4(text[(lastColon + 1)...], leadingZeros: leadingZeros) else { return false }
            text = Array(text[...lastColon]) + ["0"]
            groups += 1
        }
        func isGroup(_ group: ArraySlice<Unicode.Scalar>) -> Bool {
            (1...4).contains(group.count) && group.allSatisfy(isHexDigit)
        }
        let compressed = text.indices.dropLast().contains { text[$0] == ":" && text[$0 + 1] == ":" }
        if !compressed {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            return parts.allSatisfy(isGroup) && parts.count + groups == 8
        }
        // Exactly one "::": split the text at it and check each side's groups.
        let string = String(String.UnicodeScalarView(text))
        let sides = string.components(separatedBy: "::")
        guard sides.count == 2 else { return false }
        var count = groups
        for side in sides where !side.isEmpty {
            let parts = Array(side.unicodeScalars).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.allSatisfy(isGroup) else { return false }
            count += parts.count
        }
        return count <= compressedGroups
    }

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

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }
}
