import Foundation

/// How long a provider asks a client to wait before trying again, read from the answer's headers:
/// `Retry-After` (seconds or an HTTP date) and Brave's `X-RateLimit-Reset` (seconds until each of the
/// plan's windows resets, such as `1, 1419704` for a per-second and a per-month window) with
/// `X-RateLimit-Remaining` (the units left in each window). The reset of a window with none left
/// counts; when no window is spent, the shortest reset does.
struct ProviderWait {
    /// Seconds to wait; `nil` when the headers do not say.
    let seconds: Double?

    init(retryAfter: String?, rateLimitRemaining: String?, rateLimitReset: String?, now: Date) {
        let waits = [
            Self.retryAfterSeconds(retryAfter, now: now), Self.resetSeconds(rateLimitRemaining, rateLimitReset),
        ]
        seconds = waits.compactMap { $0 }.max()
    }

    private static func retryAfterSeconds(_ value: String?, now: Date) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: value) else { return nil }
        return max(date.timeIntervalSince(now), 0)
    }

    private static func resetSeconds(_ remaining: String?, _ reset: String?) -> Double? {
        let resets = numbers(reset)
        guard !resets.isEmpty else { return nil }
        let left = numbers(remaining)
        let spent = resets.indices.filter { left.indices.contains($0) && left[$0] <= 0 }.map { resets[$0] }
        return spent.max() ?? resets.min()
    }

    /// `"1, 1419704"` as `[1, 1419704]`; unreadable entries are dropped.
    private static func numbers(_ list: String?) -> [Double] {
        (list ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }
}
