import Foundation
import TaskRuntime

/// How the dashboard shows numbers, sizes, times and JSON: the same everywhere, whatever the
/// server's locale (thousands separated by a comma, times in UTC).
enum Format {
    /// `1234567` as `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A byte count in the largest binary unit below it: `512 B`, `3.4 MiB`.
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var size = Double(value)
        var unit = 0
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count(Int(value))) B" : String(format: "%.1f %@", size, units[unit])
    }

    /// A duration in seconds as people say it: `850 ms`, `42 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`.
    static func duration(_ seconds: Double) -> String {
        let seconds = max(0, seconds)
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        if seconds < 60 { return seconds < 10 ? String(format: "%.1f s", seconds) : "\(Int(seconds)) s" }
        let whole = Int(seconds)
        if whole < 3600 { return "\(whole / 60) min" + (whole % 60 > 0 ? " \(whole % 60) s" : "") }
        if whole < 86_400 { return "\(whole / 3600) h" + (whole % 3600 / 60 > 0 ? " \(whole % 3600 / 60) min" : "") }
        return "\(whole / 86_400) d" + (whole % 86_400 / 3600 > 0 ? " \(whole % 86_400 / 3600) h" : "")
    }

    /// `2026-12-06 21:04:05 UTC`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// A time relative to `now` (`5 min ago`, `in 3 s`) with the exact UTC time on hover and in `datetime`.
    static func time(_ date: Date, now: Date) -> HTML {
        let offset = date.timeIntervalSince(now)
        let relative = abs(offset) < 1 ? "now" : offset < 0 ? "\(duration(-offset)) ago" : "in \(duration(offset))"
        return "<time datetime=\"\(date.formatted(.iso8601))\" title=\"\(utc(date))\">\(relative)</time>"
    }

    /// A progress percentage with one decimal where it has one: `42`, `42.5`.
    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value)
    }

    /// A JSON value as nested, collapsible lists: objects and arrays in `<details>`, open to `openDepth`.
    static func json(_ value: JSONValue, openDepth: Int = 2) -> HTML {
        "<div class=\"json\">\(node(value, depth: 0, openDepth: openDepth))</div>"
    }

    private static func node(_ value: JSONValue, depth: Int, openDepth: Int) -> HTML {
        switch value {
        case .object(let members) where !members.isEmpty:
            let rows = members.keys.sorted().map { key -> HTML in
                "<li><span class=\"json-key\">\(key)</span>: \(node(members[key]!, depth: depth + 1, openDepth: openDepth))</li>"
            }
            return container("{…} \(members.count) \(members.count == 1 ? "key" : "keys")", rows, depth, openDepth)
        case .array(let items) where !items.isEmpty:
            let rows = items.map { "<li>\(node($0, depth: depth + 1, openDepth: openDepth))</li>" as HTML }
            return container("[…] \(items.count) \(items.count == 1 ? "item" : "items")", rows, depth, openDepth)
        case .string(let text):
            return "<span class=\"json-string\">\(JSONValue.string(text).canonicalString())</span>"
        case .null:
            return "<span class=\"json-null\">null</span>"
        default:
            return "<span class=\"json-scalar\">\(value.canonicalString())</span>"
        }
    }

    private static func container(_ summary: String, _ rows: [HTML], _ depth: Int, _ openDepth: Int) -> HTML {
        "<details\(depth < openDepth ? " open" : "" as HTML)><summary>\(summary)</summary><ul>\(rows)</ul></details>"
    }
}
