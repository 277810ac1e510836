/// `format: uri`: an RFC 3986 `URI` (section 3), each part checked against its ABNF.
///
///     URI       = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
///     hier-part = "//" authority path-abempty / path-absolute / path-rootless / path-empty
///     authority = [ userinfo "@" ] host [ ":" port ]
///     host      = IP-literal / IPv4address / reg-name
extension FormatScanner {
    static func isURI(_ s: [Unicode.Scalar]) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon > 0, isLetter(s[0]),
            s[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || "+-.".unicodeScalars.contains($0) })
        else { return false }
        var rest = s[(colon + 1)...]
        if let hash = rest.firstIndex(of: "#") {
            guard isEscaped(rest[(hash + 1)...], allowing: isQueryCharacter) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard isEscaped(rest[(question + 1)...], allowing: isQueryCharacter) else { return false }
            rest = rest[..<question]
        }
        guard rest.starts(with: "//".unicodeScalars) else {
            // path-absolute, path-rootless or path-empty: segments of pchars; a path-absolute's
            // first segment is not empty (that would be "//", an authority).
            return isPath(rest)
        }
        let afterSlashes = rest.dropFirst(2)
        let pathStart = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
        return isAuthority(afterSlashes[..<pathStart]) && isPath(afterSlashes[pathStart...])
    }

    /// `[ userinfo "@" ] host [ ":" port ]`.
    private static func isAuthority(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var hostAndPort = s
        if let at = s.lastIndex(of: "@") {
            guard isEscaped(s[..<at], allowing: { isUnreserved($0) || isSubDelimiter($0) || $0 == ":" }) else {
                return false
            }
            hostAndPort = s[(at + 1)...]
        }
        var host = hostAndPort
        // The port follows the last ":" that is not inside an IP literal's brackets.
        let literalEnd = hostAndPort.lastIndex(of: "]")
        if let colon = hostAndPort.lastIndex(of: ":"), literalEnd.map({ colon > $0 }) ?? true {
            guard hostAndPort[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = hostAndPort[..<colon]
        }
        if host.first == "[" {
            guard host.count >= 2, host.last == "]" else { return false }
            return isIPLiteral(host.dropFirst().dropLast())
        }
        // reg-name (an IPv4address is one too): unreserved, %-escapes and sub-delims only.
        return isEscaped(host, allowing: { isUnreserved($0) || isSubDelimiter($0) })
    }

    /// Between the brackets of an `IP-literal`: an `IPv6address` or an `IPvFuture`
    /// (`"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`).
    private static func isIPLiteral(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.first == "v" || s.first == "V" else {
            return isIPv6(s, compressedGroups: 7, leadingZeros: false)
        }
        guard let dot = s.firstIndex(of: "."), dot > s.startIndex + 1, dot + 1 < s.endIndex else { return false }
        return s[(s.startIndex + 1)..<dot].allSatisfy(isHexDigit)
            && s[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == ":" }
    }

    /// Segments of `pchar`s separated by "/".
    private static func isPath(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        isEscaped(s, allowing: { isPathCharacter($0) || $0 == "/" })
    }

    /// Whether `s` holds only characters `allowed` accepts and valid %-escapes.
    private static func isEscaped(
        _ s: ArraySlice<Unicode.Scalar>, allowing allowed: (Unicode.Scalar) -> Bool
    ) -> Bool {
        var index = s.startIndex
        while index < s.endIndex {
            if s[index] == "%" {
                guard index + 2 < s.endIndex, isHexDigit(s[index + 1]), isHexDigit(s[index + 2]) else { return false }
                index += 3
            } else {
                guard allowed(s[index]) else { return false }
                index += 1
            }
        }
        return true
    }

    /// `pchar` without `pct-encoded`: unreserved, sub-delims, ":" and "@".
    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isUnreserved(scalar) || isSubDelimiter(scalar) || scalar == ":" || scalar == "@"
    }

    /// What a query or fragment holds besides %-escapes: `pchar`, "/" and "?".
    private static func isQueryCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isPathCharacter(scalar) || scalar == "/" || scalar == "?"
    }

    private static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || isDigit(scalar) || scalar == "-" || scalar == "." || scalar == "_" || scalar == "~"
    }

    private static func isSubDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        "!$&'()*+,;=".unicodeScalars.contains(scalar)
    }
}
