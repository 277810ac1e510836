import Foundation

/// Brave's `freshness` parameter for "pages from the last `days` days": `pd`, `pw`, `pm` and `py`
/// for 1, 7, 31 and 365 days, otherwise the explicit range `YYYY-MM-DDtoYYYY-MM-DD` that ends on
/// `today` (UTC).
enum BraveFreshness {
    static func parameter(days: Int, today: Date) -> String {
        switch days {
        case 1: return "pd"
        case 7: return "pw"
        case 31: return "pm"
        case 365: return "py"
        default:
            let start = today.addingTimeInterval(-Double(days) * 86_400)
            return "\(day(start))to\(day(today))"
        }
    }

    private static func day(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day())
    }
}
