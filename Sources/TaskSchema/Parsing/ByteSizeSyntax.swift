/// Sizes as written in `tasks.yaml`: a whole number of bytes, or a number with a unit `KB`, `MB`,
/// `GB`, `TB` (powers of 1000) or `KiB`, `MiB`, `GiB`, `TiB` (powers of 1024), such as `500MB` or `2GiB`.
public enum ByteSizeSyntax {
    /// Valid examples, for diagnostics.
    public static let examples = "'500MB', '2GiB' or 1048576"

    private static let bytesPerUnit: [String: Int64] = [
        "B": 1,
        "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "TB": 1_000_000_000_000,
        "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40,
    ]

    /// The number of bytes `text` spells, or `nil` when it is malformed, zero or too large.
    public static func parse(_ text: String) -> Int64? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).drop { $0 == " " }
        guard !digits.isEmpty, let amount = Int64(digits), amount > 0,
            let perUnit = unit.isEmpty ? 1 : bytesPerUnit[String(unit)]
        else { return nil }
        let (bytes, overflow) = amount.multipliedReportingOverflow(by: perUnit)
        return overflow ? nil : bytes
    }
}
