import Foundation
import SQLiteNIO
import TaskRuntime

extension SQLiteJobStore {
    /// One `BEGIN IMMEDIATE` transaction (the write lock from the start, so claims in this and other
    /// processes take turns): create full buckets on first use, refill them to now, claim with as many
    /// jobs per key as a bucket holds whole tokens, and take a token per job started.
    func claimRateLimited(_ request: ClaimRequest) async throws -> ClaimResult {
        let rules = request.rateLimits
        let now = Date()
        return try await transactions.run { connection in
            let available = try await Self.refilledBuckets(rules, now: now, on: connection)
            let grants = available.mapValues { min(Int($0.rounded(.down)), request.limit) }
            let claimed = try await Self.claim(request, tokens: grants, now: now, on: connection)
            let spending = RateLimitSpending(rules: rules, available: available, grants: grants, started: claimed)
            for (key, tokens) in zip(spending.keys, spending.remaining) {
                try await Self.setBucket(key, tokens: tokens, now: now, on: connection)
            }
            return ClaimResult(jobs: claimed, nextTokenIn: spending.nextTokenIn)
        }
    }
}

extension SQLiteJobStore {
    /// One `BEGIN IMMEDIATE` transaction: create the bucket full on first use, refill it to now and
    /// take `cost` tokens if it holds them.
    public func spendRateTokens(_ cost: Int, of rule: RateLimitRule) async throws -> RateSpend {
        let now = Date()
        return try await transactions.run { connection in
            guard let available = try await Self.refilledBuckets([rule], now: now, on: connection)[rule.key] else {
                throw MalformedRow(column: "tokens or refilled_at")
            }
            let granted = available >= Double(cost)
            let remaining = granted ? available - Double(cost) : available
            try await Self.setBucket(rule.key, tokens: remaining, now: now, on: connection)
            return RateSpend(granted: granted, remaining: remaining)
        }
    }
}

extension SQLiteJobStore {
    /// Inside a transaction: creates the missing buckets of `rules` full, and returns what each holds
    /// at `now`, refilled at its rate and capped at its burst.
    static func refilledBuckets(
        _ rules: [RateLimitRule], now: Date, on connection: SQLiteConnection
    ) async throws -> [String: Double] {
        for rule in rules {
            _ = try await connection.query(
                "INSERT OR IGNORE INTO rate_buckets (key, tokens, refilled_at) VALUES (?, ?, ?)",
                [.text(rule.key), .float(Double(rule.burst)), .integer(Int(now.microseconds))])
        }
        let placeholders = Array(repeating: "?", count: rules.count).joined(separator: ", ")
        let buckets = try await connection.query(
            "SELECT key, tokens, refilled_at FROM rate_buckets WHERE key IN (\(placeholders))",
            rules.map { .text($0.key) })
        var available: [String: Double] = [:]
        for bucket in buckets {
            guard let key = bucket.column("key")?.string, let rule = rules.first(where: { $0.key == key }),
                let tokens = bucket.column("tokens")?.double, let refilledAt = bucket.column("refilled_at")?.integer
            else { continue }
            available[key] = rule.refilled(tokens, after: .microseconds(Int64(now.microseconds) - Int64(refilledAt)))
        }
        return available
    }

    /// Inside a transaction: the bucket `key` holds `tokens` as of `now`.
    static func setBucket(_ key: String, tokens: Double, now: Date, on connection: SQLiteConnection) async throws {
        _ = try await connection.query(
            "UPDATE rate_buckets SET tokens = ?, refilled_at = ? WHERE key = ?",
            [.float(tokens), .integer(Int(now.microseconds)), .text(key)])
    }
}
